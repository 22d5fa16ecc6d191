// `setu pattern check` and `setu pattern match`: pattern tools for analysts. `check` prints
// whether a pattern is valid (or its first syntax error with line and column, plus warnings) and
// exits 1 when it is invalid. `match` evaluates a pattern over a file of observed-data (a bundle
// or a list of objects: observed-data are the observations, every other object is an SCO they may
// reference) and prints whether it matches and which observed-data matched; it exits 0 either way
// and 1 only when the pattern or the input is invalid.
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

function objectsOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) {
    const doc = value as Record<string, unknown>;
    if (Array.isArray(doc['objects'])) return doc['objects'];
    if (typeof doc['type'] === 'string') return [doc];
  }
  return undefined;
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
  if (objects === undefined) invalid(io, options.json, `${options.file} holds neither a bundle nor a list of objects`);
  const observed: ObservedData[] = [];
  const scos = new Map<string, Record<string, unknown>>();
  for (const object of objects) {
    if (typeof object !== 'object' || object === null) continue;
    const o = object as Record<string, unknown>;
    if (o['type'] === 'observed-data') observed.push(o as unknown as ObservedData);
    else if (typeof o['id'] === 'string') scos.set(o['id'], o);
  }
  if (observed.length === 0) invalid(io, options.json, `${options.file} holds no observed-data`);
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
