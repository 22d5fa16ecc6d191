// Loads the supply-chain conformance vectors from ../shared/conformance/supplychain/ (read as
// data, never copied into the repository). Tests skip VISIBLY when the folder is absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SUPPLYCHAIN_VECTORS = fileURLToPath(new URL('../../../shared/conformance/supplychain/', import.meta.url));

export function vectorsAvailable(file: string): boolean {
  return existsSync(SUPPLYCHAIN_VECTORS + file);
}

export function skipReason(file: string): string {
  return `conformance vectors not found at ../shared/conformance/supplychain/${file}`;
}

export function loadVectorCases<T>(file: string): T[] {
  return (JSON.parse(readFileSync(SUPPLYCHAIN_VECTORS + file, 'utf8')) as { cases: T[] }).cases;
}

/** versions.json ecosystem (the osv-scalibr fixture prefix) -> our scheme name (purl/vers vocabulary). */
export const VERSIONS_ECOSYSTEMS = {
  alpine: 'apk',
  maven: 'maven',
  debian: 'deb',
  pypi: 'pypi',
  packagist: 'composer',
  rubygems: 'gem',
  redhat: 'rpm',
  pub: 'pub',
  semver: 'semver',
  cran: 'cran',
  nuget: 'nuget',
  hackage: 'hackage',
} as const;

export interface OrderingCase {
  readonly ecosystem: string;
  readonly a: string;
  readonly op: '<' | '=' | '>';
  readonly b: string;
  readonly source_file: string;
}

export const OPPOSITE = { '<': '>', '=': '=', '>': '<' } as const;

export function percent(agreed: number, total: number): string {
  return `${((agreed / total) * 100).toFixed(2)}% (${agreed}/${total})`;
}
