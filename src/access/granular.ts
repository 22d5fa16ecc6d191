// Granular markings stricter than the object's own level hide the fields they select from readers
// who lack that level: the selected properties are removed from the served JSON (a transform at
// read time; the row itself was already admitted by the store's predicate). Granular-marking
// entries whose selectors were removed or no longer resolve are dropped too, so the served object
// never names a property it does not carry. Pure.

import type { TlpLevel } from '../stix/index.js';
import { granularLevels, redReaders } from './classify.js';
import { readRecipients } from './extension.js';
import { TLP_RANK } from './tlp.js';
import { mayRead, type ReadScope } from './visibility.js';

/** Common properties a selector may name but that are never removed (the envelope needs them). */
const KEPT = new Set(['id', 'type', 'spec_version', 'created', 'modified']);

const HIDDEN: unique symbol = Symbol('hidden');

type Json = unknown;

function segments(selector: string): (string | number)[] {
  return selector.split('.').map((part) => {
    const index = /^\[(\d+)\]$/.exec(part);
    return index ? Number(index[1]) : part;
  });
}

function resolves(root: Json, path: readonly (string | number)[]): boolean {
  let node: Json = root;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(node) || step >= node.length) return false;
      node = node[step];
    } else {
      if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, step)) return false;
      node = (node as Record<string, Json>)[step];
    }
  }
  return true;
}

function markHidden(root: Record<string, Json>, path: readonly (string | number)[]): void {
  if (path.length === 0 || (path.length === 1 && typeof path[0] === 'string' && KEPT.has(path[0]))) return;
  let node: Json = root;
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i]!;
    node = typeof step === 'number' ? (Array.isArray(node) ? node[step] : undefined) : typeof node === 'object' && node !== null ? (node as Record<string, Json>)[step] : undefined;
    if (node === undefined || node === HIDDEN) return;
  }
  const last = path[path.length - 1]!;
  if (typeof last === 'number' && Array.isArray(node) && last < node.length) node[last] = HIDDEN;
  else if (typeof last === 'string' && typeof node === 'object' && node !== null && !Array.isArray(node) && Object.hasOwn(node, last)) {
    (node as Record<string, Json>)[last] = HIDDEN;
  }
}

function sweep(node: Json): Json {
  if (Array.isArray(node)) return node.filter((v) => v !== HIDDEN).map(sweep);
  if (typeof node === 'object' && node !== null) {
    const out: Record<string, Json> = {};
    for (const [key, value] of Object.entries(node)) if (value !== HIDDEN) out[key] = sweep(value);
    return out;
  }
  return node;
}

/** Whether `selector` names something `object` carries. */
export function selects(object: Readonly<Record<string, unknown>>, selector: string): boolean {
  return resolves(object, segments(selector));
}

/** The selectors this reader may not see (granular markings stricter than `tlp` it lacks). */
export function hiddenSelectors(object: Readonly<Record<string, unknown>>, tlp: TlpLevel, ownerOrg: string | null, reader: ReadScope): string[] {
  const named = readRecipients(object);
  const facts = { ownerOrg, recipients: redReaders(named.ok ? named.recipients : [], ownerOrg) };
  const hidden: string[] = [];
  for (const g of granularLevels(object)) {
    if (TLP_RANK[g.level] > TLP_RANK[tlp] && !mayRead(g.level, facts, reader)) hidden.push(...g.selectors);
  }
  return hidden;
}

/**
 * The object as this reader may see it: the same value when nothing is hidden, otherwise a copy
 * without the hidden properties (and without the granular markings that selected them).
 */
export function withoutHiddenFields(
  object: Readonly<Record<string, unknown>>,
  tlp: TlpLevel,
  ownerOrg: string | null,
  reader: ReadScope,
): Readonly<Record<string, unknown>> {
  return withoutSelected(object, hiddenSelectors(object, tlp, ownerOrg, reader));
}

/**
 * The object without the properties `hidden` selects (the envelope's common properties excepted)
 * and without the granular-marking selectors that named them or no longer resolve; the same value
 * when nothing is selected.
 */
export function withoutSelected(object: Readonly<Record<string, unknown>>, hidden: readonly string[]): Readonly<Record<string, unknown>> {
  if (hidden.length === 0) return object;
  const copy = structuredClone(object) as Record<string, Json>;
  for (const selector of hidden) markHidden(copy, segments(selector));
  const result = sweep(copy) as Record<string, Json>;
  const markings = result['granular_markings'];
  if (Array.isArray(markings)) {
    const kept = markings
      .map((m) => {
        if (typeof m !== 'object' || m === null) return m;
        const entry = m as Record<string, Json>;
        const selectors = Array.isArray(entry['selectors'])
          ? (entry['selectors'] as Json[]).filter((s) => typeof s === 'string' && !hidden.includes(s) && resolves(result, segments(s)))
          : [];
        return selectors.length === 0 ? undefined : { ...entry, selectors };
      })
      .filter((m) => m !== undefined);
    if (kept.length === 0) delete result['granular_markings'];
    else result['granular_markings'] = kept;
  }
  return result;
}
