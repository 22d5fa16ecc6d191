// `setu scan`: matches log events (Zeek TSV/JSON, Suricata eve.json, ECS or any JSON lines through
// a mapping file; files or standard input) against the active indicators of a node or of a bundle
// file, prints the hits and a summary, and with --report posts the hits as STIX sightings to a
// collection of a Setu node over TAXII 2.1. Bad lines are counted and reported, never fatal.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { isSetuError } from '../../errors/index.js';
import {
  Detector, IndicatorSet, SightingAggregator, formatMicros, isEventFormat, loadFromDocument, loadFromStore, parseMapping,
  postObjects, scanStream, EVENT_FORMATS,
} from '../../detect/index.js';
import type { EventFormat, FieldMapping, Hit, IndicatorSetStats, LoadSummary, ReportResult, StreamSummary } from '../../detect/index.js';
import { withNode } from '../../node/data-dir.js';
import { EXIT, ExitError, UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';
import { startProgress } from '../progress.js';

export interface ScanOptions {
  /** Event files; none or "-" reads standard input. */
  readonly files: readonly string[];
  /** Node data directory the indicators come from (when `indicators` is not given). */
  readonly data: string;
  /** Collections to take indicators from (default: all of the node's). */
  readonly collections: readonly string[];
  /** A bundle / list of indicators to use instead of the node's. */
  readonly indicators?: string | undefined;
  /** An EVENT_FORMATS name or "auto" (default). */
  readonly format?: string | undefined;
  /** A field-mapping file (JSON lines input). */
  readonly mapping?: string | undefined;
  /** Sliding window of multi-observation patterns, seconds. */
  readonly windowSeconds: number;
  /** Sighting aggregation window, seconds. */
  readonly aggregateSeconds: number;
  /** Most hit lines printed (all are counted and reported). */
  readonly hitsLimit: number;
  readonly json: boolean;
  readonly report: boolean;
  readonly server?: string | undefined;
  readonly token?: string | undefined;
  readonly collection?: string | undefined;
  readonly sightedBy?: string | undefined;
}

export interface ScanDeps {
  readonly stdin: Readable;
  readonly newId: () => string;
}

interface HitRecord {
  readonly indicator: string;
  readonly name: string | undefined;
  readonly time: string;
  readonly events: readonly string[];
}

export interface ScanResult {
  readonly indicators: { readonly source: string; readonly load: LoadSummary; readonly stats: IndicatorSetStats; readonly loadMs: number };
  readonly files: readonly (StreamSummary | { readonly source: string; readonly error: string })[];
  readonly events: number;
  readonly badLines: number;
  readonly hits: number;
  readonly indicatorsHit: number;
  readonly hitsShown: readonly HitRecord[];
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
  readonly evaluations: number;
  readonly evaluationErrors: number;
  readonly report?: ReportResult & { readonly sightings: number };
}

const IDENTITY_ID = /^identity--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checkOptions(options: ScanOptions): EventFormat | undefined {
  const format = options.format === undefined || options.format === 'auto' ? undefined : options.format;
  if (format !== undefined && !isEventFormat(format)) throw new UsageError(`--format must be auto or one of ${EVENT_FORMATS.join(', ')} (got ${format})`);
  if (format === 'mapping' && options.mapping === undefined) throw new UsageError('--format mapping needs --mapping FILE');
  for (const [name, value] of [['--window', options.windowSeconds], ['--aggregate', options.aggregateSeconds]] as const) {
    if (!(Number.isFinite(value) && value > 0)) throw new UsageError(`${name} must be a positive number of seconds`);
  }
  if (!(Number.isInteger(options.hitsLimit) && options.hitsLimit >= 0)) throw new UsageError('--hits-limit must be a non-negative integer');
  if (options.report) {
    const missing = (['server', 'token', 'collection', 'sightedBy'] as const).filter((k) => options[k] === undefined || options[k] === '');
    if (missing.length > 0) throw new UsageError(`--report needs ${missing.map((k) => (k === 'sightedBy' ? '--sighted-by' : `--${k}`)).join(', ')}`);
    if (!IDENTITY_ID.test(options.sightedBy as string)) throw new UsageError(`--sighted-by must be an identity id (identity--<uuid>), not ${options.sightedBy}`);
    try {
      new URL(options.server as string);
    } catch {
      throw new UsageError(`--server must be a URL, not ${options.server}`);
    }
  }
  return options.mapping !== undefined && format === undefined ? 'mapping' : format;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}

function hitRecord(hit: Hit): HitRecord {
  const last = hit.events[hit.events.length - 1];
  return {
    indicator: hit.indicator.id,
    name: hit.indicator.name,
    time: last === undefined ? '' : formatMicros(last.time),
    events: hit.events.map((e) => `${e.source}:${e.line}`),
  };
}

function hitLine(record: HitRecord): string {
  return `HIT ${record.time} ${record.indicator}${record.name === undefined ? '' : ` "${record.name}"`} at ${record.events.join(', ')}\n`;
}

export async function run(options: ScanOptions, io: CliIo, deps: ScanDeps = { stdin: process.stdin, newId: randomUUID }): Promise<ScanResult> {
  const format = checkOptions(options);
  let mapping: FieldMapping | undefined;
  if (options.mapping !== undefined) mapping = parseMapping(await readText(options.mapping, 'mapping file'));
  const inputs = options.files.length === 0 ? ['-'] : options.files;
  const sizes = new Map<string, number>();
  for (const file of inputs) {
    if (file === '-') continue;
    try {
      sizes.set(file, (await stat(file)).size);
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }

  const set = new IndicatorSet(io.clock);
  const loadStart = io.clock();
  const indicatorSource = await loadIndicatorsWithSummary(options, set, io);
  const loadMs = io.clock() - loadStart;
  const detector = new Detector(set, { windowSeconds: options.windowSeconds });
  const aggregator = options.report ? new SightingAggregator({ sightedBy: options.sightedBy as string, bucketSeconds: options.aggregateSeconds }) : undefined;
  const hitsShown: HitRecord[] = [];
  const indicatorsHit = new Set<string>();
  const onHit = (hit: Hit): void => {
    indicatorsHit.add(hit.indicator.id);
    aggregator?.add(hit);
    if (hitsShown.length >= options.hitsLimit) return;
    const record = hitRecord(hit);
    hitsShown.push(record);
    if (!options.json) io.out(hitLine(record));
  };

  const files: ScanResult['files'][number][] = [];
  const progress = startProgress(io, 'scan', [...sizes.values()].reduce((a, b) => a + b, 0));
  const started = io.clock();
  for (const file of inputs) {
    const source = file === '-' ? '<stdin>' : file;
    const chunks = file === '-' ? deps.stdin.setEncoding('utf8') : createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
    try {
      files.push(await scanStream({ source, chunks, format, mapping, detector, onHit, onChunk: (bytes) => progress.increment(bytes) }));
    } catch (error) {
      if (!isSetuError(error)) throw error;
      files.push({ source, error: error.message });
    } finally {
      if (chunks !== deps.stdin) (chunks as ReturnType<typeof createReadStream>).destroy();
    }
  }
  progress.stop();
  const elapsedMs = Math.max(1, io.clock() - started);
  const counters = detector.counters;
  const badLines = files.reduce((n, f) => n + ('badLines' in f ? f.badLines : 0), 0);
  let report: ScanResult['report'];
  if (aggregator !== undefined) {
    const objects = aggregator.toObjects(io.clock, deps.newId);
    const posted = await postObjects({ server: options.server as string, token: options.token as string, collection: options.collection as string }, objects);
    report = { ...posted, sightings: aggregator.size };
  }
  const result: ScanResult = {
    indicators: { source: indicatorSource.source, load: indicatorSource.load, stats: set.stats(), loadMs },
    files,
    events: counters.events,
    badLines,
    hits: counters.hits,
    indicatorsHit: indicatorsHit.size,
    hitsShown,
    elapsedMs,
    eventsPerSecond: Math.round((counters.events / elapsedMs) * 1000),
    evaluations: counters.evaluations,
    evaluationErrors: counters.evaluationErrors,
    ...(report === undefined ? {} : { report }),
  };
  emit(io, options.json, result, () => summaryText(result));
  const failedFiles = files.filter((f) => 'error' in f).length;
  if (failedFiles > 0) throw new ExitError(EXIT.failure, `${failedFiles} input(s) could not be read as events`, true);
  if (report !== undefined && report.failed > 0) throw new ExitError(EXIT.failure, `${report.failed} reported object(s) were refused by the server`, true);
  return result;
}

async function loadIndicatorsWithSummary(options: ScanOptions, set: IndicatorSet, io: CliIo): Promise<{ source: string; load: LoadSummary }> {
  if (options.indicators !== undefined) {
    return { source: options.indicators, load: loadFromDocument(await readText(options.indicators, 'indicators file'), set) };
  }
  const load = await withNode(options.data, io.clock, ({ store }) => loadFromStore(store, set, options.collections.length > 0 ? options.collections : undefined));
  return { source: `node ${options.data}`, load };
}

const n = (value: number): string => value.toLocaleString('en-US');

function summaryText(result: ScanResult): string {
  const s = result.indicators.stats;
  const invalid = result.indicators.load.outcomes.invalid ?? 0;
  const lines = [
    `indicators: ${n(s.active)} active from ${result.indicators.source} (${n(s.exact)} decided by the index, ${n(s.anchored)} index-selected then evaluated, ${n(s.unanchored)} evaluated per event type) in ${n(result.indicators.loadMs)} ms${invalid > 0 ? `; ${n(invalid)} invalid skipped` : ''}`,
  ];
  for (const bad of result.indicators.load.invalid.slice(0, 5)) lines.push(`  invalid indicator ${bad.id ?? '(no id)'}: ${bad.reason ?? ''}`);
  for (const file of result.files) {
    if ('error' in file) lines.push(`${file.source}: NOT SCANNED: ${file.error}`);
    else lines.push(`${file.source}: ${file.format ?? 'empty'}, ${n(file.lines)} lines, ${n(file.events)} events, ${n(file.badLines)} bad lines`);
    if ('badExamples' in file) for (const bad of file.badExamples.slice(0, 5)) lines.push(`  bad line ${bad.line}: ${bad.reason}`);
  }
  lines.push(
    `scanned ${n(result.events)} events in ${n(result.elapsedMs)} ms (${n(result.eventsPerSecond)} events/s): ${n(result.hits)} hits on ${n(result.indicatorsHit)} indicators, ${n(result.badLines)} bad lines`,
  );
  if (result.hits > result.hitsShown.length) lines.push(`(${n(result.hits - result.hitsShown.length)} more hits not printed; see --hits-limit)`);
  if (result.evaluationErrors > 0) lines.push(`${n(result.evaluationErrors)} pattern evaluations were refused by the matcher (values of the wrong type)`);
  if (result.report !== undefined) {
    const r = result.report;
    lines.push(`reported ${n(r.sightings)} sightings (${n(r.posted)} objects) to ${r.apiRoot}: ${n(r.succeeded)} stored, ${n(r.failed)} refused`);
    for (const status of r.statuses) for (const failure of status.failures.slice(0, 5)) lines.push(`  refused ${failure.id}: ${failure.message ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
