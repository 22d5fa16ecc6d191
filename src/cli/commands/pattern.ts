// `setu pattern check` and `setu pattern match`: pattern tools for analysts. `check` prints
// whether a pattern is valid (or its first syntax error with line and column, plus warnings) and
// exits 1 when it is invalid. `match` evaluates a pattern over a file of observed-data (a bundle
// or a list of objects and bundles: observed-data are the observations, every other object is an
// SCO they may reference) and prints whether it matches and which observed-data matched; it exits 0
// either way (no observed-data at all is no match) and 1 only when the pattern or the input is invalid.
import { readFile } from 'node:fs/promises';
import { isSetuError } from '../../errors/index.js';
import { checkPattern, compilePattern, matchPattern, parsePattern } from '../../pattern/index.js';
import type { CheckResult, ObservedData } from '../../pattern/index.js';
import { EXIT, ExitError, UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';

export interface PatternCheckOptions {
  readonly pattern: string;
  readonly json: boolean;
}

export interface PatternMatchOptions {
  readonly pattern: string;
  readonly file: string;
  readonly json: boolean;
}

export interface PatternMatchResult {
  readonly matched: boolean;
  readonly matchedObservedData: readonly string[];
  readonly observedData: number;
}

const where = (e: { line: number; column: number }): string => `line ${e.line}, column ${e.column}`;

export async function check(options: PatternCheckOptions, io: CliIo): Promise<CheckResult> {
  const result = checkPattern(options.pattern);
  emit(io, options.json, { pattern: options.pattern, ...result }, () => {
    const head = result.valid ? 'valid\n' : `invalid: ${result.errors.map((e) => `${where(e)}: ${e.message}`).join('\n  ')}\n`;
    return head + result.warnings.map((w) => `  warning ${w.code} at ${where(w)}: ${w.message}\n`).join('');
  });
  if (!result.valid) throw new ExitError(EXIT.failure, 'the pattern is invalid', true);
  return result;
}

function invalid(io: CliIo, json: boolean, message: string): never {
  emit(io, json, { valid: false, error: message }, () => `error: ${message}\n`);
  throw new ExitError(EXIT.failure, message, true);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of a bundle, a list of objects and bundles (as the reference matcher reads), or one object; or why not. */
function objectsOf(value: unknown): Record<string, unknown>[] | string {
  const items = Array.isArray(value) ? value : [value];
  const objects: Record<string, unknown>[] = [];
  for (const [i, item] of items.entries()) {
    const where = Array.isArray(value) ? `element ${i}` : 'the document';
    if (!isObject(item) || typeof item['type'] !== 'string') return `${where} is not a STIX object or bundle (no "type")`;
    if (item['type'] !== 'bundle') {
      objects.push(item);
      continue;
    }
    const inner = item['objects'] ?? [];
    if (!Array.isArray(inner)) return `${where} is a bundle whose "objects" is not a list`;
    for (const [j, object] of inner.entries()) {
      if (!isObject(object)) return `object ${j} of the bundle at ${where} is not a JSON object`;
      objects.push(object);
    }
  }
  return objects;
}

export async function match(options: PatternMatchOptions, io: CliIo): Promise<PatternMatchResult> {
  let text: string;
  try {
    text = await readFile(options.file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${options.file}: ${(error as Error).message}`);
  }
  const parsed = parsePattern(options.pattern);
  if (!parsed.ok) invalid(io, options.json, `invalid pattern: ${where(parsed.error)}: ${parsed.error.message}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    invalid(io, options.json, `${options.file} is not valid JSON: ${(error as Error).message}`);
  }
  const objects = objectsOf(value);
  if (typeof objects === 'string') invalid(io, options.json, `${options.file}: ${objects}`);
  const observed: ObservedData[] = [];
  const scos = new Map<string, Record<string, unknown>>();
  for (const o of objects) {
    if (o['type'] === 'observed-data') observed.push(o as unknown as ObservedData);
    else if (typeof o['id'] === 'string') scos.set(o['id'], o);
  }
  let result;
  try {
    result = matchPattern(compilePattern(parsed.ast), observed, scos);
  } catch (error) {
    if (!isSetuError(error)) throw error;
    invalid(io, options.json, `${error.message} [${error.code}]`);
  }
  const outcome: PatternMatchResult = { matched: result.matched, matchedObservedData: result.matchedObservedData, observedData: observed.length };
  emit(io, options.json, { pattern: options.pattern, file: options.file, ...outcome }, () =>
    outcome.matched
      ? `match: the pattern matches ${options.file}\n${outcome.matchedObservedData.map((id) => `  ${id}\n`).join('')}`
      : `no match in ${outcome.observedData} observed-data of ${options.file}\n`,
  );
  return outcome;
}
