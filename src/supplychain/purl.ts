// Package URLs (purl) read and written with packageurl-js. The canonical string is the join key
// between an SBOM component and an advisory's package: two purls name the same package exactly
// when their canonical forms (without version, qualifiers and subpath) are equal.
import { PackageURL } from 'packageurl-js';
import { failure, success } from './errors.js';
import type { Outcome } from './errors.js';

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
 * packageurl-js 2.0.1 writes ':' in qualifier values as %3A; the current purl spec (tests at
 * purl-spec 16f3d0e) leaves ':' bare in the canonical form. Applied to the qualifier part only.
 */
function canonicalString(p: PackageURL): string {
  const text = p.toString();
  const query = text.indexOf('?');
  if (query < 0) return text;
  const hash = text.indexOf('#', query);
  const end = hash < 0 ? text.length : hash;
  return text.slice(0, query) + text.slice(query, end).replaceAll('%3A', ':') + text.slice(end);
}

function fromLibrary(p: PackageURL): Purl {
  const qualifiers = p.qualifiers && Object.keys(p.qualifiers).length > 0 ? { ...p.qualifiers } : null;
  const bare = new PackageURL(p.type, p.namespace, p.name, undefined, undefined, undefined);
  return {
    type: p.type,
    namespace: p.namespace ?? null,
    name: p.name,
    version: p.version ?? null,
    qualifiers,
    subpath: p.subpath ?? null,
    canonical: canonicalString(p),
    packageKey: bare.toString(),
  };
}

/** Parse a purl string. A string the spec rejects gives a problem naming the input and the rule. */
export function parsePurl(input: string): Outcome<Purl> {
  try {
    return success(fromLibrary(PackageURL.fromString(input)));
  } catch (error) {
    return failure('SETU_ERR_SUPPLYCHAIN_INVALID_PURL', input, reasonOf(error));
  }
}

/** Build the canonical purl from components (the spec's "build" operation). */
export function buildPurl(input: PurlInput): Outcome<Purl> {
  const shown = JSON.stringify(input);
  try {
    const p = new PackageURL(
      // A missing type or name is passed on as missing: the library rejects it with its rule.
      input.type as string,
      input.namespace ?? undefined,
      input.name as string,
      input.version ?? undefined,
      input.qualifiers ?? undefined,
      input.subpath ?? undefined,
    );
    return success(fromLibrary(p));
  } catch (error) {
    return failure('SETU_ERR_SUPPLYCHAIN_INVALID_PURL', shown, reasonOf(error));
  }
}

/** The canonical form of a purl string (parse, then write back). */
export function canonicalPurl(input: string): Outcome<string> {
  const parsed = parsePurl(input);
  return parsed.ok ? success(parsed.value.canonical) : parsed;
}
