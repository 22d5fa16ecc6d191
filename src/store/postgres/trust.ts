// Trust-model statements on PostgreSQL (as src/store/sqlite/trust.ts): communities and their
// members, and the stored copies of one object (every collection, every version) with their
// visibility columns, for the onward rule.
import type pg from 'pg';
import type { Community, HeldCopy } from '../types-trust.js';
import { storeError } from '../errors.js';
import { TLP_BY_RANK } from '../tlp-rank.js';
import { withConstraints } from './constraint-errors.js';
import { inTransaction } from './connection.js';
import { rows, run, type Queryable } from './statements.js';

interface CommunityRow {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
  members: string[];
}

const COMMUNITY_SELECT = `
  SELECT c.id, c.name, c.description, c.created_at,
    coalesce((SELECT array_agg(m.org_id ORDER BY m.position) FROM community_members m WHERE m.community_id = c.id), '{}') AS members
  FROM communities c`;

/** Appends one member at the end of the community's order; a repeated member changes nothing. */
const INSERT_MEMBER = `INSERT INTO community_members (community_id, org_id, position)
  VALUES ($1, $2, (SELECT coalesce(max(position), -1) + 1 FROM community_members WHERE community_id = $1))
  ON CONFLICT DO NOTHING`;

// One probe of objects_by_version per collection (collections are few), then the recipients of
// each copy (RED copies only have any) through their primary key, ordered byte-wise as SQLite does.
const COPY_COLUMNS = `o.id, c.id AS "collectionId", o.seq, o.tlp, o.owner_org AS "ownerOrg",
    coalesce((SELECT array_agg(r.identity ORDER BY r.identity COLLATE "C") FROM object_recipients r WHERE r.seq = o.seq), '{}') AS recipients`;
const COPIES = `SELECT ${COPY_COLUMNS} FROM collections c JOIN objects o ON o.collection_key = c.key AND o.id = $1 ORDER BY o.seq`;
/** The same probes for a list of ids, in one statement. */
const COPIES_OF = `SELECT ${COPY_COLUMNS}
  FROM (SELECT DISTINCT unnest($1::text[]) AS id) j CROSS JOIN collections c JOIN objects o ON o.collection_key = c.key AND o.id = j.id
  ORDER BY o.seq`;

interface CopyRow {
  id: string;
  collectionId: string;
  seq: number;
  tlp: number;
  ownerOrg: string | null;
  recipients: string[];
}

function toCopy(row: CopyRow): HeldCopy {
  return { collectionId: row.collectionId, seq: row.seq, tlp: TLP_BY_RANK[row.tlp] ?? 'red', ownerOrg: row.ownerOrg, recipients: row.recipients };
}

function toCommunity(row: CommunityRow): Community {
  return { id: row.id, name: row.name, description: row.description, members: row.members, createdAt: row.created_at };
}

/** Member additions serialise per community, so concurrent joins never collide on a position. */
async function lockCommunity(client: Queryable, communityId: string): Promise<void> {
  await run(client, 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`community:${communityId}`]);
}

export class Trust {
  constructor(private readonly pool: pg.Pool) {}

  async createCommunity(community: Community): Promise<void> {
    await withConstraints(`community ${community.id}`, { communityId: community.id }, () =>
      inTransaction(this.pool, async (client) => {
        await run(client, 'INSERT INTO communities (id, name, description, created_at) VALUES ($1, $2, $3, $4)', [
          community.id,
          community.name,
          community.description,
          community.createdAt,
        ]);
        for (const member of community.members) await run(client, INSERT_MEMBER, [community.id, member]);
      }),
    );
  }

  async getCommunity(id: string): Promise<Community | undefined> {
    const [row] = await rows<CommunityRow>(this.pool, `${COMMUNITY_SELECT} WHERE c.id = $1`, [id]);
    return row === undefined ? undefined : toCommunity(row);
  }

  async listCommunities(): Promise<Community[]> {
    return (await rows<CommunityRow>(this.pool, `${COMMUNITY_SELECT} ORDER BY c.key`)).map(toCommunity);
  }

  async addMember(communityId: string, orgId: string): Promise<boolean> {
    return withConstraints(`member ${orgId} of community ${communityId}`, { communityId, orgId }, () =>
      inTransaction(this.pool, async (client) => {
        const [found] = await rows<{ id: string }>(client, 'SELECT id FROM communities WHERE id = $1', [communityId]);
        if (found === undefined) throw storeError('SETU_ERR_STORE_UNKNOWN_REFERENCE', `community ${communityId} does not exist`, { communityId });
        await lockCommunity(client, communityId);
        return (await run(client, INSERT_MEMBER, [communityId, orgId])) === 1;
      }),
    );
  }

  async communitiesOf(orgId: string): Promise<string[]> {
    const found = await rows<{ id: string }>(
      this.pool,
      'SELECT c.id FROM community_members m JOIN communities c ON c.id = m.community_id WHERE m.org_id = $1 ORDER BY c.key',
      [orgId],
    );
    return found.map((row) => row.id);
  }

  async heldCopies(id: string): Promise<HeldCopy[]> {
    return (await rows<CopyRow>(this.pool, COPIES, [id])).map(toCopy);
  }

  /** heldCopies for many ids at once: each id with copies maps to them, ascending by seq. */
  async heldCopiesOf(ids: readonly string[]): Promise<Map<string, HeldCopy[]>> {
    const found = new Map<string, HeldCopy[]>();
    if (ids.length === 0) return found;
    for (const row of await rows<CopyRow>(this.pool, COPIES_OF, [ids])) {
      const copies = found.get(row.id);
      if (copies === undefined) found.set(row.id, [toCopy(row)]);
      else copies.push(toCopy(row));
    }
    return found;
  }

  /** The plans of heldCopies and heldCopiesOf (tests check they probe the (collection, id) index, never scan objects). */
  async explainHeldCopies(batch = false): Promise<string[]> {
    const plan = await this.pool.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN ${batch ? COPIES_OF : COPIES}`, values: [batch ? ['x'] : 'x'] });
    return plan.rows.map((row) => row['QUERY PLAN']);
  }
}
