// `setu validate FILE...`: checks bundles, single objects or JSON-lines files against STIX 2.1 and
// prints each finding with its object, JSON path, rule code and severity. Exit 1 when any is invalid.
import { readFile } from 'node:fs/promises';
import { validate, type Finding } from '../../stix/index.js';
import { EXIT, ExitError, UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';
import { startProgress } from '../progress.js';
import { splitJsonDocuments } from '../json-documents.js';

export interface ValidateOptions {
  readonly files: readonly string[];
  readonly strict: boolean;
  readonly json: boolean;
  readonly disabled?: readonly string[];
}

interface FileReport {
  file: string;
  valid: boolean;
  documents: number;
  errors: Finding[];
  warnings: Finding[];
}

function describe(finding: Finding): string {
  const where = finding.objectId ? `${finding.objectId} ` : '';
  return `  ${finding.severity.padEnd(7)} ${finding.code} ${where}${finding.path}: ${finding.message}\n`;
}

export async function run(options: ValidateOptions, io: CliIo): Promise<FileReport[]> {
  if (options.files.length === 0) throw new UsageError('setu validate needs at least one FILE');
  const reports: FileReport[] = [];
  const progress = startProgress(io, 'validating', options.files.length);
  for (const file of options.files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      progress.stop();
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
    const report: FileReport = { file, valid: true, documents: 0, errors: [], warnings: [] };
    for (const document of splitJsonDocuments(text)) {
      report.documents += 1;
      if (!document.ok) {
        report.valid = false;
        report.errors.push({ code: 'JSON_PARSE', severity: 'error', objectId: null, path: document.label, message: document.error });
        continue;
      }
      const result = validate(document.value, { strict: options.strict, disabled: options.disabled ?? [] });
      const prefix = document.label === '$' ? '' : document.label;
      const relabel = (finding: Finding): Finding => (prefix ? { ...finding, path: prefix + finding.path.slice(1) } : finding);
      report.errors.push(...result.errors.map(relabel));
      report.warnings.push(...result.warnings.map(relabel));
      if (!result.valid) report.valid = false;
    }
    reports.push(report);
    progress.increment();
  }
  progress.stop();
  emit(io, options.json, { valid: reports.every((r) => r.valid), files: reports }, () =>
    reports
      .map((r) => {
        const head = `${r.file}: ${r.valid ? 'valid' : 'INVALID'} (${r.errors.length} error(s), ${r.warnings.length} warning(s))\n`;
        return head + [...r.errors, ...r.warnings].map(describe).join('');
      })
      .join(''),
  );
  if (!reports.every((r) => r.valid)) throw new ExitError(EXIT.failure, 'validation failed', true);
  return reports;
}
