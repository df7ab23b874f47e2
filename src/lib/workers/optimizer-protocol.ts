// The messages between the optimiser client and its worker. Both import this file, so neither imports the other.
import type { OptimiseOutcome } from '../domain/optimizer/optimise';
import type { TimeZone } from '../domain/stats/days';

export type OptimiserJob = { type: 'optimise'; now: number; zone: TimeZone };

export type OptimiserMessage =
  | { type: 'progress'; fraction: number; label: string }
  | { type: 'done'; outcome: OptimiseOutcome }
  | { type: 'error'; message: string };
