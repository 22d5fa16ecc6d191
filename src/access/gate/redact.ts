// Applies redactions to a copy of an object: each acted-on span of a string property becomes
// [REDACTED:<kind>] (overlapping spans merge, the strictest kind first in the label), and every
// reference to a pseudonymised identity is replaced by its pseudonym. The input is never mutated.
import type { PathStep, PiiFinding, PiiKind } from '../pii/index.js';

type Json = Record<string, unknown>;

export const redactionLabel = (kinds: readonly PiiKind[]): string => `[REDACTED:${[...new Set(kinds)].join('+')}]`;

interface Span {
  start: number;
  end: number;
  kinds: PiiKind[];
}

function mergeSpans(findings: readonly PiiFinding[]): Span[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const f of sorted) {
    const last = merged.at(-1);
    if (last && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      last.kinds.push(f.kind);
    } else merged.push({ start: f.start, end: f.end, kinds: [f.kind] });
  }
  return merged;
}

function redactText(text: string, findings: readonly PiiFinding[]): string {
  let out = text;
  for (const span of mergeSpans(findings).reverse()) out = out.slice(0, span.start) + redactionLabel(span.kinds) + out.slice(span.end);
  return out;
}

function getAt(root: unknown, steps: readonly PathStep[]): unknown {
  let node = root;
  for (const step of steps) node = (node as Record<string | number, unknown> | undefined)?.[step];
  return node;
}

function setAt(root: Json, steps: readonly PathStep[], value: unknown): void {
  const parent = getAt(root, steps.slice(0, -1)) as Record<string | number, unknown> | undefined;
  const last = steps.at(-1);
  if (parent !== undefined && last !== undefined) parent[last] = value;
}

/** A deep copy of `object` with the findings' spans redacted. */
export function redactFindings(object: Readonly<Json>, findings: readonly PiiFinding[]): Json {
  const copy = structuredClone(object) as Json;
  const byPath = new Map<string, { steps: readonly PathStep[]; findings: PiiFinding[] }>();
  for (const f of findings) {
    const entry = byPath.get(f.path) ?? { steps: f.steps, findings: [] };
    entry.findings.push(f);
    byPath.set(f.path, entry);
  }
  for (const { steps, findings: here } of byPath.values()) {
    const text = getAt(copy, steps);
    if (typeof text === 'string') setAt(copy, steps, redactText(text, here));
  }
  return copy;
}

/** Replaces, everywhere in `object` (in place), each *_ref / *_refs value found in `map`. Returns the ids replaced. */
export function replaceRefs(object: Json, map: (id: string) => string | undefined): Set<string> {
  const replaced = new Set<string>();
  const swap = (id: unknown): unknown => {
    if (typeof id !== 'string') return id;
    const to = map(id);
    if (to === undefined) return id;
    replaced.add(id);
    return to;
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Json;
    for (const [key, value] of Object.entries(record)) {
      if (key.endsWith('_ref')) record[key] = swap(value);
      else if (key.endsWith('_refs') && Array.isArray(value)) record[key] = value.map(swap);
      else visit(value);
    }
  };
  visit(object);
  return replaced;
}

/** Whether some *_ref / *_refs value anywhere in `object` satisfies `test` (read only). */
export function someRef(object: unknown, test: (id: string) => boolean): boolean {
  if (Array.isArray(object)) return object.some((item) => someRef(item, test));
  if (typeof object !== 'object' || object === null) return false;
  for (const [key, value] of Object.entries(object)) {
    if (key.endsWith('_ref') ? typeof value === 'string' && test(value) : key.endsWith('_refs') ? Array.isArray(value) && value.some((v) => typeof v === 'string' && test(v)) : someRef(value, test)) return true;
  }
  return false;
}
