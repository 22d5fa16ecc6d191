// Compiles an AST once into closures: comparison expressions become functions from one observation
// to the set of root objects satisfying them; observation expressions become functions producing
// bindings over all observations. Literals are decoded, regexes and CIDR blocks parsed, and
// qualifier values checked here, so evaluation does no parsing.
import { SetuError } from '../errors/index.js';
import type { ComparisonKind, NodeOf, ObservationKind, Pattern } from './ast/index.js';
import { conjunction, disjunction, filtered, followedBy, insideInterval, repetitions, withinWindow } from './bindings.js';
import type { Binding, Timeline } from './bindings.js';
import { isNonObservableType } from './objects.js';
import { compilePath } from './paths.js';
import type { Resolver } from './paths.js';
import { compilePredicate } from './predicates.js';
import { parseTimestamp, secondsToNanos } from './timestamps.js';

/** One observed-data, as the compiled comparisons see it. */
export interface Frame {
  readonly byType: ReadonlyMap<string, readonly (readonly [string, Record<string, unknown>])[]>;
  readonly resolve: Resolver;
}

export interface EvaluationInput {
  readonly frames: readonly Frame[];
  readonly instances: readonly number[];
  readonly timeline: Timeline;
}

type ComparisonFn = (frame: Frame) => Set<string>;
type ObservationFn = (input: EvaluationInput) => Iterable<Binding>;

export interface CompiledPattern {
  readonly pattern: Pattern;
  /** Number of bracketed-observation slots in one binding (REPEATS multiplies). */
  readonly slots: number;
  readonly evaluate: ObservationFn;
}

const EMPTY: Set<string> = new Set();

const NEVER: ComparisonFn = () => EMPTY;

const COMPARISONS: { [K in ComparisonKind]: (node: NodeOf<K>) => ComparisonFn } = {
  comparison: (node) => {
    if (isNonObservableType(node.path.objectType)) return NEVER;
    const select = compilePath(node.path.steps);
    const test = compilePredicate(node);
    const type = node.path.objectType;
    return (frame) => {
      const roots = frame.byType.get(type);
      if (roots === undefined) return EMPTY;
      const passed = new Set<string>();
      for (const [id, object] of roots) if (select(object, frame.resolve).some(test)) passed.add(id);
      return passed;
    };
  },
  exists: (node) => {
    if (isNonObservableType(node.path.objectType)) return NEVER;
    const select = compilePath(node.path.steps);
    const type = node.path.objectType;
    return (frame) => {
      const passed = new Set<string>();
      for (const [id, object] of frame.byType.get(type) ?? []) if (select(object, frame.resolve).length > 0) passed.add(id);
      return passed;
    };
  },
  'comparison-and': (node) => {
    const left = comparison(node.left);
    const right = comparison(node.right);
    return (frame) => {
      const l = left(frame);
      if (l.size === 0) return l;
      const r = right(frame);
      return new Set([...l].filter((id) => r.has(id)));
    };
  },
  'comparison-or': (node) => {
    const left = comparison(node.left);
    const right = comparison(node.right);
    return (frame) => new Set([...left(frame), ...right(frame)]);
  },
};

function comparison(node: NodeOf<ComparisonKind>): ComparisonFn {
  return COMPARISONS[node.kind](node as never);
}

function invalidQualifier(message: string, node: { span: { line: number; column: number } }): never {
  throw new SetuError('SETU_ERR_PATTERN_INVALID_QUALIFIER', message, { line: node.span.line, column: node.span.column });
}

interface CompiledObservation {
  readonly run: ObservationFn;
  readonly slots: number;
}

const OBSERVATIONS: { [K in ObservationKind]: (node: NodeOf<K>) => CompiledObservation } = {
  observation: (node) => {
    const test = comparison(node.expression);
    return {
      slots: 1,
      run: function* ({ frames, instances, timeline }) {
        for (let o = 0; o < frames.length; o++) {
          if (test(frames[o] as Frame).size === 0) continue;
          for (let k = 0; k < (instances[o] as number); k++) yield [o * timeline.stride + k];
        }
      },
    };
  },
  group: (node) => observation(node.expression),
  'observation-and': (node) => {
    const left = observation(node.left);
    const right = observation(node.right);
    return { slots: left.slots + right.slots, run: (input) => conjunction(left.run(input), right.run(input), () => true) };
  },
  'observation-or': (node) => {
    const left = observation(node.left);
    const right = observation(node.right);
    return { slots: left.slots + right.slots, run: (input) => disjunction(left.run(input), left.slots, right.run(input), right.slots) };
  },
  'followed-by': (node) => {
    const left = observation(node.left);
    const right = observation(node.right);
    return {
      slots: left.slots + right.slots,
      run: (input) => conjunction(left.run(input), right.run(input), followedBy(input.timeline)),
    };
  },
  within: (node) => {
    if (!(node.seconds > 0)) invalidQualifier(`WITHIN must be positive, got ${node.text}`, node);
    const inner = observation(node.expression);
    const nanos = secondsToNanos(node.seconds);
    return { slots: inner.slots, run: (input) => filtered(inner.run(input), withinWindow(input.timeline, nanos)) };
  },
  repeats: (node) => {
    if (node.times < 1) invalidQualifier(`REPEATS must be at least 1, got ${node.times}`, node);
    const inner = observation(node.expression);
    return { slots: inner.slots * node.times, run: (input) => repetitions(inner.run(input), node.times) };
  },
  'start-stop': (node) => {
    const start = parseTimestamp(node.start) ?? invalidQualifier(`START is not a valid timestamp: ${node.start}`, node);
    const stop = parseTimestamp(node.stop) ?? invalidQualifier(`STOP is not a valid timestamp: ${node.stop}`, node);
    const inner = observation(node.expression);
    return { slots: inner.slots, run: (input) => filtered(inner.run(input), insideInterval(input.timeline, start, stop)) };
  },
};

function observation(node: NodeOf<ObservationKind>): CompiledObservation {
  return OBSERVATIONS[node.kind](node as never);
}

/** Compiles a parsed pattern; throws SetuError when a literal or qualifier can never be evaluated. */
export function compilePattern(ast: Pattern): CompiledPattern {
  const compiled = observation(ast.expression);
  return Object.freeze({ pattern: ast, slots: compiled.slots, evaluate: compiled.run });
}
