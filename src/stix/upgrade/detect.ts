// Recognising STIX 2.0 content, so that it is named as such ("STIX 2.0 content: ...") instead of
// drowning in 2.1 findings, and so the upgrade knows which objects to convert. STIX 2.1 requires
// spec_version on every SDO, SRO and marking definition and drops it from bundles; 2.0 did the
// opposite. A cyber-observable without spec_version is valid 2.1, so it is never evidence.
import { isPlainObject } from '../paths.js';
import { isScoType } from '../registry.js';

/** True when this one object (not a bundle) is STIX 2.0: spec_version "2.0", or an SDO/SRO/other object without spec_version. */
export function isStix20Object(value: unknown): boolean {
  if (!isPlainObject(value) || value['type'] === 'bundle') return false;
  const specVersion = value['spec_version'];
  if (specVersion === '2.0') return true;
  if (specVersion !== undefined) return false;
  const type = value['type'];
  return typeof type === 'string' && !isScoType(type);
}

/**
 * Why a document (bundle, object or list of objects) is STIX 2.0 content, as one sentence that
 * names the first object showing it, or null when nothing in it is 2.0.
 */
export function stix20Evidence(input: unknown): string | null {
  if (Array.isArray(input)) return firstObjectEvidence(input, '$');
  if (!isPlainObject(input)) return null;
  if (input['type'] === 'bundle') {
    if (input['spec_version'] !== undefined) {
      return `the bundle carries spec_version ${JSON.stringify(input['spec_version'])} (STIX 2.1 bundles have none; spec_version moved onto each object)`;
    }
    return Array.isArray(input['objects']) ? firstObjectEvidence(input['objects'], '$.objects') : null;
  }
  return objectEvidence(input, '$');
}

function firstObjectEvidence(objects: readonly unknown[], path: string): string | null {
  for (let i = 0; i < objects.length; i++) {
    const found = objectEvidence(objects[i], `${path}[${i}]`);
    if (found !== null) return found;
  }
  return null;
}

/** Why one object is STIX 2.0, or null. */
export function objectEvidence(value: unknown, path: string): string | null {
  if (!isStix20Object(value) || !isPlainObject(value)) return null;
  const who = `${path} (${typeof value['id'] === 'string' ? value['id'] : String(value['type'])})`;
  if (value['spec_version'] === '2.0') return `${who} has spec_version "2.0"`;
  const hints: string[] = [];
  if (value['type'] === 'observed-data' && isPlainObject(value['objects'])) hints.push('an observed-data "objects" dictionary');
  if (Array.isArray(value['labels']) && (value['type'] === 'indicator' || value['type'] === 'malware' || value['type'] === 'tool' || value['type'] === 'threat-actor' || value['type'] === 'report')) hints.push('type labels');
  const with_ = hints.length > 0 ? `, with ${hints.join(' and ')}` : '';
  return `${who} has no spec_version, which STIX 2.1 requires on every SDO and SRO${with_}`;
}
