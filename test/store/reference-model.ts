// A deliberately naive, in-memory statement of the query and delete semantics documented in
// src/store/types.ts, written independently of the adapters (no SQL, no shared helpers). The
// property test compares every adapter against it.
import type { DeleteFilter, ObjectQuery, ObjectRecord, VersionSelector } from '../../src/store/index.js';

/** Whole microseconds since the epoch, or NaN; any RFC 3339 UTC precision. */
export function instant(value: string): number {
  const m = /^(.{19})(?:\.(\d+))?Z$/.exec(value);
  if (m === null) return Number.NaN;
  const seconds = Date.parse(`${m[1]}Z`);
  const micros = Number(((m[2] ?? '') + '000000').slice(0, 6));
  return seconds * 1000 + micros;
}

function specNumber(spec: string): number {
  const [major = '0', minor = '0'] = spec.split('.');
  return Number(major) * 1000 + Number(minor);
}

/** The version an object is ordered and matched by: its version, else its dateAdded. */
function orderInstant(row: ObjectRecord): number {
  return instant(row.version ?? row.dateAdded);
}

function before(a: ObjectRecord, b: ObjectRecord): boolean {
  const ka = orderInstant(a);
  const kb = orderInstant(b);
  return ka < kb || (ka === kb && a.seq < b.seq);
}

/** Rows of one collection chosen by spec filter and version selectors, per object id. */
function select(
  rows: readonly ObjectRecord[],
  specFilter: 'newest' | 'any' | readonly string[],
  selectors: readonly VersionSelector[] | undefined,
): ObjectRecord[] {
  const byId = new Map<string, ObjectRecord[]>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  const chosen: ObjectRecord[] = [];
  for (const versions of byId.values()) {
    let eligible: ObjectRecord[];
    if (specFilter === 'any') eligible = versions;
    else if (specFilter === 'newest') {
      const newest = Math.max(...versions.map((v) => specNumber(v.specVersion)));
      eligible = versions.filter((v) => specNumber(v.specVersion) === newest);
    } else eligible = versions.filter((v) => specFilter.includes(v.specVersion));
    if (eligible.length === 0) continue;
    let first = eligible[0]!;
    let last = eligible[0]!;
    for (const v of eligible) {
      if (before(v, first)) first = v;
      if (before(last, v)) last = v;
    }
    for (const v of eligible) {
      const hit =
        selectors === undefined ||
        selectors.some(
          (s) =>
            s.kind === 'all' ||
            (s.kind === 'last' && v === last) ||
            (s.kind === 'first' && v === first) ||
            (s.kind === 'at' && instant(s.timestamp) === orderInstant(v)),
        );
      if (hit) chosen.push(v);
    }
  }
  return chosen;
}

/** Every record the query matches, ascending by seq, ignoring afterSeq and limit. */
export function referenceQuery(all: readonly ObjectRecord[], query: ObjectQuery): ObjectRecord[] {
  const rows = all.filter((r) => r.collectionId === query.collectionId);
  const chosen = select(rows, query.specVersions ?? 'newest', query.versions ?? [{ kind: 'last' }]);
  return chosen
    .filter((r) => query.ids === undefined || query.ids.includes(r.id))
    .filter((r) => query.types === undefined || query.types.includes(r.type))
    .filter((r) => query.addedAfter === undefined || instant(r.dateAdded) > instant(query.addedAfter))
    .sort((a, b) => a.seq - b.seq);
}

/** The rows deleteObject removes. */
export function referenceDelete(all: readonly ObjectRecord[], collectionId: string, id: string, filter: DeleteFilter): ObjectRecord[] {
  const rows = all.filter((r) => r.collectionId === collectionId && r.id === id);
  return select(rows, filter.specVersions ?? 'any', filter.versions);
}
