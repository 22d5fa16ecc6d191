// Native range syntaxes turned into vers ranges ("from_native" in vers-spec), one converter per
// scheme in a table; constraints are then sorted by version under the scheme (duplicates kept).
//   npm       see from-npm.ts
//   conan     "a b || c": spaces intersect, "||" unites; ~v  >=v|<(v bumped at its second part)-
//             ^v  >=v|<(v bumped at its first non-zero part)-; *  >=0.0.0; a trailing "-" and
//             ", include_prerelease=..." options are dropped; =v  v
//   gem       "op v, op v": ~>v  >=v|<(v without its last part, then bumped); =v  v
//   pypi      "op v, op v": ==v and ===v  v; ~=v  >=v|<(v without its last part, then bumped)
//   nuget     interval notation [a, b) (a, b] [a]; a bare version is a minimum (>=v)
//   openssl   a comma-separated list of versions
import { failure, success } from '../errors.js';
import type { Outcome } from '../errors.js';
import { versFromNpm } from './from-npm.js';
import { normaliseVers } from './parse.js';
import type { VersRange } from './parse.js';

type Converter = (native: string) => Outcome<string[]>;

const OPERATOR = /^(===|==|!=|~=|~>|<=|>=|<|>|=|\^|~)?\s*(.*)$/;

/** Bump a dotted version at part `at` (0-based), dropping the parts after it. */
function bump(version: string, at: number): string {
  const parts = version.split('.').slice(0, at + 1);
  while (parts.length <= at) parts.push('0');
  parts[at] = String(Number(parts[at]) + 1);
  return parts.join('.');
}

function invalid(scheme: string, native: string, rule: string): Outcome<string[]> {
  return failure('SETU_ERR_SUPPLYCHAIN_INVALID_VERS', native, rule, scheme);
}

const conan: Converter = (native) => {
  const out: string[] = [];
  for (const set of native.split('||')) {
    const tokens = set.split(',')[0]!.trim().split(/\s+/).filter((t) => t !== '');
    for (const token of tokens) {
      const m = OPERATOR.exec(token)!;
      const op = m[1] ?? '';
      const version = m[2]!.replace(/-$/, '');
      if (version === '*' || version === '') {
        out.push('>=0.0.0');
        continue;
      }
      if (!/^[0-9A-Za-z_.+-]+$/.test(version)) return invalid('conan', native, `"${token}" is not a Conan version range item`);
      const parts = version.split('.');
      if (op === '~') out.push(`>=${version}`, `<${bump(version, parts.length === 1 ? 0 : 1)}-`);
      else if (op === '^') out.push(`>=${version}`, `<${bump(version, Math.max(0, parts.findIndex((p) => p !== '0')))}-`);
      else out.push(op === '=' || op === '' ? version : `${op}${version}`);
    }
  }
  return success(out);
};

function pessimistic(version: string): string {
  const parts = version.split('.');
  return bump(version, Math.max(0, parts.length - 2));
}

function commaSpecifiers(scheme: 'gem' | 'pypi'): Converter {
  return (native) => {
    const out: string[] = [];
    for (const item of native.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
      const m = OPERATOR.exec(item)!;
      const op = m[1] ?? '';
      const version = m[2]!.trim();
      if (version === '' || /\s/.test(version)) return invalid(scheme, native, `"${item}" is not an operator and a version`);
      if (op === '~>' || op === '~=') out.push(`>=${version}`, `<${pessimistic(version)}`);
      else if (op === '' || op === '=' || op === '==' || op === '===') out.push(version);
      else if (op === '^' || op === '~') return invalid(scheme, native, `"${op}" is not a ${scheme} operator`);
      else out.push(`${op}${version}`);
    }
    return success(out);
  };
}

const nuget: Converter = (native) => {
  const text = native.trim();
  const interval = /^([[(])\s*([^,\s]*)\s*(?:,\s*([^,\s]*)\s*)?([\])])$/.exec(text);
  if (!interval) return /^[0-9][0-9A-Za-z.+-]*$/.test(text) ? success([`>=${text}`]) : invalid('nuget', native, 'a NuGet range is a version or an interval such as [1.0, 2.0)');
  const [, open, low, high, close] = interval;
  if (high === undefined) return open === '[' && close === ']' && low ? success([low]) : invalid('nuget', native, 'an exact NuGet version is written [v]');
  const out: string[] = [];
  if (low) out.push(`${open === '[' ? '>=' : '>'}${low}`);
  if (high) out.push(`${close === ']' ? '<=' : '<'}${high}`);
  return success(out);
};

const openssl: Converter = (native) => {
  const versions = native.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return versions.length > 0 ? success(versions) : invalid('openssl', native, 'a comma-separated list of OpenSSL versions');
};

const CONVERTERS: Readonly<Record<string, Converter>> = { conan, gem: commaSpecifiers('gem'), pypi: commaSpecifiers('pypi'), nuget, openssl };

/** The schemes whose native range syntax can be converted. */
export const FROM_NATIVE_SCHEMES = ['npm', ...Object.keys(CONVERTERS)] as const;

/** Convert a scheme's native range syntax into a canonical vers range. */
export function versFromNative(scheme: string, native: string): Outcome<VersRange> {
  if (scheme === 'npm') return versFromNpm(native);
  const convert = CONVERTERS[scheme];
  if (convert === undefined) return failure('SETU_ERR_SUPPLYCHAIN_UNSUPPORTED_SCHEME', native, `no native range syntax is read for scheme "${scheme}"`, scheme);
  const constraints = convert(native);
  if (!constraints.ok) return constraints;
  const encoded = constraints.value.map((c) => c.replace(/^(<=|>=|!=|<|>)?(.*)$/, (_m, op: string | undefined, v: string) => `${op ?? ''}${encodeURIComponent(v)}`));
  return normaliseVers(`vers:${scheme}/${encoded.join('|')}`);
}
