// The messages between the stats client and its worker. Both import this file, so neither imports the other.
import type { StatsProgress, StatsRequest } from '../db/stats';
import type { TimeZone } from '../domain/stats/days';

export type JobBody = { kind: 'stats'; request: StatsRequest } | { kind: 'plan'; now: number; zone: TimeZone };
export type StatsJob = JobBody & { id: number };

export type StatsWorkerMessage =
  | { id: number; type: 'progress'; progress: StatsProgress }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'error'; message: string };
