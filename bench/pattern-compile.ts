// Parses and compiles 100,000 generated STIX patterns (fixed seed) and prints time and heap.
// Run: node --import tsx bench/pattern-compile.ts   (add --expose-gc for steadier heap figures)
import { performance } from 'node:perf_hooks';
import { compilePattern, parsePattern } from '../src/pattern/index.js';
import type { CompiledPattern } from '../src/pattern/index.js';

const COUNT = 100_000;
const SEED = 20240601;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const hex = (n: number): string => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
const octet = (): number => Math.floor(random() * 256);

const COMPARISONS: readonly (() => string)[] = [
  () => `file:hashes.MD5 = '${hex(32)}'`,
  () => `file:hashes.'SHA-256' = '${hex(64)}'`,
  () => `ipv4-addr:value ISSUBSET '${octet()}.${octet()}.${octet()}.0/24'`,
  () => `ipv6-addr:value ISSUBSET '2001:db8:${hex(4)}::/48'`,
  () => `domain-name:value = 'host${Math.floor(random() * 1e6)}.example.com'`,
  () => `url:value LIKE 'http://%/${hex(6)}%'`,
  () => `process:command_line MATCHES '^.*${hex(4)}\\\\.exe'`,
  () => `network-traffic:dst_port IN (${octet()}, ${octet()}, 443)`,
  () => `network-traffic:dst_ref.value = '${octet()}.${octet()}.${octet()}.${octet()}'`,
  () => `file:size > ${Math.floor(random() * 1e6)}`,
  () => `email-message:from_ref.value = 'x${hex(4)}@example.org'`,
];

function observation(): string {
  const n = 1 + Math.floor(random() * 3);
  const parts = Array.from({ length: n }, () => pick(COMPARISONS)());
  return `[${parts.join(pick([' AND ', ' OR ']))}]`;
}

function pattern(): string {
  const n = 1 + Math.floor(random() * 3);
  let text = observation();
  for (let i = 1; i < n; i++) text += pick([' AND ', ' OR ', ' FOLLOWEDBY ']) + observation();
  if (random() < 0.3) text = `(${text}) ${pick(['WITHIN 300 SECONDS', 'REPEATS 2 TIMES', "START t'2024-01-01T00:00:00Z' STOP t'2024-02-01T00:00:00Z'"])}`;
  return text;
}

const gc = (globalThis as { gc?: () => void }).gc;
const texts = Array.from({ length: COUNT }, pattern);
const totalChars = texts.reduce((n, t) => n + t.length, 0);
gc?.();
const heapBefore = process.memoryUsage().heapUsed;

const compiled: CompiledPattern[] = [];
const start = performance.now();
for (const text of texts) {
  const parsed = parsePattern(text);
  if (!parsed.ok) throw new Error(`generated an invalid pattern: ${text}: ${parsed.error.message}`);
  compiled.push(compilePattern(parsed.ast));
}
const elapsed = performance.now() - start;
gc?.();
const heapAfter = process.memoryUsage().heapUsed;

console.log(`patterns            ${COUNT} (seed ${SEED}, ${(totalChars / COUNT).toFixed(0)} chars on average)`);
console.log(`parse+compile       ${elapsed.toFixed(0)} ms total, ${((elapsed * 1000) / COUNT).toFixed(1)} µs per pattern, ${((COUNT / elapsed) * 1000).toFixed(0)} patterns/s`);
console.log(`retained heap       ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MiB, ${((heapAfter - heapBefore) / COUNT / 1024).toFixed(2)} KiB per compiled pattern${gc ? '' : ' (run with --expose-gc for exact figures)'}`);
console.log(`kept               ${compiled.length} compiled patterns`);
