// What every input format provides: a reader turning one line into an event, a line to skip
// (headers, blank lines) or a bad line with its reason. Readers may keep state (Zeek headers).
import type { DetectEvent } from '../event.js';

export type LineResult =
  | { readonly kind: 'event'; readonly event: DetectEvent }
  | { readonly kind: 'skip' }
  | { readonly kind: 'bad'; readonly reason: string };

export interface LineReader {
  read(line: string, lineNumber: number): LineResult;
}

export const SKIP: LineResult = Object.freeze({ kind: 'skip' });

export const bad = (reason: string): LineResult => ({ kind: 'bad', reason });
