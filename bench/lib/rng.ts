// A small seeded PRNG (mulberry32) so that every run generates the same data.
export interface Rng {
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  hex(length: number): string;
  uuid4(): string;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  const hex = (length: number): string => {
    let s = '';
    for (let i = 0; i < length; i++) s += '0123456789abcdef'.charAt(int(16));
    return s;
  };
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    hex,
    uuid4: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'.charAt(int(4))}${hex(3)}-${hex(12)}`,
  };
}
