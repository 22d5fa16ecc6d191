// What the people services are handed: the store, a clock (epoch ms), an id source and, when the
// node records an audit log, the sink. Nothing here is read from the environment.
import type { AuditSink } from '../access/index.js';
import type { Store } from '../store/index.js';

export interface UsersDeps {
  readonly store: Store;
  readonly clock: () => number;
  readonly newId: () => string;
  readonly audit?: AuditSink | undefined;
}

/** Epoch milliseconds as RFC 3339 UTC with microseconds (the form sessions and tokens keep). */
export function isoMicros(ms: number): string {
  return `${new Date(Math.floor(ms)).toISOString().slice(0, 23)}000Z`;
}
