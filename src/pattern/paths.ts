// Object-path selection: from one root object, the list of values a path reaches. A key step reads
// a property of objects, an index step an element of lists (negative counts from the end), [*]
// every element; `_ref` / `_refs` properties are replaced by the objects they reference (those that
// resolve in the same observation). Steps that do not apply drop the value, never throw.
import type { PathStep } from './ast/index.js';
import { decodeSuffixed } from './values.js';

export type Resolver = (id: string) => Record<string, unknown> | undefined;
export type PathSelector = (root: Record<string, unknown>, resolve: Resolver) => unknown[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function dereference(ids: readonly unknown[], resolve: Resolver): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const id of ids) {
    const target = typeof id === 'string' ? resolve(id) : undefined;
    if (target !== undefined) found.push(target);
  }
  return found;
}

type StepFn = (values: unknown[], resolve: Resolver) => unknown[];

function keyStep(name: string): StepFn {
  const isRef = name.endsWith('_ref');
  const isRefs = name.endsWith('_refs');
  return (values, resolve) => {
    const out: unknown[] = [];
    for (const value of values) {
      if (!isPlainObject(value) || !Object.hasOwn(value, name)) continue;
      const next = decodeSuffixed(name, value[name]);
      if (isRef) out.push(...dereference([next], resolve));
      else if (isRefs) {
        if (!Array.isArray(next)) continue;
        const targets = dereference(next, resolve);
        if (targets.length > 0) out.push(targets);
      } else out.push(next);
    }
    return out;
  };
}

function indexStep(index: number): StepFn {
  return (values) => {
    const out: unknown[] = [];
    for (const value of values) {
      if (!Array.isArray(value)) continue;
      const at = index < 0 ? value.length + index : index;
      if (at >= 0 && at < value.length) out.push(value[at]);
    }
    return out;
  };
}

const starStep: StepFn = (values) => {
  const out: unknown[] = [];
  for (const value of values) if (Array.isArray(value)) out.push(...value);
  return out;
};

export function compilePath(steps: readonly PathStep[]): PathSelector {
  const fns = steps.map((step): StepFn => (step.type === 'key' ? keyStep(step.name) : step.type === 'index' ? indexStep(step.index) : starStep));
  return (root, resolve) => {
    let values: unknown[] = [root];
    for (const fn of fns) {
      values = fn(values, resolve);
      if (values.length === 0) break;
    }
    return values;
  };
}
