// Field-mapping files: JSON naming, for each field role, the event fields (dotted paths) that carry
// it. A path is looked up as a flat key first ("id.orig_h" as Zeek writes it), then through nested
// objects, where a list along the way contributes every element ("dns.queries.rrname").
import { SetuError } from '../errors/index.js';
import { emptyRoleSlots, FIELD_ROLES, ROLE_SETTERS } from './observables.js';
import type { FieldRole, RoleSlots } from './observables.js';
import ecsPreset from './presets/ecs.json' with { type: 'json' };
import suricataPreset from './presets/suricata.json' with { type: 'json' };
import zeekPreset from './presets/zeek.json' with { type: 'json' };

export const KEY_STYLES = ['both', 'nested', 'flat'] as const;
export type KeyStyle = (typeof KEY_STYLES)[number];

export interface FieldMapping {
  readonly name: string;
  readonly description?: string;
  /**
   * How dotted paths are found: `both` (default) tries the flat key, then nested objects; `nested`
   * and `flat` skip the other lookup when a format always writes one form (eve.json is nested,
   * Zeek JSON flat), which saves a missed property lookup per path and event.
   */
  readonly keys?: KeyStyle;
  readonly fields: { readonly [R in FieldRole]?: readonly string[] };
}

export const PRESETS = { ecs: ecsPreset, zeek: zeekPreset, suricata: suricataPreset } as const;
export type PresetName = keyof typeof PRESETS;

function badMapping(why: string): never {
  throw new SetuError('SETU_ERR_DETECT_BAD_MAPPING', `field mapping: ${why}`);
}

/** Checks a parsed mapping document; throws SETU_ERR_DETECT_BAD_MAPPING naming the problem. */
export function checkMapping(value: unknown): FieldMapping {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) badMapping('must be a JSON object');
  const doc = value as Record<string, unknown>;
  if (typeof doc['name'] !== 'string' || doc['name'] === '') badMapping('"name" must be a non-empty string');
  const fields = doc['fields'];
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) badMapping('"fields" must be an object of role -> list of field paths');
  for (const [role, paths] of Object.entries(fields)) {
    if (!(FIELD_ROLES as readonly string[]).includes(role)) badMapping(`unknown role "${role}" (roles: ${FIELD_ROLES.join(', ')})`);
    if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === 'string' && p !== '')) {
      badMapping(`"fields.${role}" must be a non-empty list of field paths`);
    }
  }
  if (!Object.hasOwn(fields, 'timestamp')) badMapping('"fields.timestamp" is required (events need a time)');
  if (doc['keys'] !== undefined && !(KEY_STYLES as readonly unknown[]).includes(doc['keys'])) badMapping(`"keys" must be one of ${KEY_STYLES.join(', ')}`);
  return doc as unknown as FieldMapping;
}

export function parseMapping(text: string): FieldMapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    badMapping(`not valid JSON: ${(error as Error).message}`);
  }
  return checkMapping(value);
}

export function presetMapping(name: PresetName): FieldMapping {
  return checkMapping(PRESETS[name]);
}

interface CompiledPath {
  readonly flat: string;
  readonly segments: readonly string[];
  /** Look the whole path up as one key first. */
  readonly tryFlat: boolean;
  /** Walk nested objects when the flat key is absent. */
  readonly tryNested: boolean;
}

export interface CompiledMapping {
  readonly timestamp: readonly CompiledPath[];
  readonly roles: readonly (readonly [FieldRole, readonly CompiledPath[]])[];
  /** The setter of each entry of `roles`, in the same order. */
  readonly setters: readonly ((values: RoleSlots, list: unknown[]) => void)[];
}

export function compileMapping(mapping: FieldMapping): CompiledMapping {
  const style = mapping.keys ?? 'both';
  const compile = (paths: readonly string[] | undefined): CompiledPath[] =>
    (paths ?? []).map((flat) => {
      const segments = flat.split('.');
      const dotted = segments.length > 1;
      return { flat, segments, tryFlat: !dotted || style !== 'nested', tryNested: dotted && style !== 'flat' };
    });
  const roles: [FieldRole, CompiledPath[]][] = [];
  for (const role of FIELD_ROLES) {
    if (role === 'timestamp') continue;
    const paths = mapping.fields[role];
    if (paths !== undefined) roles.push([role, compile(paths)]);
  }
  return { timestamp: compile(mapping.fields.timestamp), roles, setters: roles.map(([role]) => ROLE_SETTERS[role]) };
}

function collect(value: unknown, segments: readonly string[], from: number, out: unknown[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, segments, from, out);
    return;
  }
  if (from === segments.length) {
    if (value !== null && value !== undefined) out.push(value);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const next = (value as Record<string, unknown>)[segments[from] as string];
  if (next !== undefined) collect(next, segments, from + 1, out);
}

function lookup(record: Record<string, unknown>, path: CompiledPath, out: unknown[]): void {
  if (path.tryFlat) {
    const flat = record[path.flat];
    if (flat !== undefined) {
      collect(flat, path.segments, path.segments.length, out);
      return;
    }
  }
  if (path.tryNested) collect(record, path.segments, 0, out);
}

/** The event time (first timestamp path present) and the role values of one JSON record. */
export function applyMapping(mapping: CompiledMapping, record: Record<string, unknown>): { time: unknown; values: RoleSlots } {
  let time: unknown;
  for (const path of mapping.timestamp) {
    const found: unknown[] = [];
    lookup(record, path, found);
    if (found.length > 0) {
      time = found[0];
      break;
    }
  }
  const values = emptyRoleSlots();
  const roles = mapping.roles;
  let found: unknown[] = [];
  for (let r = 0; r < roles.length; r++) {
    for (const path of (roles[r] as (typeof roles)[number])[1]) lookup(record, path, found);
    if (found.length > 0) {
      (mapping.setters[r] as (typeof mapping.setters)[number])(values, found);
      found = [];
    }
  }
  return { time, values };
}
