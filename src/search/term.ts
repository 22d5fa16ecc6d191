// The records indexTermsOf returns: exact-value terms, full-text fields, and findings for values
// that were skipped (returned as data, never thrown).
import type { TermKind } from './kinds.js';

export interface IndexTerm {
  readonly kind: TermKind;
  /** Canonical text (see values.ts): what a search key must equal. */
  readonly value: string;
  /**
   * Where it came from: a JSON path in the object (`$.hashes["SHA-256"]`), or for a pattern
   * literal `$.pattern@<line>:<column>` followed by the object path it is compared with.
   */
  readonly source: string;
}

export interface TextField {
  /** The property, with `[]` for list items: `name`, `labels[]`, `external_references[].description`. */
  readonly field: string;
  readonly text: string;
}

export interface IndexFinding {
  readonly source: string;
  readonly reason: string;
}

export interface ObjectIndexEntries {
  readonly terms: readonly IndexTerm[];
  readonly text: readonly TextField[];
  readonly findings: readonly IndexFinding[];
}

/** A key a search probes: a term without its source. */
export interface SearchKey {
  readonly kind: TermKind;
  readonly value: string;
}

/** One string per key, for maps and SQL parameters: the kind, a tab, the value. */
export function keyString(key: SearchKey): string {
  return `${key.kind}\t${key.value}`;
}

/** Collects terms and findings, dropping repeats of the same kind, value and source. */
export class TermSink {
  readonly terms: IndexTerm[] = [];
  readonly findings: IndexFinding[] = [];
  private readonly seen = new Set<string>();

  add(kind: TermKind, value: string, source: string): void {
    const key = `${kind}\t${value}\t${source}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.terms.push({ kind, value, source });
  }

  skip(source: string, reason: string): void {
    this.findings.push({ source, reason });
  }
}
