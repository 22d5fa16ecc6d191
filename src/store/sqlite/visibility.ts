// The read predicate: a reader scope becomes SQL terms inside the page query (never a filter after
// fetching), applied to the selected row AND to the rows the 'first'/'last'/newest-spec
// subqueries consider, so a reader's view is exactly the history it may see: a version it may not
// read neither appears nor displaces an older one it may read. For an organisation the row is
// needed anyway; RED rows cost one primary-key probe of object_recipients.
import type { ReadScope } from '../types.js';
import { RED_RANK } from '../tlp-rank.js';

type Params = Record<string, string | number>;

/** The predicate on rows of `alias` for this reader, binding its parameters; '' for no reader. */
export function readableBy(alias: string, reader: ReadScope | undefined, params: Params): string {
  if (reader === undefined) return '';
  if (reader.orgId === null) return `${alias}.tlp = 0`;
  params['readerOrg'] = reader.orgId;
  params['readerIdentity'] = reader.identityId ?? '';
  return (
    `(${alias}.tlp < ${RED_RANK} OR ${alias}.owner_org = @readerOrg OR ` +
    `EXISTS (SELECT 1 FROM object_recipients r WHERE r.seq = ${alias}.seq AND r.identity = @readerIdentity))`
  );
}
