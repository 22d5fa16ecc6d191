// The read predicate on PostgreSQL (as src/store/sqlite/visibility.ts): a reader scope becomes SQL
// terms inside the page query, applied to the selected row AND to the rows the 'first'/'last'/
// newest-spec subqueries consider, so a version the reader may not read neither appears nor
// displaces an older one it may read. RED rows cost one primary-key probe of object_recipients.
import type { ObjectRecord, ReadScope } from '../types.js';
import { RED_RANK, TLP_BY_RANK } from '../tlp-rank.js';

/** Positional parameters: `bind` returns the placeholder of a new value. */
export class Params {
  readonly values: unknown[] = [];
  bind(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** Placeholders of one reader, bound once and shared by every alias the query uses. */
export interface ReaderBinding {
  readonly reader: ReadScope;
  readonly org: string;
  readonly identity: string;
}

/** Binds the reader's parameters (undefined: no reader, no predicate). */
export function bindReader(reader: ReadScope | undefined, params: Params): ReaderBinding | undefined {
  if (reader === undefined || reader.orgId === null) return reader === undefined ? undefined : { reader, org: '', identity: '' };
  return { reader, org: params.bind(reader.orgId), identity: params.bind(reader.identityId ?? '') };
}

/** The predicate on rows of `alias` for this reader; '' for no reader. */
export function readableBy(alias: string, binding: ReaderBinding | undefined): string {
  if (binding === undefined) return '';
  if (binding.reader.orgId === null) return `${alias}.tlp = 0`;
  return (
    `(${alias}.tlp < ${RED_RANK} OR ${alias}.owner_org = ${binding.org} OR ` +
    `EXISTS (SELECT 1 FROM object_recipients r WHERE r.seq = ${alias}.seq AND r.identity = ${binding.identity}))`
  );
}

/** Extra columns selected when a reader is named (the TAXII layer hides granular fields with them). */
export const VISIBILITY_COLUMNS = 'o.tlp AS tlp, o.owner_org AS "ownerOrg", o.has_granular AS "hasGranular"';

export interface RawVisibility {
  readonly tlp: number;
  readonly ownerOrg: string | null;
  readonly hasGranular: number;
}

/** The record fields of the raw visibility columns. */
export function decodeVisibility(row: RawVisibility): Pick<ObjectRecord, 'tlp' | 'ownerOrg' | 'hasGranular'> {
  return { tlp: TLP_BY_RANK[row.tlp] ?? 'red', ownerOrg: row.ownerOrg, hasGranular: row.hasGranular === 1 };
}
