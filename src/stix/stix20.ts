// Recognises STIX 2.0 content, so that validate() names it as such (one clear finding) instead of
// reporting what 2.1 misses in it property by property; an importer keys its 2.0 -> 2.1 upgrade
// offer on the STIX_2_0_CONTENT code. Pure: looks at one object and what its bundle said.
import { isPlainObject } from './paths.js';

/** The finding code for STIX 2.0 input; its messages start "STIX 2.0 content: ". */
export const STIX_2_0_CONTENT = 'STIX_2_0_CONTENT' as const;

export interface Stix20Evidence {
  /** Where the evidence sits: on 'spec_version', or the object as a whole. */
  readonly at: 'spec_version' | 'object';
  readonly message: string;
}

function who(obj: Record<string, unknown>): string {
  return typeof obj['id'] === 'string' ? obj['id'] : typeof obj['type'] === 'string' ? `this ${obj['type']}` : 'this object';
}

/**
 * Why one object is STIX 2.0 content, or null. 2.0 had no spec_version on objects (only on the
 * bundle), embedded observables in observed-data `objects`, and no SCO spec_version at all.
 */
export function stix20ObjectEvidence(obj: Record<string, unknown>, isSco: boolean, inStix20Bundle: boolean): Stix20Evidence | null {
  const sv = obj['spec_version'];
  if (sv === '2.0') return { at: 'spec_version', message: `STIX 2.0 content: ${who(obj)} has spec_version "2.0"; this node accepts STIX 2.1 (convert it with \`setu import --upgrade-from-2.0\`)` };
  if (sv !== undefined || isSco) return null;
  if (inStix20Bundle) return { at: 'object', message: `STIX 2.0 content: ${who(obj)} has no spec_version and sits in a bundle with spec_version "2.0"; STIX 2.1 requires spec_version "2.1" on every SDO, SRO and meta object` };
  if (obj['type'] === 'observed-data' && isPlainObject(obj['objects'])) {
    return { at: 'object', message: `STIX 2.0 content: ${who(obj)} has no spec_version and embeds its observables in an 'objects' dictionary (the STIX 2.0 form)` };
  }
  // 2.0 indicators had no pattern_type and 2.0 malware no is_family; both are required in 2.1.
  if (obj['type'] === 'indicator' && obj['pattern_type'] === undefined && typeof obj['pattern'] === 'string') {
    return { at: 'object', message: `STIX 2.0 content: ${who(obj)} has no spec_version and no pattern_type (a STIX 2.0 indicator)` };
  }
  if (obj['type'] === 'malware' && obj['is_family'] === undefined && Array.isArray(obj['labels'])) {
    return { at: 'object', message: `STIX 2.0 content: ${who(obj)} has no spec_version, no is_family and its malware types in 'labels' (a STIX 2.0 malware)` };
  }
  return null;
}

/** Why a bundle envelope is STIX 2.0, or null: 2.0 bundles carried spec_version "2.0", 2.1 bundles none. */
export function stix20BundleEvidence(bundle: Record<string, unknown>): string | null {
  return bundle['spec_version'] === '2.0' ? 'STIX 2.0 content: the bundle has spec_version "2.0" (a STIX 2.1 bundle has no spec_version; each object carries its own)' : null;
}
