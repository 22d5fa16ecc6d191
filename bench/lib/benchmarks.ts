// Every benchmark `npm run bench` (bench/run-all.ts) runs, in order, and the scripts in bench/
// it does not run. A test checks that these two tables name exactly the scripts in bench/, so a
// new benchmark cannot be left out of `npm run bench` unnoticed.

export interface Benchmark {
  /** What it measures, for `--list` and the run headings. */
  readonly what: string;
  /** Arguments under `--quick`: ['--quick'] where the script scales itself (sizes / 20), explicit sizes otherwise. */
  readonly quick: readonly string[];
  /** Whether the script reads `--name value` flags, so run-all may pass the caller's flags on. */
  readonly takesFlags: boolean;
  /** An environment variable the benchmark needs (any of them); without it run-all skips it, saying why. */
  readonly needsEnv?: readonly string[];
}

export const BENCHMARKS = {
  'taxii-ingest': { what: 'TAXII POST ingest of 200k mixed objects in envelopes of 1,000 (target >= 30,000 objects/s)', quick: ['--quick'], takesFlags: true },
  'taxii-read': { what: 'pages by next / added_after on 1M stored versions, match[id] lookups, server RSS', quick: ['--quick'], takesFlags: true },
  'cli-validate': { what: '`setu validate` on a 100k-object bundle, run() and the real binary', quick: ['--quick'], takesFlags: true },
  'page-sql': { what: 'CPU per Get Objects page in-process (no HTTP), walked by next and by added_after', quick: ['--quick'], takesFlags: true },
  'store-ingest': { what: 'store addObjects throughput (batches of 1,000) and afterSeq page throughput', quick: ['--objects', '10000', '--rows', '50000'], takesFlags: true },
  validate: { what: 'validator throughput over a generated 100k-object bundle (fixed size, --quick too)', quick: [], takesFlags: false },
  'pattern-compile': { what: 'parse and compile 100k generated STIX patterns: time and heap (fixed size, --quick too)', quick: [], takesFlags: false },
  related: { what: 'GET /api/v1/objects/{id}/related depth 1 with 8 clients over 1M stored objects (target p99 <= 20 ms), the pivot core alone, writes with the reference index', quick: ['--quick'], takesFlags: true },
  search: { what: 'ingest with the search indexes, then value / word / Japanese / Hindi searches with 8 clients (targets p99 <= 20 ms values, <= 50 ms words); PostgreSQL too when SETU_TEST_PG is set', quick: ['--quick'], takesFlags: true },
  'search-terms': { what: 'indexTermsOf over a 200k mixed generated corpus (objects/s), then searchKeysFor and parseQuery', quick: ['--quick'], takesFlags: true },
  'attack-import': { what: 'ATT&CK for ICS bundle: validate(), `setu practices import` objects/s, "what to do" per ask (skipped without the dataset)', quick: ['--quick'], takesFlags: true },
  'version-compare': { what: 'supply-chain version comparisons/s per ecosystem over versions.json: read+compare, compare-only, vers containment', quick: ['--quick'], takesFlags: true },
  'sbom-match': { what: 'matchSbom: 10k SBOM components x 30k generated OSV/OpenVEX advisories, fixed seed: one run\'s time, components/s, matches/s', quick: ['--quick'], takesFlags: true },
  'pattern-matcher': { what: 'the conformance matcher cases evaluated N times, compiled once vs every time', quick: ['10'], takesFlags: false },
  'detect-scan': { what: '`setu scan` of 1M events per format against 100k active indicators', quick: ['--quick'], takesFlags: true },
  'sync-catchup': { what: 'federation catch-up of 200k objects from a sender to a new receiver, over signed TAXII', quick: ['--quick'], takesFlags: true },
  'sync-latency': { what: 'federation live latency, one object at a time, sender POST to receiver commit (p50, p99)', quick: ['--quick'], takesFlags: true },
  'foreign-read': { what: 'direct reads by a reader outside the node\'s jurisdiction (outbound gate verdicts) next to a reader inside', quick: ['--quick'], takesFlags: true },
  'session-check': { what: 'what a person\'s session check adds per request: direct (target <= 50 µs) and through the JSON API', quick: ['--quick'], takesFlags: true },
  'pg-compare': {
    what: 'PostgreSQL vs SQLite through TAXII, one and two server processes',
    quick: ['--quick'],
    takesFlags: true,
    needsEnv: ['SETU_TEST_PG', 'SETU_DATABASE_URL'],
  },
} as const satisfies Record<string, Benchmark>;

export type BenchName = keyof typeof BENCHMARKS;

/** Scripts in bench/ that are not benchmarks, and why run-all leaves them out. */
export const NOT_BENCHMARKS = {
  'run-all': 'this runner',
  'sync-common': 'helpers shared by sync-catchup and sync-latency',
  'sync-node-child': 'the child process the sync benchmarks start',
  'profile-summary': 'a tool: summarises a .cpuprofile that a benchmark run with --profile wrote',
} as const satisfies Record<string, string>;
