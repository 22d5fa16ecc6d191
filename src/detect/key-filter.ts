// A one-hash Bloom filter in front of a large hash map: most event values are in no indicator,
// and answering "certainly not" from a small bitmap (about 32 bits per key, a few hundred KiB for
// 100,000 keys, so it stays in cache) is much cheaper than a probe into a map of that size, which
// costs a cache miss or two. A "maybe" is then confirmed by the map, so results are exact.
// Removed keys leave their bits set (more "maybe"s, never a wrong answer) until the next rebuild.
const BITS_PER_KEY = 32;
const MIN_BITS = 1 << 10;

/** FNV-1a over UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class KeyFilter {
  private bits = new Uint32Array(MIN_BITS >>> 5);
  private mask = MIN_BITS - 1;
  private keys = 0;

  /** Records a key; `all` lists every key when the filter has to grow. */
  add(key: string, all: () => Iterable<string>): void {
    this.keys++;
    if (this.keys * BITS_PER_KEY > this.mask + 1) {
      this.rebuild(all());
      return;
    }
    const h = hash(key) & this.mask;
    this.bits[h >>> 5] = (this.bits[h >>> 5] as number) | (1 << (h & 31));
  }

  /** False when the key was certainly never added. */
  mightHave(key: string): boolean {
    const h = hash(key) & this.mask;
    return ((this.bits[h >>> 5] as number) & (1 << (h & 31))) !== 0;
  }

  rebuild(keys: Iterable<string>): void {
    const list = [...keys];
    let size = MIN_BITS;
    while (size < list.length * BITS_PER_KEY) size *= 2;
    this.bits = new Uint32Array(size >>> 5);
    this.mask = size - 1;
    this.keys = list.length;
    for (const key of list) {
      const h = hash(key) & this.mask;
      this.bits[h >>> 5] = (this.bits[h >>> 5] as number) | (1 << (h & 31));
    }
  }
}
