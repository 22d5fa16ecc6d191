// Loads the cti-stix-validator conformance vectors (../shared/conformance/stix_objects.json) and
// replays them through validate(), honouring each case's `strict`, `disabled` and `enabled`.
// Shared by test/conformance/stix-objects.test.ts and the docs figures.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validate, type Finding } from '../../src/stix/index.js';
import { CHECK_NUMBERS } from '../../src/stix/findings/codes.js';

const KNOWN_CHECKS: ReadonlySet<string> = new Set([...Object.keys(CHECK_NUMBERS), ...Object.values(CHECK_NUMBERS), 'all']);

function isStix20Content(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const o = input as Record<string, unknown>;
  if (o['type'] === 'bundle' && o['spec_version'] !== undefined) return true;
  if (o['spec_version'] === '2.0') return true;
  const objects = o['objects'];
  return Array.isArray(objects) && objects.some((x) => typeof x === 'object' && x !== null && (x as Record<string, unknown>)['spec_version'] === '2.0');
}

export const CONFORMANCE_DIR = fileURLToPath(new URL('../../../shared/conformance/', import.meta.url));

export function conformanceAvailable(file: string): boolean {
  return existsSync(CONFORMANCE_DIR + file);
}

export function loadCases<T>(file: string): T[] {
  const data = JSON.parse(readFileSync(CONFORMANCE_DIR + file, 'utf8')) as { cases: T[] };
  return data.cases;
}

interface CaseOptions {
  version?: string | null;
  strict?: boolean;
  disabled?: string | string[];
  enabled?: string | string[];
  strict_types?: boolean;
  strict_properties?: boolean;
  enforce_refs?: boolean;
  interop?: boolean;
  schema_dir?: string | null;
}

export interface StixCase {
  input_kind: string;
  options: CaseOptions | null;
  object?: unknown;
  valid: boolean | null;
  suite_spec_version: string;
  source: string;
  errors: { message: string; code: string | null }[];
}

export interface Replay {
  case: StixCase;
  ours: boolean;
  findings: Finding[];
}

export interface ReplaySummary {
  total: number;
  compared: number;
  agreed: number;
  skipped: Record<string, number>;
  disagreements: Replay[];
}

function list(value: string | readonly string[] | undefined): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) return (JSON.parse(trimmed.replace(/'/g, '"')) as string[]).map(String);
  return trimmed.split(',').map((x) => x.trim()).filter((x) => x !== '');
}

/** Why a case is not compared, or null when it is. */
export function skipReason(k: StixCase): string | null {
  const o = k.options ?? {};
  if (k.suite_spec_version !== '2.1' || o.version === '2.0') return 'STIX 2.0 case';
  if (o.schema_dir) return 'uses a custom schema directory (options.schema_dir)';
  if (k.valid === null) return 'reference gave no verdict (valid is null)';
  if (k.object === undefined) return 'input is a file path, not an object';
  if (k.input_kind === 'file' || k.input_kind === 'files') return 'file-based call: the recorded verdict belongs to the file-results wrapper (valid=false with no findings, even for clean objects)';
  if (isStix20Content(k.object)) return "input is STIX 2.0 content (spec_version '2.0' on the bundle or an object)";
  if (list(o.enabled).some((e) => !KNOWN_CHECKS.has(e))) return 'reference rejected the options (unknown check name in --enable)';
  if (o.strict_properties === true || o.strict_types === true) return 'uses --strict-properties/--strict-types (no such option here)';
  if (o.enforce_refs === true) return 'uses --enforce-refs (bundle-wide reference resolution, not offered)';
  if (o.interop === true) return 'uses --interop (not offered)';
  return null;
}

/** Our verdict under the case's options: invalid = any error, or under strict any warning not disabled. */
export function ourVerdict(k: StixCase): { valid: boolean; findings: Finding[] } {
  const o = k.options ?? {};
  const strict = o.strict === true;
  const enabled = list(o.enabled);
  const disabled = list(o.disabled);
  if (enabled.length === 0) {
    const r = validate(k.object, { strict, disabled });
    return { valid: r.valid, findings: [...r.errors, ...r.warnings] };
  }
  // --enable: only the named SHOULD checks run (enabling supersedes disabling).
  const r = validate(k.object, { strict: false, disabled: disabled.filter((d) => !enabled.includes(d)) });
  const runs = (f: Finding): boolean => f.check !== undefined && enabled.includes(f.check);
  const errorsLeft = r.errors.length > 0;
  const warnLeft = strict && r.warnings.some(runs);
  return { valid: !errorsLeft && !warnLeft, findings: [...r.errors, ...r.warnings.filter(runs)] };
}

export function replayAll(cases: readonly StixCase[]): ReplaySummary {
  const summary: ReplaySummary = { total: cases.length, compared: 0, agreed: 0, skipped: {}, disagreements: [] };
  for (const k of cases) {
    const reason = skipReason(k);
    if (reason !== null) {
      summary.skipped[reason] = (summary.skipped[reason] ?? 0) + 1;
      continue;
    }
    summary.compared++;
    const ours = ourVerdict(k);
    if (ours.valid === k.valid) summary.agreed++;
    else summary.disagreements.push({ case: k, ours: ours.valid, findings: ours.findings });
  }
  return summary;
}
