// What an ATT&CK bundle holds, for the import summary: its release (the x-mitre-collection's
// x_mitre_version), techniques, mitigations and the mitigates links between them, and how many of
// each kind are revoked or deprecated (kept in the store as published, left out of advice).
import { retiredReason, str, type StixObject } from './graph.js';

export interface AttackContent {
  /** The collection's name and release, when the bundle carries an x-mitre-collection. */
  readonly collection?: { readonly name: string; readonly version: string };
  readonly objects: number;
  readonly techniques: number;
  readonly mitigations: number;
  readonly mitigates: number;
  readonly uses: number;
  readonly revoked: number;
  readonly deprecated: number;
}

export function attackContent(objects: readonly StixObject[]): AttackContent {
  let techniques = 0;
  let mitigations = 0;
  let mitigates = 0;
  let uses = 0;
  let revoked = 0;
  let deprecated = 0;
  let collection: AttackContent['collection'];
  for (const object of objects) {
    const type = str(object, 'type');
    const retired = retiredReason(object);
    if (retired === 'revoked') revoked++;
    if (retired === 'deprecated') deprecated++;
    if (type === 'attack-pattern') techniques++;
    else if (type === 'course-of-action') mitigations++;
    else if (type === 'relationship' && str(object, 'relationship_type') === 'mitigates') mitigates++;
    else if (type === 'relationship' && str(object, 'relationship_type') === 'uses') uses++;
    else if (type === 'x-mitre-collection') collection = { name: str(object, 'name') ?? '', version: str(object, 'x_mitre_version') ?? '' };
  }
  return { ...(collection === undefined ? {} : { collection }), objects: objects.length, techniques, mitigations, mitigates, uses, revoked, deprecated };
}
