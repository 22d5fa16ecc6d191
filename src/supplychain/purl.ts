// Package URLs (purl) read and written with packageurl-js. The canonical string is the join key
// between an SBOM component and an advisory's package: two purls name the same package exactly
// when their canonical forms (without version, qualifiers and subpath) are equal.
import { PackageURL } from 'packageurl-js';
import { failure, success } from './errors.js';
import type { Outcome } from './errors.js';
import { PURL_TYPE_RULES } from './purl-types.js';

export interface PurlComponents {
  readonly type: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly version: string | null;
  readonly qualifiers: Readonly<Record<string, string>> | null;
  readonly subpath: string | null;
}

export interface Purl extends PurlComponents {
  /** The canonical purl string (the spec's normalisation, qualifiers sorted, encoding fixed). */
  readonly canonical: string;
  /** The canonical purl of the package alone: no version, qualifiers or subpath. */
  readonly packageKey: string;
}

/** Components as a builder may receive them: any field may be missing or null. */
export interface PurlInput {
  readonly type?: string | null;
  readonly namespace?: string | null;
  readonly name?: string | null;
  readonly version?: string | null;
  readonly qualifiers?: Readonly<Record<string, string>> | null;
  readonly subpath?: string | null;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Where packageurl-js 2.0.1 writes differently from the current purl spec (tests at purl-spec
 * 16f3d0e): it encodes ':' as %3A (the spec leaves ':' bare in every component) and leaves '+'
 * bare in the version (the spec writes %2B).
 */
function canonicalString(p: PackageURL): string {
  const text = p.toString().replaceAll('%3A', ':');
  if (p.version === undefined || p.version === null || !p.version.includes('+')) return text;
  const end = [text.indexOf('?'), text.indexOf('#')].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), text.length);
  const at = text.lastIndexOf('@', end);
  return text.slice(0, at + 1) + text.slice(at + 1, end).replaceAll('+', '%2B') + text.slice(end);
}

/** Namespace and name as the type reads them (git: the host is the namespace, the path the name). */
function regroup(type: string, namespace: string | null, name: string): { namespace: string | null; name: string } {
  const segments = PURL_TYPE_RULES[type]?.namespaceSegments;
  if (segments === undefined) return { namespace, name };
  const path = [...(namespace === null ? [] : namespace.split('/')), ...name.split('/')];
  return { namespace: path.slice(0, segments).join('/') || null, name: path.slice(segments).join('/') };
}

function fromLibrary(p: PackageURL): Purl {
  const { namespace, name } = regroup(p.type, p.namespace ?? null, p.name);
  const qualifiers = p.qualifiers && Object.keys(p.qualifiers).length > 0 ? { ...p.qualifiers } : null;
  const canonical = canonicalString(p);
  // The package alone: cut the subpath, the qualifiers and the version ('@' inside names is %40).
  const withVersion = canonical.split('#')[0]!.split('?')[0]!;
  const at = withVersion.lastIndexOf('@');
  return {
    type: p.type,
    namespace,
    name,
    version: p.version ?? null,
    qualifiers,
    subpath: p.subpath ?? null,
    canonical,
    packageKey: at > withVersion.indexOf('/') ? withVersion.slice(0, at) : withVersion,
  };
}

/** The spec's per-type rules the library leaves out: a rule broken, or the purl (lower-cased where the type says so). */
function applyTypeRules(p: PackageURL): PackageURL | string {
  const rule = PURL_TYPE_RULES[p.type];
  if (rule === undefined) return p;
  const hasNamespace = typeof p.namespace === 'string' && p.namespace !== '';
  if (rule.namespace === 'required' && !hasNamespace) return `a ${p.type} purl has a namespace`;
  if (rule.namespace === 'prohibited' && hasNamespace) return `a ${p.type} purl has no namespace`;
  if (rule.name && !rule.name.pattern.test(p.name)) return rule.name.rule;
  if (rule.version && typeof p.version === 'string' && !rule.version.pattern.test(p.version)) return rule.version.rule;
  for (const key of rule.requiredQualifiers ?? []) if (p.qualifiers?.[key] === undefined) return `a ${p.type} purl has the qualifier "${key}"`;
  if (!rule.lowercase) return p;
  return new PackageURL(p.type, p.namespace?.toLowerCase(), p.name.toLowerCase(), p.version, p.qualifiers, p.subpath);
}

function checked(p: PackageURL, input: string): Outcome<Purl> {
  const typed = applyTypeRules(p);
  return typeof typed === 'string' ? failure('SETU_ERR_SUPPLYCHAIN_INVALID_PURL', input, typed, p.type) : success(fromLibrary(typed));
}

/** Parse a purl string. A string the spec rejects gives a problem naming the input and the rule. */
export function parsePurl(input: string): Outcome<Purl> {
  // packageurl-js 2.0.1 reads "pkg:t/@1.0" as the name "@1.0"; the spec reads an empty name.
  if (/\/@[^/]*$/.test(input.split('#')[0]!.split('?')[0]!)) return failure('SETU_ERR_SUPPLYCHAIN_INVALID_PURL', input, 'a purl has a name: nothing stands between the last "/" and "@"');
  try {
    return checked(PackageURL.fromString(input), input);
  } catch (error) {
    return failure('SETU_ERR_SUPPLYCHAIN_INVALID_PURL', input, reasonOf(error));
  }
}

/** Build the canonical purl from components (the spec's "build" operation). */
export function buildPurl(input: PurlInput): Outcome<Purl> {
  const shown = JSON.stringify(input);
  // The library keeps '/' out of names: a name with path segments goes to the namespace's end.
  const slash = typeof input.name === 'string' && PURL_TYPE_RULES[input.type ?? '']?.namespaceSegments !== undefined ? input.name.lastIndexOf('/') : -1;
  const namespace = slash < 0 ? input.namespace : [input.namespace, input.name!.slice(0, slash)].filter((x) => x).join('/');
  const name = slash < 0 ? input.name : input.name!.slice(slash + 1);
  try {
    const p = new PackageURL(
      // A missing type or name is passed on as missing: the library rejects it with its rule.
      input.type as string,
      namespace ?? undefined,
      name as string,
      input.version ?? undefined,
      input.qualifiers ?? undefined,
      input.subpath ?? undefined,
    );
    return checked(p, shown);
  } catch (error) {
    return failure('SETU_ERR_SUPPLYCHAIN_INVALID_PURL', shown, reasonOf(error));
  }
}

/** The canonical form of a purl string (parse, then write back). */
export function canonicalPurl(input: string): Outcome<string> {
  const parsed = parsePurl(input);
  return parsed.ok ? success(parsed.value.canonical) : parsed;
}
