// One log event as the detector sees it: its time and the SCOs it was mapped to, kept as a list
// whose positions are the keys references use (STIX 2.0-style inline objects: `dst_ref: "2"`
// names scos[2]). Nothing here has a STIX id yet; ids are made only for events that are reported.
import type { ObservedData } from '../pattern/index.js';
import { formatMicros } from './time.js';

export type Sco = Record<string, unknown> & { readonly type: string };

export interface DetectEvent {
  /** Epoch microseconds. */
  readonly time: number;
  readonly scos: readonly Sco[];
  /** Where it came from, for messages: file name and line number. */
  readonly source: string;
  readonly line: number;
}

/** The event as one observed-data for pattern/'s matcher (inline objects keyed by position). */
export function observedDataOf(event: DetectEvent, id: string): ObservedData {
  const at = formatMicros(event.time);
  return {
    id,
    first_observed: at,
    last_observed: at,
    number_observed: 1,
    objects: event.scos as unknown as Record<string, Record<string, unknown>>,
  };
}

const REF_KEYS = Array.from({ length: 64 }, (_, i) => String(i));

/** The reference key naming scos[index]. */
export function refKey(index: number): string {
  return REF_KEYS[index] ?? String(index);
}

/** The object a `_ref` value names inside one event, as pattern/ resolves inline references. */
export function resolveRef(scos: readonly Sco[], ref: unknown): Sco | undefined {
  if (typeof ref !== 'string') return undefined;
  const index = Number(ref);
  if (!Number.isInteger(index)) return undefined;
  const target = scos[index];
  return target !== undefined && refKey(index) === ref ? target : undefined;
}
