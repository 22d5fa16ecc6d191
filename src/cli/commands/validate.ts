// `setu validate FILE...`: checks bundles, single objects or JSON-lines files against STIX 2.1 and
// prints each finding with its object, JSON path, rule code and severity. Exit 1 when any is invalid.
// A file with many findings (a large bundle) is summarised by code, with the first examples of
// each; --all prints every finding. --json always carries every finding and the summary.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { bytesAt, firstInvalidUtf8 } from '../../ingest/index.js';
import { upgradeFrom20, validate, type Finding, type UpgradeChange } from '../../stix/index.js';
import { EXIT, ExitError, UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';
import { startProgress } from '../progress.js';
import { splitJsonDocuments } from '../json-documents.js';

export interface ValidateOptions {
  readonly files: readonly string[];
  readonly strict: boolean;
  readonly json: boolean;
  readonly disabled?: readonly string[];
  /** Print every finding instead of a summary by code when a file has many. */
  readonly all?: boolean;
  /** Validate what `setu import --upgrade-from-2.0` would store: STIX 2.0 content converted to 2.1 first. */
  readonly upgradeFrom20?: boolean;
}

/** One rule code's findings in a file: how many, and the first few. */
interface CodeSummary {
  code: string;
  severity: Finding['severity'];
  count: number;
  examples: Finding[];
}

interface FileReport {
  file: string;
  valid: boolean;
  documents: number;
  errors: Finding[];
  warnings: Finding[];
  summary: CodeSummary[];
  /** With --upgrade-from-2.0: what the conversion changed, per object. */
  upgraded?: UpgradeChange[];
}

/** Above this many findings in one file, the readable output summarises them by code. */
const SUMMARISE_ABOVE = 20;
const EXAMPLES_PER_CODE = 3;

function summarise(findings: readonly Finding[]): CodeSummary[] {
  const byCode = new Map<string, CodeSummary>();
  for (const finding of findings) {
    const key = `${finding.severity} ${finding.code}`;
    let entry = byCode.get(key);
    if (entry === undefined) {
      entry = { code: finding.code, severity: finding.severity, count: 0, examples: [] };
      byCode.set(key, entry);
    }
    entry.count += 1;
    if (entry.examples.length < EXAMPLES_PER_CODE) entry.examples.push(finding);
  }
  return [...byCode.values()];
}

function describeSummary(entry: CodeSummary): string {
  const head = `  ${entry.count} × ${entry.severity.padEnd(7)} ${entry.code}${entry.count > entry.examples.length ? ` (first ${entry.examples.length})` : ''}:\n`;
  return head + entry.examples.map((f) => `      ${f.objectId ? `${f.objectId} ` : ''}${f.path}: ${f.message}\n`).join('');
}

function describeFile(report: FileReport, all: boolean): string {
  const upgraded = report.upgraded === undefined ? '' : `, after upgrading from STIX 2.0: ${report.upgraded.length} change(s) to ${new Set(report.upgraded.map((c) => c.objectId)).size} object(s)`;
  const head = `${report.file}: ${report.valid ? 'valid' : 'INVALID'} (${report.errors.length} error(s), ${report.warnings.length} warning(s))${upgraded}\n`;
  const findings = [...report.errors, ...report.warnings];
  if (all || findings.length <= SUMMARISE_ABOVE) return head + findings.map(describe).join('');
  return head + report.summary.map(describeSummary).join('') + '  (summarised by rule code; setu validate --all prints every finding)\n';
}

function describe(finding: Finding): string {
  const where = finding.objectId ? `${finding.objectId} ` : '';
  return `  ${finding.severity.padEnd(7)} ${finding.code} ${where}${finding.path}: ${finding.message}\n`;
}

/** How many STIX objects validate() walks in one parsed document. */
function objectCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null && (value as Record<string, unknown>)['type'] === 'bundle') {
    const objects = (value as Record<string, unknown>)['objects'];
    return Array.isArray(objects) ? objects.length : 0;
  }
  return 1;
}

export async function run(options: ValidateOptions, io: CliIo): Promise<FileReport[]> {
  if (options.files.length === 0) throw new UsageError('setu validate needs at least one FILE');
  const reports: FileReport[] = [];
  for (const file of options.files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
    const report: FileReport = { file, valid: true, documents: 0, errors: [], warnings: [], summary: [] };
    // The same check as `setu import` (docs/encoding.md): decoding would turn bytes that are not
    // UTF-8 into U+FFFD and call the file valid, while import refuses it.
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      const line = bytes.subarray(0, bad).toString('latin1').split('\n').length;
      const finding: Finding & { offset: number } = {
        code: 'INVALID_UTF8',
        severity: 'error',
        objectId: null,
        path: '$',
        message: `invalid UTF-8 (bytes ${bytesAt(bytes, bad)}) at byte offset ${bad} (line ${line}); setu import refuses this file`,
        offset: bad,
      };
      report.valid = false;
      report.errors.push(finding);
      report.summary = summarise(report.errors);
      reports.push(report);
      continue;
    }
    const text = bytes.toString('utf8');
    const documents = [...splitJsonDocuments(text)];
    // One bar per file, counting the objects it holds (a bundle's, a list's, one per document otherwise).
    const progress = startProgress(io, `validating ${basename(file)}`, documents.reduce((n, d) => n + (d.ok ? objectCount(d.value) : 1), 0), 'objects');
    for (const document of documents) {
      report.documents += 1;
      if (!document.ok) {
        report.valid = false;
        report.errors.push({ code: 'JSON_PARSE', severity: 'error', objectId: null, path: document.label, message: document.error });
        progress.increment();
        continue;
      }
      let value = document.value;
      if (options.upgradeFrom20 === true) {
        const upgrade = upgradeFrom20(value, { newId: randomUUID });
        value = upgrade.document;
        (report.upgraded ??= []).push(...upgrade.changes.map((c) => (document.label === '$' ? c : { ...c, path: document.label + c.path.slice(1) })));
      }
      const result = validate(value, { strict: options.strict, disabled: options.disabled ?? [], onObject: () => progress.increment() });
      const prefix = document.label === '$' ? '' : document.label;
      const relabel = (finding: Finding): Finding => (prefix ? { ...finding, path: prefix + finding.path.slice(1) } : finding);
      report.errors.push(...result.errors.map(relabel));
      report.warnings.push(...result.warnings.map(relabel));
      if (!result.valid) report.valid = false;
    }
    report.summary = summarise([...report.errors, ...report.warnings]);
    reports.push(report);
    progress.stop();
  }
  emit(io, options.json, { valid: reports.every((r) => r.valid), files: reports }, () => reports.map((r) => describeFile(r, options.all === true)).join(''));
  if (!reports.every((r) => r.valid)) throw new ExitError(EXIT.failure, 'validation failed', true);
  return reports;
}
