// The one model every advisory reader returns: a document, the vulnerabilities it speaks of, and
// per product a range and a status. Statuses are Setu's five (the status tables map each format's
// words onto them); identities and ranges keep what the document said, so a proof can quote it.
import type { Finding } from '../errors.js';

export const STATUSES = ['affected', 'fixed', 'not_affected', 'under_investigation', 'recommended'] as const;
export type Status = (typeof STATUSES)[number];

export type AdvisoryFormat = 'osv' | 'csaf' | 'openvex' | 'cyclonedx-vex';

export type ProductIdentity =
  | { readonly kind: 'purl'; readonly purl: string; readonly packageKey: string }
  | { readonly kind: 'cpe'; readonly cpe: string }
  | {
      readonly kind: 'csaf';
      readonly productId: string;
      /** The product tree branch names from the root to the product ("category:name"). */
      readonly branches: readonly string[];
      readonly name?: string;
      readonly purl?: string;
      readonly packageKey?: string;
      readonly cpe?: string;
    }
  | { readonly kind: 'bom-ref'; readonly ref: string };

export interface OsvEvent {
  readonly introduced?: string;
  readonly fixed?: string;
  readonly last_affected?: string;
  readonly limit?: string;
}

export type AffectedRange =
  /** A vers range: vers:<scheme>/<constraints>. */
  | { readonly kind: 'vers'; readonly vers: string }
  /** OSV SEMVER or ECOSYSTEM events, read under the scheme the ecosystem maps to. */
  | { readonly kind: 'osv'; readonly type: 'SEMVER' | 'ECOSYSTEM'; readonly scheme: string; readonly events: readonly OsvEvent[] }
  /** OSV GIT events: commits, which no package version can be compared with. */
  | { readonly kind: 'git'; readonly repo: string; readonly events: readonly OsvEvent[] }
  /** Versions listed one by one (OSV affected[].versions). */
  | { readonly kind: 'versions'; readonly scheme: string; readonly versions: readonly string[] }
  /** One version (CSAF product_version, a CycloneDX VEX version). */
  | { readonly kind: 'exact'; readonly version: string }
  /** A CSAF product_version_range that is not a vers string: kept as text, not compared. */
  | { readonly kind: 'text'; readonly text: string }
  /** No version given: the statement is about every version of the product. */
  | { readonly kind: 'unversioned' };

export interface Affected {
  readonly product: ProductIdentity;
  readonly range: AffectedRange;
  readonly status: Status;
  readonly vulnerabilities: readonly string[];
  /** Where in the document this statement is (a JSON path). */
  readonly clause: string;
  /** The word the document used ("known_affected", "exploitable", ...). */
  readonly statedAs: string;
}

export interface Advisory {
  readonly format: AdvisoryFormat;
  /** The document's id (OSV id, CSAF tracking id, OpenVEX @id, CycloneDX serialNumber) or the name given. */
  readonly document: string;
  /** True for VEX documents (csaf_vex, OpenVEX, CycloneDX VEX): their not_affected overrides a range. */
  readonly vex: boolean;
  readonly vulnerabilities: readonly string[];
  readonly affected: readonly Affected[];
  readonly findings: readonly Finding[];
}
