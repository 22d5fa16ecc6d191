// validate(): a bundle (envelope plus every object at $.objects[i]), a single object, or a plain
// list of objects (each at $[i]).
import type { ValidateOptions, ValidationResult } from './findings/finding.js';
import { Collector } from './findings/collector.js';
import { walkObject, walkTable, type ObjectScope } from './walker.js';
import { childPath, indexPath, isPlainObject } from './paths.js';
import { parseId, uuidVersion } from './ids.js';
import type { PropertyTable } from './spec.js';
import { stix20BundleEvidence, STIX_2_0_CONTENT } from './stix20.js';

const BUNDLE_TABLE: PropertyTable = {
  type: { kind: 'string', required: true },
  id: { kind: 'identifier', required: true, refs: ['bundle'] },
  objects: { kind: 'any', opaque: true },
};

export function validate(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const c = new Collector(isPlainObject(options) ? options : {});
  if (isPlainObject(input) && input['type'] === 'bundle') validateBundle(c, input, options.onObject);
  else if (Array.isArray(input)) {
    if (input.length === 0) c.report('STIX_EMPTY_LIST', null, '$', 'expected a STIX object, a bundle or a non-empty list of objects, got an empty list');
    input.forEach((obj, i) => {
      walkObject(c, obj, indexPath('$', i));
      options.onObject?.();
    });
  }
  else {
    walkObject(c, input, '$');
    options.onObject?.();
  }
  return c.result();
}

function validateBundle(c: Collector, bundle: Record<string, unknown>, onObject: (() => void) | undefined): void {
  const id = typeof bundle['id'] === 'string' ? bundle['id'] : null;
  const stix20 = stix20BundleEvidence(bundle);
  if (stix20 !== null) c.report(STIX_2_0_CONTENT, id, childPath('$', 'spec_version'), stix20);
  const scope: ObjectScope = { c, objectId: id, type: 'bundle', isSco: false, toplevelExtension: false, customObject: false, stix20: stix20 !== null };
  walkTable(scope, BUNDLE_TABLE, bundle, '$', undefined, null);
  if (id !== null) {
    const parsed = parseId(id);
    if (parsed !== null && uuidVersion(parsed.uuid) !== 4) c.report('STIX_UUID_VERSION', id, '$.id', `bundle id ${id} is not a UUIDv4`);
  }
  if (!Object.hasOwn(bundle, 'objects')) return;
  const objects = bundle['objects'];
  const path = childPath('$', 'objects');
  if (!Array.isArray(objects)) {
    c.report('STIX_BUNDLE_OBJECTS', id, path, "bundle 'objects' must be a list of STIX objects");
    return;
  }
  if (objects.length === 0) c.report('STIX_EMPTY_LIST', id, path, "bundle 'objects' must not be an empty list");
  const seen = new Map<string, string | undefined>();
  for (let i = 0; i < objects.length; i++) {
    const obj = objects[i];
    const p = indexPath(path, i);
    walkObject(c, obj, p, stix20 !== null);
    onObject?.();
    if (!isPlainObject(obj) || typeof obj['id'] !== 'string' || typeof obj['modified'] !== 'string') continue;
    const oid = obj['id'];
    if (seen.has(oid) && seen.get(oid) === obj['modified']) {
      c.report('STIX_DUPLICATE_ID', oid, p, `duplicate id '${oid}' has an identical 'modified' timestamp; versions should differ in 'modified'`);
    } else if (!seen.has(oid)) seen.set(oid, obj['modified']);
  }
}
