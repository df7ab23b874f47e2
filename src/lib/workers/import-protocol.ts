// The messages between the import client and its worker. Both import this file, so neither imports the other.
import type { ImportPreview, WriteRequest, WriteResult } from '../db/import-session';
import type { MediaFile } from '../io/media';
import type { Result } from '../io/result';

export type ImportSource = { kind: 'file'; file: File } | { kind: 'share'; payload: string };

export type ImportRequest =
  | { type: 'open'; source: ImportSource }
  | { type: 'cleaned'; media: MediaFile[] }
  | { type: 'write'; request: WriteRequest }
  /** Cancel during the write: the worker aborts its transaction and answers `written` with a cancelled result. */
  | { type: 'cancel' };

export type ImportWorkerMessage =
  /** While reading, then again from 0 while writing. */
  | { type: 'progress'; fraction: number }
  /** SVG images for the page to clean (it has the DOM); it answers with `cleaned`. */
  | { type: 'clean'; media: MediaFile[] }
  | { type: 'preview'; result: Result<ImportPreview> }
  | { type: 'written'; result: WriteResult }
  /** Something unexpected was thrown (the page says so; nothing was written). */
  | { type: 'failed'; message: string };
