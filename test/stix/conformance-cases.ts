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

/** One printed line of the replay: a group of cases and how many agree. */
export interface ReplayGroup {
  compared: number;
  agreed: number;
}

export interface ReplaySummary {
  total: number;
  /** 2.1-suite cases with a reference verdict (valid true or false): every one is counted. */
  withVerdict: number;
  compared: number;
  agreed: number;
  /** Per group, in a fixed order; 'plain' holds the cases run with options Setu offers. */
  groups: Record<ReplayGroupName, ReplayGroup>;
  /** Cases with a verdict that cannot be replayed, by reason (the input was not recorded). */
  notReplayable: Record<string, number>;
  /** Cases outside the 2.1 suite or without a verdict, by reason. */
  skipped: Record<string, number>;
  disagreements: (Replay & { group: ReplayGroupName })[];
}

function list(value: string | readonly string[] | undefined): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) return (JSON.parse(trimmed.replace(/'/g, '"')) as string[]).map(String);
  return trimmed.split(',').map((x) => x.trim()).filter((x) => x !== '');
}

/**
 * The groups every 2.1-suite case with a verdict falls into. Cases run with options Setu does not
 * offer are still compared (with those options left out), each group on its own line, so that
 * nothing is dropped silently and the plain rate is not flattered.
 */
export const REPLAY_GROUPS = {
  plain: 'options Setu offers (strict, disabled, enabled)',
  stix20: 'STIX 2.0 content (spec_version "2.0" on the bundle or an object): Setu reports STIX_2_0_CONTENT',
  version20: '--version 2.0 (the reference applied its STIX 2.0 rules; Setu validates 2.1 only)',
  strictNames: '--strict-properties / --strict-types (not offered: compared without them)',
  schemaDir: 'custom schema directory (not offered: compared without it)',
  interop: '--interop (not offered: compared without it)',
  enforceRefs: '--enforce-refs (not offered: compared without it)',
  badOptions: 'reference rejected the options (unknown check name in --enable)',
  fileWrapper: 'file-based call (the recorded verdict is the file-results wrapper\'s)',
} as const;
export type ReplayGroupName = keyof typeof REPLAY_GROUPS;

/** Why a case is outside the replay (no 2.1 verdict to compare with), or null. */
export function skipReason(k: StixCase): string | null {
  if (k.suite_spec_version !== '2.1') return 'STIX 2.0 suite case (a 2.0 verdict)';
  if (k.valid === null) return 'reference gave no verdict (valid is null)';
  return null;
}

/** Why a 2.1 case with a verdict cannot be replayed, or null. */
export function notReplayableReason(k: StixCase): string | null {
  return k.object === undefined ? 'the input is a file path and the recording does not hold the file' : null;
}

/** The group a replayable 2.1 case is counted in. */
export function groupOf(k: StixCase): ReplayGroupName {
  const o = k.options ?? {};
  if (o.version === '2.0') return 'version20';
  if (isStix20Content(k.object)) return 'stix20';
  if (k.input_kind === 'file' || k.input_kind === 'files') return 'fileWrapper';
  if (o.schema_dir) return 'schemaDir';
  if (list(o.enabled).some((e) => !KNOWN_CHECKS.has(e))) return 'badOptions';
  if (o.strict_properties === true || o.strict_types === true) return 'strictNames';
  if (o.enforce_refs === true) return 'enforceRefs';
  if (o.interop === true) return 'interop';
  return 'plain';
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
  const groups = Object.fromEntries(Object.keys(REPLAY_GROUPS).map((g) => [g, { compared: 0, agreed: 0 }])) as Record<ReplayGroupName, ReplayGroup>;
  const summary: ReplaySummary = { total: cases.length, withVerdict: 0, compared: 0, agreed: 0, groups, notReplayable: {}, skipped: {}, disagreements: [] };
  for (const k of cases) {
    const skip = skipReason(k);
    if (skip !== null) {
      summary.skipped[skip] = (summary.skipped[skip] ?? 0) + 1;
      continue;
    }
    summary.withVerdict++;
    const missing = notReplayableReason(k);
    if (missing !== null) {
      summary.notReplayable[missing] = (summary.notReplayable[missing] ?? 0) + 1;
      continue;
    }
    const group = groupOf(k);
    const ours = ourVerdict(k);
    summary.compared++;
    groups[group].compared++;
    if (ours.valid === k.valid) {
      summary.agreed++;
      groups[group].agreed++;
    } else summary.disagreements.push({ case: k, ours: ours.valid, findings: ours.findings, group });
  }
  return summary;
}
