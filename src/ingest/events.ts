// The in-process event bus ingest announces new objects on. A Node EventEmitter satisfies it;
// subscribers (sync, detect, supplychain) listen for 'added' and are never called from the store.

import type { ObjectRecord } from '../store/index.js';

/** A newly stored object version, with the exact JSON that was stored. */
export type AddedObject = ObjectRecord & { readonly json: string };

export interface IngestEvents {
  emit(event: 'added', records: readonly AddedObject[]): unknown;
}
