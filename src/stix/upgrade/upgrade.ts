// upgradeFrom20(): STIX 2.0 content (a bundle, a list of objects or one object) to STIX 2.1, with
// every change reported per object. Pure: the only outside input is the id source for the
// observables that have no deterministic id. Objects that are already 2.1 pass through untouched
// (the same reference), so a caller can keep their received bytes.
import { isPlainObject } from '../paths.js';
import { isStix20Object } from './detect.js';
import { upgradeObject } from './objects.js';
import type { ObservablesContext } from './observables.js';
import type { UpgradeChange } from './tables.js';

export interface UpgradeOptions {
  /** A fresh UUIDv4 (no type prefix), for observables without a deterministic id. */
  readonly newId: () => string;
}

export interface UpgradedObject {
  readonly object: unknown;
  /** Index of the input object it came from (an observed-data's observables share its index). */
  readonly source: number;
  /** True when the input object was already STIX 2.1 (or not an object) and is passed through as it was. */
  readonly unchanged: boolean;
}

export interface UpgradeResult {
  /** The input's shape in 2.1: a bundle without spec_version, a list, or one object (a list when an observed-data released observables). */
  readonly document: unknown;
  /** Every output object in order: each upgraded object followed by the observables it released. */
  readonly objects: readonly UpgradedObject[];
  readonly changes: readonly UpgradeChange[];
}

export function upgradeFrom20(input: unknown, options: UpgradeOptions): UpgradeResult {
  const changes: UpgradeChange[] = [];
  if (isPlainObject(input) && input['type'] === 'bundle') {
    const { spec_version: specVersion, objects, ...rest } = input;
    const bundleId = typeof input['id'] === 'string' ? input['id'] : null;
    if (specVersion !== undefined) changes.push({ objectId: bundleId, path: '$.spec_version', change: `removed (${JSON.stringify(specVersion)}): a STIX 2.1 bundle has no spec_version` });
    const list = Array.isArray(objects) ? objects : [];
    const upgraded = upgradeObjects(list, '$.objects', options, changes);
    const document = { ...rest, ...(Array.isArray(objects) ? { objects: upgraded.map((u) => u.object) } : objects === undefined ? {} : { objects }) };
    return { document, objects: upgraded, changes };
  }
  if (Array.isArray(input)) {
    const upgraded = upgradeObjects(input, '$', options, changes);
    return { document: upgraded.map((u) => u.object), objects: upgraded, changes };
  }
  const upgraded = upgradeObjects([input], '', options, changes, '$');
  return { document: upgraded.length === 1 ? upgraded[0]?.object : upgraded.map((u) => u.object), objects: upgraded, changes };
}

/** Upgrades objects one at a time (e.g. while streaming a file), sharing what one upgrade must know across objects. */
export interface Upgrader {
  /** The 2.1 objects for one input object (itself untouched when it is not 2.0). */
  object(item: unknown, path: string): readonly unknown[];
  /** Every change so far, in order. */
  readonly changes: readonly UpgradeChange[];
}

export function createUpgrader(options: UpgradeOptions, changes: UpgradeChange[] = []): Upgrader {
  // Observables already produced: the same observable in two observed-data is produced once.
  const ctx: ObservablesContext = { newId: options.newId, changes, emitted: new Map() };
  return {
    object: (item, path) => (isStix20Object(item) && isPlainObject(item) ? upgradeObject(item, path, ctx) : [item]),
    changes,
  };
}

/**
 * Upgrades each 2.0 object of a list; `path` prefixes each element's path as `${path}[i]`, or
 * `single` names the only element's path.
 */
export function upgradeObjects(list: readonly unknown[], path: string, options: UpgradeOptions, changes: UpgradeChange[] = [], single?: string): UpgradedObject[] {
  const upgrader = createUpgrader(options, changes);
  const out: UpgradedObject[] = [];
  list.forEach((item, source) => {
    const produced = upgrader.object(item, single ?? `${path}[${source}]`);
    const unchanged = produced.length === 1 && produced[0] === item;
    for (const object of produced) out.push({ object, source, unchanged });
  });
  return out;
}
