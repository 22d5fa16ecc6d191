// refsOf: the references one STIX 2.1 object makes to other objects, as (path, target) pairs, for
// the reference index (migration 12) that answers "who references X" with one probe. Pure.
//
//   taken:   every property named `*_ref` (a STIX id) or `*_refs` (a list of them), at any depth:
//            relationship source_ref/target_ref, sighting sighting_of_ref/observed_data_refs/
//            where_sighted_refs, object_refs of reports, groupings, notes, opinions and
//            observed-data, SCO refs (src_ref, resolves_to_refs, body_raw_ref in body_multipart…),
//            refs inside extensions.
//   left out (docs/pivot.md says why):
//            created_by_ref             every object would be related to its author: an identity
//                                       becomes a hub joining everything it wrote, and depth 2 from
//                                       any object reaches the author's whole output;
//            object_marking_refs,
//            granular_markings[].marking_ref   markings are visibility, applied by the predicate,
//                                       not intelligence to pivot on.
//   A value that is not a STIX id (`type--uuid`) is not a reference and is skipped.
// Paths name properties joined by '.', without list positions (`body_multipart.body_raw_ref`);
// each (path, target) pair appears once.

export interface ObjectRef {
  /** The property path, e.g. 'source_ref', 'object_refs', 'body_multipart.body_raw_ref'. */
  readonly path: string;
  /** The STIX id referenced. */
  readonly target: string;
}

/** Properties never taken (see the header). */
export const UNINDEXED_REF_PROPERTIES: readonly string[] = ['created_by_ref', 'object_marking_refs', 'marking_ref'];

const STIX_ID = /^[a-z][a-z0-9-]*--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const MAX_DEPTH = 16;

export function isStixId(value: unknown): value is string {
  return typeof value === 'string' && STIX_ID.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class RefSink {
  readonly refs: ObjectRef[] = [];
  private readonly seen = new Set<string>();
  add(path: string, target: unknown): void {
    if (!isStixId(target)) return;
    const key = `${path}\u0000${target}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.refs.push({ path, target });
  }
}

function walk(sink: RefSink, value: unknown, prefix: string, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) walk(sink, item, prefix, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (UNINDEXED_REF_PROPERTIES.includes(key)) continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (key.endsWith('_ref')) sink.add(path, child);
    else if (key.endsWith('_refs')) {
      if (Array.isArray(child)) for (const target of child) sink.add(path, target);
    } else walk(sink, child, path, depth + 1);
  }
}

/** The references `object` makes (see the header); [] for anything that is not a JSON object. */
export function refsOf(object: unknown): ObjectRef[] {
  const sink = new RefSink();
  if (!isRecord(object)) return sink.refs;
  walk(sink, object, '', 0);
  return sink.refs;
}
