// STIX 2.0 observed-data embedded its cyber observables in an `objects` dictionary whose keys the
// observables' `*_ref(s)` pointed at; STIX 2.1 makes each one a top-level SCO with an id and
// lists them in `object_refs`. Ids are deterministic (UUIDv5 over the id-contributing properties,
// section 2.9) where the type has them; contributing references are resolved first, so the id of
// a file in a directory depends on the directory's id as 2.1 defines. Types without contributing
// properties (process, custom types) get a UUIDv4 from the injected id source.
import { deterministicScoId } from '../sco-ids.js';
import { specFor } from '../registry.js';
import { childPath, isPlainObject } from '../paths.js';
import { SCO_EXTENSION_REMOVALS, SCO_REMOVALS, SCO_RENAMES, type UpgradeChange } from './tables.js';

export interface ObservablesContext {
  /** A fresh UUIDv4 (without type prefix) for observables that have no deterministic id. */
  readonly newId: () => string;
  readonly changes: UpgradeChange[];
  /** SCOs produced so far by id: the same observable seen in two observed-data is stored once. */
  readonly emitted: Map<string, Record<string, unknown>>;
}

export interface Extracted {
  /** SCOs new to this upgrade, in dictionary order. */
  readonly scos: Record<string, unknown>[];
  /** The observed-data's object_refs, in dictionary order. */
  readonly refs: string[];
  /** Dictionary key -> SCO id. */
  readonly idOf: ReadonlyMap<string, string>;
}

type Pending = { key: string; path: string; sco: Record<string, unknown>; changes: { path: string; change: string }[] };

/** Extracts the observables of one observed-data; `markingRefs` are the observed-data's own object markings, which cover them. */
export function extractObservables(objects: Record<string, unknown>, path: string, markingRefs: unknown, ctx: ObservablesContext): Extracted {
  const pending = new Map<string, Pending>();
  for (const [key, value] of Object.entries(objects)) {
    const at = childPath(path, key);
    if (!isPlainObject(value) || typeof value['type'] !== 'string') {
      ctx.changes.push({ objectId: null, path: at, change: 'dropped: not a cyber observable (an object with a "type")' });
      continue;
    }
    pending.set(key, convertProperties(key, at, value));
  }
  const idOf = resolveIds(pending, ctx);
  const scos: Record<string, unknown>[] = [];
  const refs: string[] = [];
  for (const item of pending.values()) {
    const id = idOf.get(item.key) as string;
    const { type, ...rest } = item.sco;
    const dangling: string[] = [];
    const body = replaceRefs(rest, (key) => {
      const target = idOf.get(key);
      if (target === undefined) dangling.push(key);
      return target ?? key;
    }) as Record<string, unknown>;
    const sco: Record<string, unknown> = { type, spec_version: '2.1', id, ...body };
    const changes = [...item.changes, { path: item.path, change: `moved out of observed-data "objects" key "${item.key}" into a top-level object with id ${id}` }];
    for (const key of dangling) changes.push({ path: item.path, change: `a reference to dictionary key "${key}" names no object in "objects"; left as is` });
    if (Array.isArray(markingRefs) && markingRefs.length > 0 && sco['object_marking_refs'] === undefined) {
      sco['object_marking_refs'] = [...markingRefs];
      changes.push({ path: item.path, change: 'object_marking_refs copied from the observed-data, whose markings covered its embedded objects' });
    }
    refs.push(id);
    for (const c of changes) ctx.changes.push({ objectId: id, ...c });
    const held = ctx.emitted.get(id);
    if (held === undefined) {
      ctx.emitted.set(id, sco);
      scos.push(sco);
    } else {
      mergeRepeat(held, sco, item.path, ctx);
    }
  }
  return { scos, refs, idOf };
}

/** Renames and removals of one observable's own properties (its references are still dictionary keys). */
function convertProperties(key: string, path: string, value: Record<string, unknown>): Pending {
  const type = value['type'] as string;
  const renames = SCO_RENAMES[type] ?? {};
  const removals = SCO_REMOVALS[type] ?? {};
  const changes: Pending['changes'] = [];
  const sco: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    if (name === 'id' || name === 'spec_version') continue;
    const renamed = renames[name];
    if (renamed !== undefined) {
      sco[renamed] = v;
      changes.push({ path: childPath(path, name), change: `renamed to ${renamed}` });
    } else if (removals[name] !== undefined || name === 'description') {
      const why = removals[name] ?? 'STIX 2.1 cyber observables have no description';
      changes.push({ path: childPath(path, name), change: `removed (value ${JSON.stringify(v)}): ${why}` });
    } else {
      sco[name] = v;
    }
  }
  const extensionRemovals = SCO_EXTENSION_REMOVALS[type];
  const extensions = sco['extensions'];
  if (extensionRemovals !== undefined && isPlainObject(extensions)) {
    const kept: Record<string, unknown> = { ...extensions };
    for (const [ext, props] of Object.entries(extensionRemovals)) {
      const body = kept[ext];
      if (!isPlainObject(body)) continue;
      const copy = { ...body };
      for (const [name, why] of Object.entries(props)) {
        if (!Object.hasOwn(copy, name)) continue;
        changes.push({ path: childPath(childPath(childPath(path, 'extensions'), ext), name), change: `removed (value ${JSON.stringify(copy[name])}): ${why}` });
        delete copy[name];
      }
      kept[ext] = copy;
    }
    sco['extensions'] = kept;
  }
  return { key, path, sco, changes };
}

/** Ids for every pending observable, resolving id-contributing references before the objects that use them. */
function resolveIds(pending: ReadonlyMap<string, Pending>, ctx: ObservablesContext): Map<string, string> {
  const idOf = new Map<string, string>();
  const visiting = new Set<string>();
  const resolve = (key: string): string | undefined => {
    const known = idOf.get(key);
    if (known !== undefined) return known;
    const item = pending.get(key);
    if (item === undefined || visiting.has(key)) return undefined;
    visiting.add(key);
    const type = item.sco['type'] as string;
    const contributing = specFor(type)?.idContributing ?? [];
    let resolvable = true;
    const candidate: Record<string, unknown> = { type };
    for (const name of contributing) {
      if (!Object.hasOwn(item.sco, name)) continue;
      candidate[name] = replaceRefs(item.sco[name], (ref) => {
        const target = resolve(ref);
        if (target === undefined) resolvable = false;
        return target ?? ref;
      }, name);
    }
    const deterministic = resolvable ? deterministicScoId(candidate) : undefined;
    const id = deterministic ?? `${type}--${ctx.newId()}`;
    if (deterministic === undefined) {
      const why = !resolvable
        ? 'an id-contributing reference could not be resolved (a cycle or a missing key)'
        : contributing.length === 0 ? `${type} has no id-contributing properties` : 'none of its id-contributing properties is present';
      item.changes.push({ path: item.path, change: `given a random (UUIDv4) id: ${why}` });
    }
    visiting.delete(key);
    idOf.set(key, id);
    return id;
  };
  for (const key of pending.keys()) resolve(key);
  return idOf;
}

/**
 * A copy of `value` with every `*_ref` string and `*_refs` string list mapped through `map`,
 * at any depth (extensions, email MIME parts). `name` is the property `value` sits under.
 */
function replaceRefs(value: unknown, map: (key: string) => string, name = ''): unknown {
  if (name.endsWith('_ref') && typeof value === 'string') return map(value);
  if (name.endsWith('_refs') && Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? map(v) : v));
  if (Array.isArray(value)) return value.map((v) => replaceRefs(v, map));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = replaceRefs(v, map, k);
    return out;
  }
  return value;
}

/** The same observable from another observed-data: one object, carrying every marking either had. */
function mergeRepeat(held: Record<string, unknown>, repeat: Record<string, unknown>, path: string, ctx: ObservablesContext): void {
  const { object_marking_refs: heldMarkings, ...heldRest } = held;
  const { object_marking_refs: repeatMarkings, ...repeatRest } = repeat;
  const id = held['id'] as string;
  if (JSON.stringify(heldRest) !== JSON.stringify(repeatRest)) {
    ctx.changes.push({ objectId: id, path, change: `not produced again: an observable with the same id and other properties was produced first (kept); this one's properties ${JSON.stringify(repeatRest)} are not stored` });
    return;
  }
  const union = [...new Set([...(Array.isArray(heldMarkings) ? heldMarkings : []), ...(Array.isArray(repeatMarkings) ? repeatMarkings : [])])];
  if (union.length > 0) held['object_marking_refs'] = union;
  ctx.changes.push({ objectId: id, path, change: 'the same observable was already produced from another observed-data: stored once, with the markings of both' });
}
