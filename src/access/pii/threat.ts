// "Not the threat itself": what a share tells us about which values and SCOs ARE the threat, so
// that personal-data rules never redact the very indicator being shared. The rule (documented in
// docs/outbound-gate.md):
// 1. every quoted literal of every STIX-pattern indicator in the share is a threat value (a
//    phishing sender's address in `[email-addr:value = '...']`), wherever it appears in the share;
// 2. an email-addr or user-account SCO is a threat object when
//    - an indicator is `based-on` it (directly, or on an observed-data that references it), or
//    - a sighting names an observed-data (observed_data_refs) that references it, or
//    - it carries the custom property x_setu_threat: true (set by the producer), or
//    - its identifying value (email-addr value, user-account user_id/account_login) is a threat value.
// Everything here is derived from the objects alone: pure, no store, no clock.
import { refangEmail } from './email.js';

type Json = Readonly<Record<string, unknown>>;

export interface ThreatContext {
  /** Lower-case threat values (pattern literals). */
  readonly values: ReadonlySet<string>;
  /** Ids of SCOs that are the threat. */
  readonly objects: ReadonlySet<string>;
}

export const NO_THREATS: ThreatContext = { values: new Set(), objects: new Set() };

const LITERAL = /'((?:[^'\\]|\\.)*)'/g;

/** The quoted string literals of a STIX pattern, unescaped. */
export function patternLiterals(pattern: string): string[] {
  return [...pattern.matchAll(LITERAL)].map((m) => (m[1] ?? '').replace(/\\(.)/g, '$1'));
}

/** The normal form threat values are compared in: lower case; a defanged address is refanged. */
export function threatValueNormal(value: string): string {
  const trimmed = value.trim();
  const at = trimmed.indexOf('@');
  return at > 0 ? refangEmail(trimmed.slice(0, at), trimmed.slice(at + 1)) : trimmed.toLowerCase();
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The identifying values of an email-addr / user-account SCO (what a finding reports as its match). */
export function scoValues(object: Json): string[] {
  const keys = object['type'] === 'email-addr' ? ['value'] : ['user_id', 'account_login'];
  return keys.map((k) => object[k]).filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Ids of SCOs an observed-data names (object_refs; the deprecated embedded `objects` hold no ids). */
function observedRefs(od: Json): string[] {
  return strings(od['object_refs']);
}

export function threatContextOf(objects: Iterable<Json>): ThreatContext {
  const values = new Set<string>();
  const objectsOut = new Set<string>();
  const all = [...objects];
  const byId = new Map<string, Json>();
  for (const o of all) if (typeof o['id'] === 'string') byId.set(o['id'], o);

  const markTarget = (id: string) => {
    objectsOut.add(id);
    const target = byId.get(id);
    if (target?.['type'] === 'observed-data') for (const ref of observedRefs(target)) objectsOut.add(ref);
  };
  for (const o of all) {
    if (o['type'] === 'indicator' && typeof o['pattern'] === 'string' && (o['pattern_type'] ?? 'stix') === 'stix') {
      for (const literal of patternLiterals(o['pattern'])) values.add(threatValueNormal(literal));
    }
    if (o['type'] === 'relationship' && o['relationship_type'] === 'based-on' && typeof o['source_ref'] === 'string' && o['source_ref'].startsWith('indicator--') && typeof o['target_ref'] === 'string') {
      markTarget(o['target_ref']);
    }
    if (o['type'] === 'sighting') for (const ref of strings(o['observed_data_refs'])) markTarget(ref);
    if ((o['type'] === 'email-addr' || o['type'] === 'user-account') && o['x_setu_threat'] === true && typeof o['id'] === 'string') {
      objectsOut.add(o['id']);
    }
  }
  return { values, objects: objectsOut };
}

/** Merges contexts (e.g. the share's own with one computed over the whole collection). */
export function mergeThreats(...contexts: readonly ThreatContext[]): ThreatContext {
  return {
    values: new Set(contexts.flatMap((c) => [...c.values])),
    objects: new Set(contexts.flatMap((c) => [...c.objects])),
  };
}
