// npm's native range syntax turned into a vers range ("from_native" in vers-spec). Each
// comparator set of a "||" union is desugared into plain constraints, and all constraints are
// then sorted by version (stably, duplicates kept), as the vers-spec test vectors write them:
//   *, x, ""                 vers:npm/*
//   a - b                    >=a | <=b
//   ^M.m.p                   >=M.m.p | <(M+1).0.0   (<0.(m+1).0 when M = 0, <0.0.(p+1) when M = m = 0)
//   ~M.m.p                   >=M.m.p | <M.(m+1).0
//   M.x, M.m.x               >=lower | <upper of the wildcard (whatever comparator precedes it,
//                            except < which keeps <lower, <= and > which become <upper and >=upper)
//   M, M.m                   M.0.0, M.m.0 (missing parts read as 0)
//   =v, v                    v
//   <v <=v >v >=v            unchanged
import semver from 'semver';
import { failure, success } from '../errors.js';
import type { Outcome } from '../errors.js';
import { normaliseVers } from './parse.js';
import type { VersRange } from './parse.js';

const TOKEN = /^(<=|>=|<|>|=|\^|~>|~|)v?(.*)$/;
const WILDCARD = /^[xX*]$/;

function problem(input: string, rule: string): Outcome<string[]> {
  return failure('SETU_ERR_SUPPLYCHAIN_INVALID_VERS', input, rule, 'npm');
}

/** An x-range (1.x, 1.2.*): its major and minor; null for a version without a wildcard. */
function wildcard(version: string): { major: number; minor: number | null } | null {
  const parts = version.split('.');
  if (!parts.some((p) => WILDCARD.test(p)) && version !== '') return null;
  const [major, minor] = parts;
  if (major === undefined || WILDCARD.test(major) || major === '') return { major: -1, minor: null };
  if (!/^[0-9]+$/.test(major)) return null;
  if (minor === undefined || WILDCARD.test(minor)) return { major: Number(major), minor: null };
  if (!/^[0-9]+$/.test(minor)) return null;
  return { major: Number(major), minor: Number(minor) };
}

/** A partial version without a wildcard (1, 1.2) is read with its missing parts as 0. */
function padded(version: string): string {
  const core = /^[0-9]+(?:\.[0-9]+)?$/.test(version) ? version : null;
  return core === null ? version : `${core}${'.0'.repeat(3 - core.split('.').length)}`;
}

function desugar(input: string, token: string): Outcome<string[]> {
  const m = TOKEN.exec(token);
  const op = m?.[1] ?? '';
  const version = padded(m?.[2] ?? '');
  const wild = wildcard(version);
  if (wild !== null) {
    if (wild.major < 0) return success(['*']);
    const lower = wild.minor === null ? `${wild.major}.0.0` : `${wild.major}.${wild.minor}.0`;
    const upper = wild.minor === null ? `${wild.major + 1}.0.0` : `${wild.major}.${wild.minor + 1}.0`;
    if (op === '<') return success([`<${lower}`]);
    if (op === '<=') return success([`<${upper}`]);
    if (op === '>') return success([`>=${upper}`]);
    return success([`>=${lower}`, `<${upper}`]);
  }
  const parsed = semver.parse(version);
  if (parsed === null) return problem(input, `"${token}" is not an npm comparator (operator and SemVer version)`);
  if (op === '^') {
    const upper = parsed.major > 0 ? `${parsed.major + 1}.0.0` : parsed.minor > 0 ? `0.${parsed.minor + 1}.0` : `0.0.${parsed.patch + 1}`;
    return success([`>=${version}`, `<${upper}`]);
  }
  if (op === '~' || op === '~>') return success([`>=${version}`, `<${parsed.major}.${parsed.minor + 1}.0`]);
  if (op === '=' || op === '') return success([version]);
  return success([`${op}${version}`]);
}

/** Convert an npm range ("^1.2.3 || >=2.0.0 <2.1.0") into a canonical vers range. */
export function versFromNpm(native: string): Outcome<VersRange> {
  const constraints: string[] = [];
  for (const set of native.split('||').map((s) => s.trim())) {
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(set);
    const tokens = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : set.replace(/(<=|>=|<|>|=|\^|~>|~)\s+/g, '$1').split(/\s+/).filter((t) => t !== '');
    if (tokens.length === 0) tokens.push('*');
    for (const token of tokens) {
      const out = desugar(native, token);
      if (!out.ok) return out;
      constraints.push(...out.value);
    }
  }
  if (constraints.includes('*')) return normaliseVers('vers:npm/*');
  return normaliseVers(`vers:npm/${constraints.map((c) => c.replace(/[^<>=!]+$/, (v) => encodeURIComponent(v))).join('|')}`);
}
