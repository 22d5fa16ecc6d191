// Exact-value terms of one SCO: every value-bearing top-level property (SCO_VALUE_PROPERTIES),
// each hash of a hashes dictionary under its canonical algorithm. Reference properties
// (email-message from_ref/to_refs, resolves_to_refs, ...) hold ids, not values, and are skipped:
// the referenced SCO is indexed on its own.
import { childPath } from '../stix/index.js';
import { addHash, addValue } from './add-value.js';
import { isScoType, SCO_VALUE_PROPERTIES } from './property-kinds.js';
import type { TermSink } from './term.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function addScoTerms(sink: TermSink, sco: Record<string, unknown>, path: string): void {
  const type = sco['type'];
  if (typeof type !== 'string' || !isScoType(type)) return;
  for (const [property, kind] of Object.entries(SCO_VALUE_PROPERTIES[type])) {
    const raw = sco[property];
    if (raw === undefined) continue;
    const source = childPath(path, property);
    if (kind !== 'hashes') {
      addValue(sink, kind, raw, source);
      continue;
    }
    if (!isRecord(raw)) {
      sink.skip(source, 'hashes is not a dictionary');
      continue;
    }
    for (const [algorithm, value] of Object.entries(raw)) addHash(sink, algorithm, value, childPath(source, algorithm));
  }
}

/**
 * observed-data's deprecated `objects` dictionary embeds SCOs (keys '0', '1', ...): they are
 * indexed as the observed-data's own terms. `object_refs` (2.1) name SCOs indexed on their own.
 */
export function addEmbeddedScoTerms(sink: TermSink, objects: unknown): void {
  if (!isRecord(objects)) return;
  for (const [key, sco] of Object.entries(objects)) if (isRecord(sco)) addScoTerms(sink, sco, childPath('$.objects', key));
}
