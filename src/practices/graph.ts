// An index over a set of STIX objects for the "what to do" walk: objects by id (the newest
// `modified` wins when an id appears twice), relationships by source and by target, which notes and
// reports refer to which object, language-content by the object it translates, and ATT&CK ids.
export type StixObject = Readonly<Record<string, unknown>>;

/** external_references source names MITRE uses for ATT&CK ids (Enterprise, ICS, Mobile). */
const ATTACK_SOURCES: ReadonlySet<string> = new Set(['mitre-attack', 'mitre-ics-attack', 'mitre-mobile-attack']);

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly object: StixObject;
}

export interface PracticeGraph {
  readonly byId: ReadonlyMap<string, StixObject>;
  readonly outgoing: ReadonlyMap<string, readonly Relationship[]>;
  readonly incoming: ReadonlyMap<string, readonly Relationship[]>;
  /** Notes and reports whose object_refs hold the key. */
  readonly referencedBy: ReadonlyMap<string, readonly string[]>;
  /** Courses of action naming an ATT&CK id in their external references, by that id. */
  readonly actionsByAttackId: ReadonlyMap<string, readonly string[]>;
  /** language-content objects by their object_ref. */
  readonly translations: ReadonlyMap<string, readonly StixObject[]>;
}

export function str(object: StixObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

function strings(object: StixObject, key: string): string[] {
  const value = object[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The ATT&CK id (T0880, M0812, ...) of an object, from its MITRE external reference. */
export function attackIdOf(object: StixObject): string | undefined {
  const refs = object['external_references'];
  if (!Array.isArray(refs)) return undefined;
  for (const ref of refs) {
    if (typeof ref !== 'object' || ref === null) continue;
    const { source_name: source, external_id: id } = ref as Record<string, unknown>;
    if (typeof source === 'string' && ATTACK_SOURCES.has(source) && typeof id === 'string') return id;
  }
  return undefined;
}

/** Why an object is left out of advice: revoked (STIX) or deprecated (ATT&CK's x_mitre_deprecated). */
export function retiredReason(object: StixObject): 'revoked' | 'deprecated' | undefined {
  if (object['revoked'] === true) return 'revoked';
  if (object['x_mitre_deprecated'] === true) return 'deprecated';
  return undefined;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function newer(a: StixObject, b: StixObject): boolean {
  return (str(a, 'modified') ?? str(a, 'created') ?? '') > (str(b, 'modified') ?? str(b, 'created') ?? '');
}

export function buildGraph(objects: Iterable<StixObject>): PracticeGraph {
  const byId = new Map<string, StixObject>();
  for (const object of objects) {
    const id = str(object, 'id');
    if (id === undefined) continue;
    const held = byId.get(id);
    if (held === undefined || newer(object, held)) byId.set(id, object);
  }
  const outgoing = new Map<string, Relationship[]>();
  const incoming = new Map<string, Relationship[]>();
  const referencedBy = new Map<string, string[]>();
  const actionsByAttackId = new Map<string, string[]>();
  const translations = new Map<string, StixObject[]>();
  for (const [id, object] of byId) {
    const type = str(object, 'type');
    if (type === 'relationship') {
      const source = str(object, 'source_ref');
      const target = str(object, 'target_ref');
      const relType = str(object, 'relationship_type');
      if (source === undefined || target === undefined || relType === undefined) continue;
      const rel: Relationship = { id, type: relType, source, target, object };
      push(outgoing, source, rel);
      push(incoming, target, rel);
    } else if (type === 'note' || type === 'report') {
      for (const ref of strings(object, 'object_refs')) push(referencedBy, ref, id);
    } else if (type === 'language-content') {
      const ref = str(object, 'object_ref');
      if (ref !== undefined) push(translations, ref, object);
    }
    if (type === 'course-of-action') {
      const refs = object['external_references'];
      if (Array.isArray(refs)) {
        for (const ref of refs) {
          const external = typeof ref === 'object' && ref !== null ? (ref as Record<string, unknown>)['external_id'] : undefined;
          if (typeof external === 'string' && /^T\d{4}(\.\d{3})?$/.test(external)) push(actionsByAttackId, external, id);
        }
      }
    }
  }
  return { byId, outgoing, incoming, referencedBy, actionsByAttackId, translations };
}
