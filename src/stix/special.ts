// Checks that are specific to one or two types and do not reduce to table data. Specs refer to
// them by name (rule 'special'); the table is keyed by the name union, so each name has one check.
import type { ObjectScope } from './walker.js';
import { childPath, indexPath, isPlainObject } from './paths.js';
import { checkStixPattern } from './pattern-hook.js';
import { CUSTOM_TYPE_STRICT_RE } from './names.js';
import { COMMON_RELATIONSHIPS, SUGGESTED_RELATIONSHIPS } from './relationships.js';
import { isScoType } from './registry.js';
import { idType } from './ids.js';
import { tlpDefinitionMismatch, TLP2_EXTENSION_ID } from './markings.js';
import { FORMATS } from './formats.js';
import { COMPILED_ENUMS } from './vocab/index.js';

export const SPECIAL_CHECK_NAMES = [
  'external-reference-ids', 'kill-chain-names', 'indicator-pattern', 'malware-analysis-product',
  'observed-data-objects', 'relationship-types', 'sco-has-specific-property', 'windows-process-priority',
  'marking-definition', 'language-content', 'extension-definition',
] as const;
export type SpecialCheckName = (typeof SPECIAL_CHECK_NAMES)[number];

type SpecialCheck = (s: ObjectScope, obj: Record<string, unknown>, path: string) => void;

const CVE_RE = /^CVE-\d{4}-\d{4,}$/;
const CAPEC_RE = /^CAPEC-\d+$/;
const PRODUCT_RE = /^[a-z0-9-]+$/;
const CLASS_SUFFIX_RE = /.+_CLASS$/;
const DIGITS_RE = /^\d+$/;
const PROPERTY_NAME_RE = /^[a-z][a-z0-9_]{2,249}$/;
const BAD_NAME_RE = /[A-Z_ ]/;
const HAS_LOWER_RE = /[a-z]/;
const SCO_COMMON_KEYS: ReadonlySet<string> = new Set(['type', 'id', 'spec_version', 'object_marking_refs', 'granular_markings', 'defanged', 'extensions']);

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

const externalReferenceIds: SpecialCheck = (s, ref, path) => {
  const source = str(ref['source_name']);
  const ext = str(ref['external_id']);
  const lower = source?.toLowerCase();
  if ((lower === 'cve' || lower === 'capec') && source !== lower) {
    s.c.report('STIX_INVALID_FORMAT', s.objectId, childPath(path, 'source_name'), `source_name: '${source}' must be written '${lower}' for ${lower.toUpperCase()} references`);
  }
  if (source === 'cve' && ext !== undefined && !CVE_RE.test(ext)) {
    s.c.report('STIX_INVALID_FORMAT', s.objectId, childPath(path, 'external_id'), `external_id: '${ext}' is not a CVE id (CVE-YYYY-NNNN+) although source_name is 'cve'`);
  }
  if (source === 'capec' && ext !== undefined && !CAPEC_RE.test(ext)) {
    s.c.report('STIX_INVALID_FORMAT', s.objectId, childPath(path, 'external_id'), `external_id: '${ext}' is not a CAPEC id (CAPEC-N) although source_name is 'capec'`);
  }
  if (Object.hasOwn(ref, 'url') && !Object.hasOwn(ref, 'hashes')) {
    s.c.report('STIX_EXTREF_HASHES', s.objectId, path, `external reference '${source ?? ''}' has a url but no hashes`);
  }
};

function lowerHyphenated(v: string): boolean {
  return !BAD_NAME_RE.test(v) && HAS_LOWER_RE.test(v);
}

const killChainNames: SpecialCheck = (s, phase, path) => {
  for (const key of ['kill_chain_name', 'phase_name'] as const) {
    const v = str(phase[key]);
    if (v !== undefined && !lowerHyphenated(v)) {
      s.c.report('STIX_KILL_CHAIN_NAME', s.objectId, childPath(path, key), `${key} '${v}' should be all lowercase and use hyphens instead of spaces or underscores`);
    }
  }
};

const indicatorPattern: SpecialCheck = (s, obj, path) => {
  const pattern = str(obj['pattern']);
  if (pattern === undefined || obj['pattern_type'] !== 'stix') return;
  const at = childPath(path, 'pattern');
  for (const problem of checkStixPattern(pattern)) {
    if (problem.kind === 'invalid') {
      s.c.report('STIX_INVALID_PATTERN', s.objectId, at, `pattern: ${problem.message}`);
      continue;
    }
    if (problem.kind === 'never-matches') {
      s.c.report('STIX_PATTERN_NEVER_MATCHES', s.objectId, at, `pattern: ${problem.message}`);
      continue;
    }
    if (problem.kind === 'unsupported') {
      s.c.report('STIX_PATTERN_UNSUPPORTED', s.objectId, at, `pattern: ${problem.message}`);
      continue;
    }
    // Custom object types in a pattern follow the same naming policy as custom objects.
    const type = problem.objectType;
    if (s.c.customPolicy === 'prefix-strict' && !CUSTOM_TYPE_STRICT_RE.test(type)) {
      s.c.report('STIX_CUSTOM_PREFIX', s.objectId, at, `pattern: custom object type '${type}' should start with 'x-' followed by a source unique identifier, a hyphen and then the name`);
    } else if (s.c.customPolicy === 'prefix-lax' && !type.startsWith('x-')) {
      s.c.report('STIX_CUSTOM_PREFIX_LAX', s.objectId, at, `pattern: custom object type '${type}' should start with 'x-'`);
    }
  }
};

const malwareAnalysisProduct: SpecialCheck = (s, obj, path) => {
  const product = str(obj['product']);
  if (product !== undefined && !PRODUCT_RE.test(product)) {
    s.c.report('STIX_MALWARE_ANALYSIS_PRODUCT', s.objectId, childPath(path, 'product'), `product '${product}' should be all lowercase with words separated by hyphens`);
  }
};

const observedDataObjects: SpecialCheck = (s, obj, path) => {
  if (!Object.hasOwn(obj, 'objects')) return;
  const objects = obj['objects'];
  const p = childPath(path, 'objects');
  if (!isPlainObject(objects)) {
    s.c.report('STIX_DEPRECATED_OBJECTS_FORM', s.objectId, p, "objects: observed-data 'objects' must be a dictionary of cyber-observable objects");
    return;
  }
  for (const key of Object.keys(objects)) {
    const kp = childPath(p, key);
    if (!DIGITS_RE.test(key)) s.c.report('STIX_OBSERVABLE_OBJECT_KEYS', s.objectId, kp, `'${key}' is not a good key: observable object keys should be non-negative integers`);
    const sco = objects[key];
    if (!isPlainObject(sco) || typeof sco['type'] !== 'string') {
      s.c.report('STIX_DEPRECATED_OBJECTS_FORM', s.objectId, kp, `objects['${key}'] must be a cyber-observable object with a 'type'`);
    }
  }
};

const relationshipTypes: SpecialCheck = (s, obj, path) => {
  const rtype = str(obj['relationship_type']);
  const src = str(obj['source_ref']);
  const tgt = str(obj['target_ref']);
  if (rtype === undefined || src === undefined || tgt === undefined) return;
  const sourceType = idType(src);
  const targetType = idType(tgt);
  if (sourceType === null || targetType === null || COMMON_RELATIONSHIPS.has(rtype)) return;
  if (isScoType(sourceType) || isScoType(targetType)) return;
  const p = childPath(path, 'relationship_type');
  const bySource = Object.hasOwn(SUGGESTED_RELATIONSHIPS, sourceType) ? SUGGESTED_RELATIONSHIPS[sourceType] : undefined;
  if (bySource === undefined) {
    s.c.report('STIX_RELATIONSHIP_TYPE', s.objectId, p, `'${sourceType}' is not a suggested relationship source for '${rtype}'`);
    return;
  }
  const targets = Object.hasOwn(bySource, rtype) ? bySource[rtype] : undefined;
  if (targets === undefined) {
    s.c.report('STIX_RELATIONSHIP_TYPE', s.objectId, p, `'${rtype}' is permitted, but not a suggested relationship type for '${sourceType}' objects`);
  } else if (!targets.includes(targetType)) {
    s.c.report('STIX_RELATIONSHIP_TYPE', s.objectId, p, `'${targetType}' is permitted, but not a suggested target for '${sourceType}' objects with the '${rtype}' relationship`);
  }
};

const scoHasSpecificProperty: SpecialCheck = (s, obj, path) => {
  for (const key of Object.keys(obj)) if (!SCO_COMMON_KEYS.has(key)) return;
  const exts = obj['extensions'];
  if (isPlainObject(exts) && Object.keys(exts).length > 0) return;
  s.c.report('STIX_CONSTRAINT', s.objectId, path, `${s.type} must contain at least one property specific to its type`);
};

const windowsProcessPriority: SpecialCheck = (s, obj, path) => {
  const exts = obj['extensions'];
  if (!isPlainObject(exts)) return;
  const ext = exts['windows-process-ext'];
  if (!isPlainObject(ext)) return;
  const priority = str(ext['priority']);
  if (priority !== undefined && !CLASS_SUFFIX_RE.test(priority)) {
    s.c.report('STIX_WINDOWS_PRIORITY_FORMAT', s.objectId, childPath(childPath(childPath(path, 'extensions'), 'windows-process-ext'), 'priority'), `priority '${priority}' should end in '_CLASS'`);
  }
};

const markingDefinition: SpecialCheck = (s, obj, path) => {
  const c = s.c;
  const dt = obj['definition_type'];
  const exts = obj['extensions'];
  const hasExtensions = isPlainObject(exts) && Object.keys(exts).length > 0;
  if (dt === undefined && !hasExtensions) {
    c.report('STIX_MARKING_CONTENT', s.objectId, path, "a marking definition must have 'definition_type' and 'definition', or an extension that defines the marking");
  }
  if (typeof dt === 'string') {
    const def = obj['definition'];
    if (!COMPILED_ENUMS['marking-definition-type'].has(dt)) {
      c.report('STIX_MARKING_DEFINITION_TYPE', s.objectId, childPath(path, 'definition_type'), `definition_type '${dt}' should be one of: statement, tlp`);
      c.report('STIX_EXTENSIONS_USE', s.objectId, childPath(path, 'definition_type'), "custom marking definitions should be specified using the 'extensions' property");
    } else if (dt === 'statement' && !(isPlainObject(def) && typeof def['statement'] === 'string')) {
      c.report('STIX_MARKING_CONTENT', s.objectId, childPath(path, 'definition'), "definition: a statement marking needs {\"statement\": \"...\"}");
    } else if (dt === 'tlp' && !(isPlainObject(def) && typeof def['tlp'] === 'string')) {
      c.report('STIX_MARKING_CONTENT', s.objectId, childPath(path, 'definition'), 'definition: a TLP marking needs {"tlp": "white|green|amber|red"}');
    }
  } else if (dt !== undefined) {
    c.report('STIX_WRONG_VALUE_TYPE', s.objectId, childPath(path, 'definition_type'), 'definition_type must be a string');
  }
  if (dt === 'tlp' || (isPlainObject(exts) && Object.hasOwn(exts, TLP2_EXTENSION_ID))) {
    const mismatch = tlpDefinitionMismatch(obj);
    if (mismatch !== null) c.report('STIX_TLP_MISMATCH', s.objectId, path, `TLP marking definitions must match those published: ${mismatch}`);
  }
  const id = str(obj['id']);
  if (id === undefined) return;
  const refs = obj['object_marking_refs'];
  if (Array.isArray(refs) && refs.includes(id)) {
    c.report('STIX_MARKING_CIRCULAR', s.objectId, childPath(path, 'object_marking_refs'), 'object_marking_refs must not reference this marking definition itself');
  }
  const gms = obj['granular_markings'];
  if (Array.isArray(gms)) {
    gms.forEach((gm, i) => {
      if (isPlainObject(gm) && gm['marking_ref'] === id) {
        c.report('STIX_MARKING_CIRCULAR', s.objectId, indexPath(childPath(path, 'granular_markings'), i), 'granular_markings must not reference this marking definition itself');
      }
    });
  }
};

const languageContent: SpecialCheck = (s, obj, path) => {
  const contents = obj['contents'];
  if (!isPlainObject(contents)) return;
  const cp = childPath(path, 'contents');
  for (const lang of Object.keys(contents)) {
    const lp = childPath(cp, lang);
    if (!FORMATS.language.test(lang)) s.c.report('STIX_INVALID_LANGUAGE', s.objectId, lp, `contents: key '${lang}' must be an RFC 5646 language tag`);
    const translated = contents[lang];
    if (!isPlainObject(translated)) {
      s.c.report('STIX_WRONG_VALUE_TYPE', s.objectId, lp, `contents.${lang} must be an object mapping property names to translated values`);
      continue;
    }
    for (const prop of Object.keys(translated)) {
      if (!PROPERTY_NAME_RE.test(prop)) s.c.report('STIX_INVALID_PROPERTY_NAME', s.objectId, childPath(lp, prop), `'${prop}' in '${lang}' of contents is not a valid property name`);
    }
  }
};

const extensionDefinition: SpecialCheck = (s, obj, path) => {
  const types = obj['extension_types'];
  const toplevel = Array.isArray(types) && types.includes('toplevel-property-extension');
  const props = obj['extension_properties'];
  if (!toplevel) {
    if (props !== undefined) {
      s.c.report('STIX_CONSTRAINT', s.objectId, childPath(path, 'extension_properties'), "'extension_properties' may only be used when 'extension_types' contains 'toplevel-property-extension'");
    }
    return;
  }
  if (!Array.isArray(props) || props.length === 0) {
    s.c.report('STIX_EXTENSION_PROPERTIES', s.objectId, path, "a 'toplevel-property-extension' definition should list its property names in 'extension_properties'");
  }
};

export const SPECIAL_CHECKS: Readonly<Record<SpecialCheckName, SpecialCheck>> = {
  'external-reference-ids': externalReferenceIds,
  'kill-chain-names': killChainNames,
  'indicator-pattern': indicatorPattern,
  'malware-analysis-product': malwareAnalysisProduct,
  'observed-data-objects': observedDataObjects,
  'relationship-types': relationshipTypes,
  'sco-has-specific-property': scoHasSpecificProperty,
  'windows-process-priority': windowsProcessPriority,
  'marking-definition': markingDefinition,
  'language-content': languageContent,
  'extension-definition': extensionDefinition,
};
