// The one generic walker: interprets a TypeSpec's property table and rules over any JSON value and
// reports every finding to the collector. It never throws on bad input.
import { CUSTOM_EXT_STRICT_RE, CUSTOM_PROPERTY_STRICT_RE, CUSTOM_TYPE_STRICT_RE } from './names.js';
import type { Collector } from './findings/collector.js';
import type { PropertySpec, PropertyTable, Rule, TypeSpec, RefTarget, PropertyKind } from './spec.js';
import { COMPILED_OPEN, COMPILED_ENUMS } from './vocab/index.js';
import { FORMATS } from './formats.js';
import { childPath, indexPath, isPlainObject } from './paths.js';
import { parseId, idProblem, idType, isValidTypeName, uuidVersion } from './ids.js';
import { timestampProblem, hasMillisecondPrecision, hasMillisecondOrFinerPrecision, compareTimestamps } from './timestamps.js';
import { specFor, isScoType, isSdoType, isStixType } from './registry.js';
import { SCO_COMMON, SDO_COMMON, MODIFIED_AFTER_CREATED, RESERVED_PROPERTIES, RESERVED_TYPES } from './common.js';
import { tlpLevelOf } from './markings.js';
import { checkHashes } from './hashes.js';
import { SPECIAL_CHECKS } from './special.js';
import { stix20ObjectEvidence, STIX_2_0_CONTENT } from './stix20.js';

const PROPERTY_NAME_RE = /^[a-z][a-z0-9_]{2,249}$/;
const EXTENSION_KEY_RE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*-ext$/;
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX_RE = /^(?:[a-fA-F0-9]{2})+$/;
const LOWER_FORMAT_BAD_RE = /[A-Z_ ]/;
const HAS_LOWER_RE = /[a-z]/;
const UPPER_RE = /[A-Z]/;
/** Section 2.8: dictionary keys are 1-250 ASCII letters, digits, hyphens and underscores. */
const DICTIONARY_KEY_RE = /^[a-zA-Z0-9_-]{1,250}$/;

const NON_RELATABLE: ReadonlySet<string> = new Set(['bundle', 'marking-definition', 'relationship', 'sighting', 'language-content', 'extension-definition']);
const META_OR_SRO: ReadonlySet<string> = new Set(['bundle', 'marking-definition', 'relationship', 'sighting', 'language-content', 'extension-definition']);

/** What the walker knows about the object it is inside. */
export interface ObjectScope {
  readonly c: Collector;
  readonly objectId: string | null;
  readonly type: string;
  readonly isSco: boolean;
  /** A toplevel-property-extension is declared, so unknown top-level properties are legitimate. */
  readonly toplevelExtension: boolean;
  /** The object's own type is custom: its unknown properties are its own, not custom properties. */
  readonly customObject: boolean;
  /** The object is STIX 2.0 content (already reported): its spec_version is not checked as 2.1. */
  readonly stix20?: boolean;
}

const KIND_NAMES: Record<PropertyKind, string> = {
  string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean', timestamp: 'a timestamp string',
  identifier: 'an identifier string', dictionary: 'an object (dictionary)', hashes: 'an object (hashes)',
  binary: 'a base64 string', hex: 'a hex string', object: 'an object', extensions: 'an object (extensions)', any: 'a value',
};

function describe(value: unknown): string {
  let s: string | undefined;
  try {
    s = JSON.stringify(value);
  } catch {
    // Nested too deeply for JSON.stringify's stack: name its shape instead of quoting it.
    return Array.isArray(value) ? 'a (deeply nested) list' : 'a (deeply nested) object';
  }
  return s === undefined ? String(value) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function refAllowed(target: RefTarget, type: string): boolean {
  if (target === 'any') return true;
  if (target === 'sco') return isScoType(type) || (!isStixType(type) && type !== 'bundle');
  if (target === 'sdo-or-sco') return !NON_RELATABLE.has(type);
  if (target === 'sdo-or-custom') return !META_OR_SRO.has(type) && !isScoType(type);
  if (target === 'sco-or-sro') return isScoType(type) || type === 'relationship' || type === 'sighting' || !isStixType(type) && !isSdoType(type) && type !== 'bundle';
  return target.includes(type);
}

function refDescription(target: RefTarget): string {
  if (target === 'any') return 'any object';
  if (target === 'sco') return 'a cyber-observable object';
  if (target === 'sdo-or-sco') return 'an SDO or SCO (not a bundle, marking definition, language content, extension definition, relationship or sighting)';
  if (target === 'sdo-or-custom') return 'an SDO or custom object';
  if (target === 'sco-or-sro') return 'an SCO or SRO';
  return target.join(' / ');
}

/** Check one value against a property spec (list handling, kind, vocabularies, formats). */
export function checkProperty(s: ObjectScope, spec: PropertySpec, value: unknown, path: string, name: string): void {
  if (spec.list === true) {
    if (!Array.isArray(value)) {
      s.c.report('STIX_WRONG_VALUE_TYPE', s.objectId, path, `${name}: ${describe(value)} is not a list`);
      return;
    }
    if (value.length === 0) {
      s.c.report('STIX_EMPTY_LIST', s.objectId, path, `${name}: empty lists are not allowed`);
      return;
    }
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item === null) nullValue(s, indexPath(path, i), `${name}[${i}]`);
      else checkValue(s, spec, item, indexPath(path, i), name);
    }
    return;
  }
  checkValue(s, spec, value, path, name);
}

function nullValue(s: ObjectScope, path: string, name: string): void {
  s.c.report('STIX_NULL_VALUE', s.objectId, path, `${name}: null is not allowed; omit an optional property instead of setting it to null`);
}

/**
 * A value no property table describes (a custom property, or a property of kind 'any'): nothing is
 * known of its shape, but nulls, empty lists and empty dictionaries are prohibited anywhere.
 */
function checkFreeValue(s: ObjectScope, value: unknown, path: string, name: string): void {
  if (value === null || typeof value !== 'object') {
    if (value === null) nullValue(s, path, name);
    return;
  }
  // An explicit stack, not recursion: input nested thousands of levels deep must not overflow it.
  const todo: [unknown, string, string][] = [[value, path, name]];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const [v, p, n] = next;
    if (v === null) {
      nullValue(s, p, n);
    } else if (Array.isArray(v)) {
      if (v.length === 0) s.c.report('STIX_EMPTY_LIST', s.objectId, p, `${n}: empty lists are not allowed`);
      for (let i = v.length - 1; i >= 0; i--) todo.push([v[i], indexPath(p, i), `${n}[${i}]`]);
    } else if (isPlainObject(v)) {
      const keys = Object.keys(v);
      if (keys.length === 0) s.c.report('STIX_EMPTY_DICTIONARY', s.objectId, p, `${n}: empty dictionaries are not allowed`);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        todo.push([v[key], childPath(p, key), `${n}.${key}`]);
      }
    }
  }
}

function checkValue(s: ObjectScope, spec: PropertySpec, value: unknown, path: string, name: string): void {
  const c = s.c;
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string') break;
      checkString(s, spec, value, path, name);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) break;
      if (!Number.isSafeInteger(value)) {
        c.report('STIX_VALUE_OUT_OF_RANGE', s.objectId, path, `${name}: ${value} is outside the integer range of STIX, -(2^53)+1 to 2^53-1`);
        return;
      }
      checkRange(s, spec, value, path, name);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) break;
      checkRange(s, spec, value, path, name);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') break;
      return;
    case 'timestamp':
      if (typeof value !== 'string') break;
      checkTimestamp(s, spec, value, path, name);
      return;
    case 'identifier':
      if (typeof value !== 'string') break;
      checkIdentifier(s, spec, value, path, name);
      return;
    case 'dictionary':
      if (!isPlainObject(value)) break;
      checkDictionary(s, spec, value, path, name);
      return;
    case 'hashes':
      if (!isPlainObject(value)) break;
      checkHashes(s, value, path, name);
      return;
    case 'binary':
      if (typeof value !== 'string') break;
      if (!BASE64_RE.test(value)) c.report('STIX_INVALID_FORMAT', s.objectId, path, `${name}: ${describe(value)} must be a base64-encoded string`);
      return;
    case 'hex':
      if (typeof value !== 'string') break;
      if (!HEX_RE.test(value)) c.report('STIX_INVALID_FORMAT', s.objectId, path, `${name}: ${describe(value)} must be a hex string (an even number of hex digits)`);
      return;
    case 'object':
      if (!isPlainObject(value)) break;
      walkTable(s, spec.properties ?? {}, value, path, spec.rules, `the ${name} property`);
      return;
    case 'extensions':
      if (!isPlainObject(value)) break;
      if (Object.keys(value).length === 0) c.report('STIX_EMPTY_DICTIONARY', s.objectId, path, `${name}: empty dictionaries are not allowed; omit the property instead`);
      // Walked by walkObject, which knows the type's predefined extensions.
      return;
    case 'any':
      if (spec.opaque !== true) checkFreeValue(s, value, path, name);
      return;
  }
  c.report('STIX_WRONG_VALUE_TYPE', s.objectId, path, `${name}: ${describe(value)} is not ${KIND_NAMES[spec.kind]}`);
}

function checkString(s: ObjectScope, spec: PropertySpec, value: string, path: string, name: string): void {
  const c = s.c;
  if (spec.enumeration !== undefined && !COMPILED_ENUMS[spec.enumeration].has(value)) {
    c.report('STIX_ENUM_VALUE', s.objectId, path, `${name}: ${describe(value)} is not one of the ${spec.enumeration} values`);
  }
  if (spec.vocab !== undefined) {
    const vocab = COMPILED_OPEN[spec.vocab];
    if (!vocab.values.has(value)) {
      c.report('STIX_OPEN_VOCAB_VALUE', s.objectId, path, `${name}: ${describe(value)} is permitted, but is not in the ${vocab.name} vocabulary`, vocab.check);
    }
    if (vocab.formatChecked && (LOWER_FORMAT_BAD_RE.test(value) || !HAS_LOWER_RE.test(value))) {
      c.report('STIX_OPEN_VOCAB_FORMAT', s.objectId, path, `${name}: open vocabulary value ${describe(value)} should be all lowercase and use hyphens instead of spaces or underscores`);
    }
  }
  if (spec.format !== undefined) {
    const f = FORMATS[spec.format];
    if (f.appliesTo === 'value' && !f.test(value)) {
      c.report(f.code, s.objectId, path, `${name}: ${describe(value)} is not ${f.expected}`);
    }
  }
}

function checkRange(s: ObjectScope, spec: PropertySpec, value: number, path: string, name: string): void {
  if (spec.min !== undefined && value < spec.min) {
    s.c.report('STIX_VALUE_OUT_OF_RANGE', s.objectId, path, `${name}: ${value} is less than the minimum of ${spec.min}`);
  } else if (spec.max !== undefined && value > spec.max) {
    s.c.report('STIX_VALUE_OUT_OF_RANGE', s.objectId, path, `${name}: ${value} is greater than the maximum of ${spec.max}`);
  }
}

function checkTimestamp(s: ObjectScope, spec: PropertySpec, value: string, path: string, name: string): void {
  const problem = timestampProblem(value);
  if (problem === 'format') {
    s.c.report('STIX_INVALID_TIMESTAMP', s.objectId, path, `${name}: ${describe(value)} does not match the timestamp format YYYY-MM-DDTHH:mm:ss[.s+]Z`);
  } else if (problem === 'calendar') {
    s.c.report('STIX_INVALID_TIMESTAMP', s.objectId, path, `${name}: ${describe(value)} is not a valid timestamp: day is out of range for month`);
  } else if (spec.precision === 'millisecond' && !hasMillisecondPrecision(value)) {
    s.c.report('STIX_TIMESTAMP_PRECISION', s.objectId, path, `${name}: ${describe(value)} must be precise to the millisecond (YYYY-MM-DDTHH:mm:ss.sssZ)`);
  } else if (spec.precision === 'millisecond-or-finer' && !hasMillisecondOrFinerPrecision(value, true)) {
    s.c.report('STIX_TIMESTAMP_PRECISION', s.objectId, path, `${name}: ${describe(value)} must be precise to at least the millisecond (three or more digits after the seconds, YYYY-MM-DDTHH:mm:ss.sss[s+]Z)`);
  }
}

function checkIdentifier(s: ObjectScope, spec: PropertySpec, value: string, path: string, name: string): void {
  const parsed = parseId(value);
  if (parsed === null) {
    s.c.report('STIX_INVALID_ID', s.objectId, path, `${name}: ${describe(value)} ${idProblem(value) ?? 'is not a valid identifier'}`);
    return;
  }
  if (spec.refs !== undefined && !refAllowed(spec.refs, parsed.type)) {
    s.c.report('STIX_REF_TYPE', s.objectId, path, `${name}: ${describe(value)} must refer to ${refDescription(spec.refs)}`);
  }
}

function checkDictionary(s: ObjectScope, spec: PropertySpec, value: Record<string, unknown>, path: string, name: string): void {
  const f = spec.format !== undefined ? FORMATS[spec.format] : undefined;
  const keys = Object.keys(value);
  if (keys.length === 0) s.c.report('STIX_EMPTY_DICTIONARY', s.objectId, path, `${name}: empty dictionaries are not allowed; omit the property instead`);
  for (const key of keys) {
    const p = childPath(path, key);
    if (!DICTIONARY_KEY_RE.test(key)) {
      s.c.report('STIX_DICTIONARY_KEY', s.objectId, p, `${name}: key ${describe(key)} must be 1-250 characters of ASCII letters, digits, '-' and '_'`);
    }
    if (f !== undefined && f.appliesTo === 'keys' && !f.test(key)) {
      s.c.report(f.code, s.objectId, p, `${name}: key ${describe(key)} is not ${f.expected}`);
    }
    const v = value[key];
    if (spec.values !== undefined && spec.values !== 'any') {
      if (v === null) nullValue(s, p, `${name}.${key}`);
      else if (spec.valueList === true) checkProperty(s, { kind: spec.values, list: true }, v, p, `${name}.${key}`);
      else checkValue(s, { kind: spec.values }, v, p, `${name}.${key}`);
    } else {
      checkFreeValue(s, v, p, `${name}.${key}`);
    }
  }
}

/** Walk an object against a property table: known properties, required ones, unknown ones, rules. */
export function walkTable(
  s: ObjectScope,
  table: PropertyTable,
  obj: Record<string, unknown>,
  path: string,
  rules: readonly Rule[] | undefined,
  where: string | null,
): void {
  const skipSpecVersion = s.stix20 === true && where === null;
  for (const key of Object.keys(obj)) {
    if (skipSpecVersion && key === 'spec_version') continue;
    const spec = Object.hasOwn(table, key) ? table[key] : undefined;
    const p = childPath(path, key);
    const value = obj[key];
    if (value === null) {
      nullValue(s, p, key);
      if (spec === undefined) customProperty(s, key, value, p, where);
    } else if (spec !== undefined) checkProperty(s, spec, value, p, key);
    else {
      customProperty(s, key, value, p, where);
      checkFreeValue(s, value, p, key);
    }
  }
  for (const key of requiredOf(table)) {
    if (!Object.hasOwn(obj, key) && !(skipSpecVersion && key === 'spec_version')) {
      s.c.report('STIX_REQUIRED_PROPERTY', s.objectId, path, `'${key}' is a required property${where === null ? '' : ` of ${where}`}`);
    }
  }
  if (rules !== undefined) for (const rule of rules) applyRule(s, rule, obj, path, where);
}

const REQUIRED_CACHE = new WeakMap<PropertyTable, readonly string[]>();
function requiredOf(table: PropertyTable): readonly string[] {
  let r = REQUIRED_CACHE.get(table);
  if (r === undefined) {
    r = Object.keys(table).filter((k) => table[k]?.required === true);
    REQUIRED_CACHE.set(table, r);
  }
  return r;
}

/** A property the table does not define: reserved, badly named, or custom (extensions-use / prefix). */
function customProperty(s: ObjectScope, key: string, value: unknown, path: string, where: string | null): void {
  const c = s.c;
  if (where === null && RESERVED_PROPERTIES.has(key)) {
    c.report('STIX_RESERVED_PROPERTY', s.objectId, path, `contains a reserved property ('${key}')`);
    return;
  }
  if (!PROPERTY_NAME_RE.test(key)) {
    c.report('STIX_INVALID_PROPERTY_NAME', s.objectId, path, `property name '${key}' must be 3-250 characters of a-z, 0-9 and '_', starting with a letter`);
  }
  if (s.isSco && isPlainObject(value)) lowercaseKeys(s, value, path);
  if (where === null && (s.customObject || (s.toplevelExtension && c.customPolicy === 'extensions'))) return;
  const inWhere = where === null ? '' : ` in ${where}`;
  switch (c.customPolicy) {
    case 'extensions':
      c.report('STIX_EXTENSIONS_USE', s.objectId, path, `custom property '${key}'${inWhere} should be implemented using an extension with an 'extension_type' of 'property-extension' or 'toplevel-property-extension'`);
      return;
    case 'prefix-strict':
      if (!CUSTOM_PROPERTY_STRICT_RE.test(key)) {
        c.report('STIX_CUSTOM_PREFIX', s.objectId, path, `custom property '${key}'${inWhere} should start with 'x_' followed by a source unique identifier, an underscore and then the name`);
      }
      return;
    case 'prefix-lax':
      if (!key.startsWith('x_')) c.report('STIX_CUSTOM_PREFIX_LAX', s.objectId, path, `custom property '${key}'${inWhere} should start with 'x_'`);
      return;
    case 'none':
      return;
  }
}

function lowercaseKeys(s: ObjectScope, value: Record<string, unknown>, path: string): void {
  // An explicit stack of keys still to visit (in the order recursion would visit them), not
  // recursion: input nested thousands of levels deep must not overflow the call stack.
  const todo: [Record<string, unknown>, string, string][] = [];
  const pushKeys = (obj: Record<string, unknown>, at: string): void => {
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) todo.push([obj, keys[i] as string, at]);
  };
  pushKeys(value, path);
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const [obj, key, at] = next;
    const p = childPath(at, key);
    if (UPPER_RE.test(key)) s.c.report('STIX_OBSERVABLE_DICTIONARY_KEYS', s.objectId, p, `as a dictionary key, '${key}' should be lowercase`);
    const v = obj[key];
    if (isPlainObject(v)) pushKeys(v, p);
  }
}

/** Present for the cross-property rules: a null value (itself an error) does not count. */
function present(obj: Record<string, unknown>, key: string): boolean {
  if (!Object.hasOwn(obj, key)) return false;
  const v = obj[key];
  return v !== undefined && v !== null;
}

function applyRule(s: ObjectScope, rule: Rule, obj: Record<string, unknown>, path: string, where: string | null): void {
  const c = s.c;
  switch (rule.rule) {
    case 'atLeastOne':
      if (!rule.props.some((p) => present(obj, p))) {
        c.report('STIX_CONSTRAINT', s.objectId, path, `${where ?? s.type} must contain at least one of ${rule.props.map((p) => `'${p}'`).join(', ')}`);
      }
      return;
    case 'mutuallyExclusive': {
      const found = rule.props.filter((p) => present(obj, p));
      if (found.length > 1) c.report('STIX_CONSTRAINT', s.objectId, path, `${s.type} must not contain more than one of ${found.map((p) => `'${p}'`).join(', ')}`);
      return;
    }
    case 'dependsOn':
      if (present(obj, rule.prop) && !present(obj, rule.requires)) {
        c.report('STIX_CONSTRAINT', s.objectId, childPath(path, rule.prop), `'${rule.prop}' requires '${rule.requires}' to be present`);
      }
      return;
    case 'laterThan': {
      const later = obj[rule.later];
      const earlier = obj[rule.earlier];
      if (typeof later !== 'string' || typeof earlier !== 'string') return;
      if (timestampProblem(later) === 'format' || timestampProblem(earlier) === 'format') return;
      const cmp = compareTimestamps(later, earlier);
      if (cmp < 0 || (cmp === 0 && !rule.orEqual)) {
        c.report('STIX_TIMESTAMP_ORDER', s.objectId, childPath(path, rule.later), `'${rule.later}' (${later}) must be later than ${rule.orEqual ? 'or equal to ' : ''}'${rule.earlier}' (${earlier})`);
      }
      return;
    }
    case 'forbiddenWhen':
      if (obj[rule.when] === rule.equals && present(obj, rule.prop)) {
        c.report('STIX_CONSTRAINT', s.objectId, childPath(path, rule.prop), `'${rule.prop}' must not be present when '${rule.when}' is ${JSON.stringify(rule.equals)}`);
      }
      return;
    case 'requiredWhen':
      if (obj[rule.when] === rule.equals && !present(obj, rule.prop)) {
        c.report('STIX_CONSTRAINT', s.objectId, path, `'${rule.prop}' is required when '${rule.when}' is ${JSON.stringify(rule.equals)}`);
      }
      return;
    case 'recommended': {
      const missing = rule.props.filter((p) => !present(obj, p));
      if (missing.length > 0) c.report(rule.code, s.objectId, path, `${s.type} should contain ${rule.props.map((p) => `'${p}'`).join(' and ')} (missing ${missing.join(', ')})`);
      return;
    }
    case 'special':
      SPECIAL_CHECKS[rule.check](s, obj, path);
      return;
  }
}

/** Extension-definition entries of an object's extensions, by extension_type. */
function declaredExtensionTypes(obj: Record<string, unknown>): ReadonlySet<string> {
  const exts = obj['extensions'];
  const found = new Set<string>();
  if (!isPlainObject(exts)) return found;
  for (const key of Object.keys(exts)) {
    const ext = exts[key];
    if (key.startsWith('extension-definition--') && isPlainObject(ext) && typeof ext['extension_type'] === 'string') found.add(ext['extension_type']);
  }
  return found;
}

/**
 * Validate one STIX object (not a bundle) found at `path`. `inStix20Bundle`: the enclosing bundle
 * carries spec_version "2.0", so an object without spec_version is 2.0 content too.
 */
export function walkObject(c: Collector, input: unknown, path: string, inStix20Bundle = false): void {
  if (!isPlainObject(input)) {
    c.report('STIX_NOT_AN_OBJECT', null, path, `expected a STIX object, got ${describe(input)}`);
    return;
  }
  const obj = input;
  const objectId = typeof obj['id'] === 'string' ? obj['id'] : null;
  const rawType = obj['type'];
  if (rawType === undefined) {
    c.report('STIX_REQUIRED_PROPERTY', objectId, path, "'type' is a required property");
  } else if (typeof rawType !== 'string') {
    c.report('STIX_WRONG_VALUE_TYPE', objectId, childPath(path, 'type'), `type: ${describe(rawType)} is not a string`);
  }
  const type = typeof rawType === 'string' ? rawType : '';
  const spec = type === '' ? undefined : specFor(type);
  const declared = declaredExtensionTypes(obj);
  const customSco = spec === undefined && declared.has('new-sco');
  const isSco = spec !== undefined ? spec.category === 'sco' : customSco;
  const stix20 = stix20ObjectEvidence(obj, isSco, inStix20Bundle);
  if (stix20 !== null) c.report(STIX_2_0_CONTENT, objectId, stix20.at === 'spec_version' ? childPath(path, 'spec_version') : path, stix20.message);
  const s: ObjectScope = {
    c,
    objectId,
    type: type === '' ? 'object' : type,
    isSco,
    toplevelExtension: declared.has('toplevel-property-extension'),
    customObject: spec === undefined,
    stix20: stix20 !== null,
  };
  if (spec !== undefined) {
    walkTable(s, spec.properties, obj, path, spec.rules, null);
    walkExtensions(s, spec, obj, path);
    for (const d of spec.deprecated ?? []) {
      if (Object.hasOwn(obj, d)) c.report('STIX_DEPRECATED_PROPERTY', objectId, childPath(path, d), `included property '${d}' is deprecated in STIX 2.1`);
    }
  } else if (type !== '') {
    customObjectChecks(s, obj, path, type, declared);
  }
  if (objectId !== null) checkOwnId(s, obj, objectId, spec, path);
  checkMarkings(s, obj, path);
}

function customObjectChecks(s: ObjectScope, obj: Record<string, unknown>, path: string, type: string, declared: ReadonlySet<string>): void {
  const c = s.c;
  if (!isValidTypeName(type)) {
    c.report('STIX_INVALID_TYPE_NAME', s.objectId, childPath(path, 'type'), `type: '${type}' must be 3-250 characters of lowercase a-z, 0-9 and hyphens, with no two hyphens in a row`);
  }
  if (RESERVED_TYPES.has(type)) c.report('STIX_RESERVED_TYPE', s.objectId, childPath(path, 'type'), `type: '${type}' is reserved by the specification`);
  const table = s.isSco ? SCO_COMMON : SDO_COMMON;
  walkTable(s, table, obj, path, s.isSco ? undefined : [MODIFIED_AFTER_CREATED], null);
  walkExtensions(s, undefined, obj, path);
  const definedByExtension = declared.has('new-sdo') || declared.has('new-sco') || declared.has('new-sro');
  switch (c.customPolicy) {
    case 'extensions':
      if (!definedByExtension) {
        c.report('STIX_EXTENSIONS_USE', s.objectId, childPath(path, 'type'), `custom object type '${type}' should be implemented using an extension with an 'extension_type' of 'new-sdo', 'new-sco', or 'new-sro'`);
      }
      return;
    case 'prefix-strict':
      if (!CUSTOM_TYPE_STRICT_RE.test(type)) {
        c.report('STIX_CUSTOM_PREFIX', s.objectId, childPath(path, 'type'), `custom object type '${type}' should start with 'x-' followed by a source unique identifier, a hyphen and then the name`);
      }
      return;
    case 'prefix-lax':
      if (!type.startsWith('x-')) c.report('STIX_CUSTOM_PREFIX_LAX', s.objectId, childPath(path, 'type'), `custom object type '${type}' should start with 'x-'`);
      return;
    case 'none':
      return;
  }
}

function walkExtensions(s: ObjectScope, spec: TypeSpec | undefined, obj: Record<string, unknown>, path: string): void {
  const exts = obj['extensions'];
  if (!isPlainObject(exts)) return;
  const c = s.c;
  const extPath = childPath(path, 'extensions');
  for (const key of Object.keys(exts)) {
    const ext = exts[key];
    const p = childPath(extPath, key);
    if (!isPlainObject(ext)) {
      c.report('STIX_INVALID_EXTENSION', s.objectId, p, `extensions: ${describe(key)} must map to an object, got ${describe(ext)}`);
      continue;
    }
    if (key.startsWith('extension-definition--')) {
      if (parseId(key) === null) c.report('STIX_INVALID_EXTENSION', s.objectId, p, `extensions: '${key}' is not a valid extension-definition id`);
      checkExtensionContent(s, ext, p, key);
      const et = ext['extension_type'];
      if (et !== undefined && (typeof et !== 'string' || !COMPILED_ENUMS['extension-type-enum'].has(et))) {
        c.report('STIX_INVALID_EXTENSION', s.objectId, childPath(p, 'extension_type'), `extension_type: ${describe(et)} is not one of new-sdo, new-sco, new-sro, property-extension, toplevel-property-extension`);
      }
      continue;
    }
    const predefined = spec?.extensions?.[key];
    if (predefined !== undefined) {
      walkTable(s, predefined.properties, ext, p, predefined.rules, `the ${key} extension`);
      continue;
    }
    if (!EXTENSION_KEY_RE.test(key)) {
      c.report('STIX_INVALID_EXTENSION', s.objectId, p, `extensions: '${key}' is neither an extension-definition id nor a name ending in '-ext'`);
    }
    checkExtensionContent(s, ext, p, key);
    switch (c.customPolicy) {
      case 'extensions':
        c.report('STIX_EXTENSIONS_USE', s.objectId, p, `custom extension '${key}' should be implemented using an extension-definition with an 'extension_type' of 'property-extension'`);
        break;
      case 'prefix-strict':
        if (!CUSTOM_EXT_STRICT_RE.test(key)) c.report('STIX_CUSTOM_PREFIX', s.objectId, p, `custom extension '${key}' should start with 'x-' followed by a source unique identifier, a hyphen and then the name`);
        break;
      case 'prefix-lax':
        if (!key.startsWith('x-')) c.report('STIX_CUSTOM_PREFIX_LAX', s.objectId, p, `custom extension '${key}' should start with 'x-'`);
        break;
      case 'none':
        break;
    }
  }
}

/** The properties of an extension no table describes: no nulls or empty values inside. */
function checkExtensionContent(s: ObjectScope, ext: Record<string, unknown>, path: string, key: string): void {
  for (const prop of Object.keys(ext)) checkFreeValue(s, ext[prop], childPath(path, prop), `extensions.${key}.${prop}`);
}

function checkOwnId(s: ObjectScope, obj: Record<string, unknown>, id: string, spec: TypeSpec | undefined, path: string): void {
  const parsed = parseId(id);
  const p = childPath(path, 'id');
  if (parsed === null) return; // already reported by the identifier kind (or the common table)
  if (s.type !== 'object' && parsed.type !== s.type) {
    s.c.report('STIX_ID_TYPE_MISMATCH', s.objectId, p, `id: '${id}' does not start with '${s.type}--'`);
  }
  const version = uuidVersion(parsed.uuid);
  if (s.isSco) {
    const contributing = spec?.idContributing;
    const hasContributing = contributing !== undefined && contributing.some((k) => present(obj, k));
    if (contributing !== undefined && !hasContributing) {
      if (version !== 4) s.c.report('STIX_SCO_ID_VERSION', s.objectId, p, `${s.type} has no id-contributing properties, so its id must be a UUIDv4`);
      return;
    }
    if (version !== 5) s.c.report('STIX_UUID_VERSION', s.objectId, p, `cyber-observable id ${id} is not a UUIDv5`);
    return;
  }
  if (version !== 4) s.c.report('STIX_UUID_VERSION', s.objectId, p, `id ${id} is not a UUIDv4`);
}

function checkMarkings(s: ObjectScope, obj: Record<string, unknown>, path: string): void {
  const refs = obj['object_marking_refs'];
  if (Array.isArray(refs) && refs.length > 1) {
    let tlp = 0;
    for (const r of refs) if (typeof r === 'string' && tlpLevelOf(r) !== null) tlp++;
    if (tlp > 1) s.c.report('STIX_MULTIPLE_TLP', s.objectId, childPath(path, 'object_marking_refs'), 'object_marking_refs: more than one TLP marking is applied; only one is allowed');
  }
  const gms = obj['granular_markings'];
  if (!Array.isArray(gms)) return;
  for (let i = 0; i < gms.length; i++) {
    const gm = gms[i];
    if (!isPlainObject(gm) || !Array.isArray(gm['selectors'])) continue;
    const sels = gm['selectors'];
    for (let j = 0; j < sels.length; j++) {
      const sel = sels[j];
      if (typeof sel !== 'string') continue;
      const problem = selectorProblem(obj, sel);
      if (problem !== null) {
        s.c.report('STIX_INVALID_SELECTOR', s.objectId, indexPath(childPath(indexPath(childPath(path, 'granular_markings'), i), 'selectors'), j), `selector '${sel}' does not resolve: ${problem}`);
      }
    }
  }
}

const STEP_RE = /\.|(?=\[)/;
/** Resolve a granular-marking selector against the object; null when it resolves. */
export function selectorProblem(obj: Record<string, unknown>, selector: string): string | null {
  let current: unknown = obj;
  const steps = selector.split(STEP_RE).filter((x) => x !== '');
  if (steps.length === 0) return 'empty selector';
  for (const step of steps) {
    if (step.startsWith('[')) {
      const m = /^\[(\d+)\]$/.exec(step);
      if (m === null) return `'${step}' is not a list index`;
      if (!Array.isArray(current)) return `'${step}' is applied to something that is not a list`;
      const idx = Number(m[1]);
      if (idx >= current.length) return `index ${idx} is out of range`;
      current = current[idx];
    } else {
      if (!isPlainObject(current) || !Object.hasOwn(current, step)) return `property '${step}' does not exist`;
      current = current[step];
    }
  }
  return null;
}

export { idType };
