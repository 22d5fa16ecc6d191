// Bindings: which observation instance is bound to each bracketed observation expression of a
// pattern. A binding is a tuple of instance ids (null where an OR branch was not taken); an
// observed-data with number_observed = n provides n instances. Operators combine lazily-produced
// bindings; the pattern matches when at least one binding survives.
export type Binding = readonly (number | null)[];

export interface Timeline {
  /** Instances per observed-data are numbered obs * stride + k. */
  readonly stride: number;
  readonly first: readonly bigint[];
  readonly last: readonly bigint[];
}

export function observationOf(instance: number, timeline: Timeline): number {
  return Math.floor(instance / timeline.stride);
}

export function disjoint(a: Binding, b: Binding): boolean {
  for (const x of a) if (x !== null && b.includes(x)) return false;
  return true;
}

function bound(binding: Binding): number[] {
  return binding.filter((x): x is number => x !== null);
}

export function* conjunction(left: Iterable<Binding>, right: Iterable<Binding>, accept: (l: Binding, r: Binding) => boolean): Generator<Binding> {
  const rights = [...right];
  if (rights.length === 0) return;
  for (const l of left) for (const r of rights) if (disjoint(l, r) && accept(l, r)) yield [...l, ...r];
}

export function* disjunction(left: Iterable<Binding>, leftSize: number, right: Iterable<Binding>, rightSize: number): Generator<Binding> {
  const padLeft = Array<null>(leftSize).fill(null);
  const padRight = Array<null>(rightSize).fill(null);
  for (const l of left) yield [...l, ...padRight];
  for (const r of right) yield [...padLeft, ...r];
}

/** FOLLOWEDBY: some choice of instants puts every right-side observation at or after every left-side one. */
export function followedBy(timeline: Timeline): (l: Binding, r: Binding) => boolean {
  return (l, r) => {
    let latestFirst = -1n << 200n;
    for (const i of bound(l)) {
      const t = timeline.first[observationOf(i, timeline)] as bigint;
      if (t > latestFirst) latestFirst = t;
    }
    let earliestLast = 1n << 200n;
    for (const i of bound(r)) {
      const t = timeline.last[observationOf(i, timeline)] as bigint;
      if (t < earliestLast) earliestLast = t;
    }
    return latestFirst <= earliestLast;
  };
}

/** WITHIN: one window of the given length touches every bound observation's [first, last]. */
export function withinWindow(timeline: Timeline, nanos: bigint): (b: Binding) => boolean {
  return (binding) => {
    const obs = bound(binding).map((i) => observationOf(i, timeline));
    if (obs.length === 0) return true;
    let latestFirst = timeline.first[obs[0] as number] as bigint;
    let earliestLast = timeline.last[obs[0] as number] as bigint;
    for (const o of obs) {
      const f = timeline.first[o] as bigint;
      const l = timeline.last[o] as bigint;
      if (f > latestFirst) latestFirst = f;
      if (l < earliestLast) earliestLast = l;
    }
    return latestFirst - earliestLast <= nanos;
  };
}

/** START/STOP: every bound observation overlaps [start, stop) (touching start counts, touching stop does not). */
export function insideInterval(timeline: Timeline, start: bigint, stop: bigint): (b: Binding) => boolean {
  return (binding) =>
    start < stop &&
    bound(binding).every((i) => {
      const o = observationOf(i, timeline);
      return (timeline.first[o] as bigint) < stop && (timeline.last[o] as bigint) >= start;
    });
}

export function* filtered(bindings: Iterable<Binding>, keep: (b: Binding) => boolean): Generator<Binding> {
  for (const b of bindings) if (keep(b)) yield b;
}

/** REPEATS n: n pairwise-disjoint bindings, in input order, concatenated. */
export function* repetitions(bindings: Iterable<Binding>, times: number): Generator<Binding> {
  const all = [...bindings];
  if (times === 1) {
    yield* all;
    return;
  }
  const distinct = new Set(all.flatMap(bound));
  const smallest = Math.max(1, Math.min(...all.map((b) => bound(b).length)));
  if (distinct.size < times * smallest) return;
  const chosen: Binding[] = [];
  function* extend(from: number): Generator<Binding> {
    if (chosen.length === times) {
      yield chosen.flat();
      return;
    }
    for (let i = from; i <= all.length - (times - chosen.length); i++) {
      const candidate = all[i] as Binding;
      if (!chosen.every((c) => disjoint(c, candidate))) continue;
      chosen.push(candidate);
      yield* extend(i + 1);
      chosen.pop();
    }
  }
  yield* extend(0);
}
