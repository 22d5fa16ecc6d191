// Trust-model statements: communities and their members, and the stored copies of one object
// (every collection, every version) with their visibility columns, for the onward rule.
import type BetterSqlite3 from 'better-sqlite3';
import type { Community, HeldCopy } from '../types-trust.js';
import { storeError } from '../errors.js';
import { withConstraints } from './constraint-errors.js';
import { TLP_BY_RANK } from '../tlp-rank.js';

interface CommunityRow {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
}

export class Trust {
  private readonly s;
  private readonly insertCommunity: (community: Community) => void;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.s = {
      insertCommunity: db.prepare('INSERT INTO communities (id, name, description, created_at) VALUES (?, ?, ?, ?)'),
      insertMember: db.prepare(
        'INSERT OR IGNORE INTO community_members (community_id, org_id, position) ' +
          'VALUES (@c, @o, (SELECT coalesce(max(position), -1) + 1 FROM community_members WHERE community_id = @c))',
      ),
      getCommunity: db.prepare('SELECT * FROM communities WHERE id = ?'),
      listCommunities: db.prepare('SELECT * FROM communities ORDER BY key'),
      membersOf: db.prepare('SELECT org_id FROM community_members WHERE community_id = ? ORDER BY position').pluck(),
      communitiesOf: db
        .prepare('SELECT c.id FROM community_members m JOIN communities c ON c.id = m.community_id WHERE m.org_id = ? ORDER BY c.key')
        .pluck(),
      // One seek into objects_by_version per collection (collections are few). CROSS JOIN fixes the
      // loop order: left to itself SQLite scans objects (planned without statistics).
      copies: db.prepare(
        'SELECT c.id AS collectionId, o.seq AS seq, o.tlp AS tlp, o.owner_org AS ownerOrg ' +
          'FROM collections c CROSS JOIN objects o INDEXED BY objects_by_version WHERE o.collection_key = c.key AND o.id = ? ORDER BY o.seq',
      ),
      recipientsOf: db.prepare('SELECT identity FROM object_recipients WHERE seq = ? ORDER BY identity').pluck(),
      // The same seeks for a JSON array of ids, in one statement.
      copiesOf: db.prepare(
        'SELECT o.id AS id, c.id AS collectionId, o.seq AS seq, o.tlp AS tlp, o.owner_org AS ownerOrg ' +
          'FROM (SELECT DISTINCT value AS id FROM json_each(?)) j CROSS JOIN collections c CROSS JOIN objects o INDEXED BY objects_by_version ' +
          'WHERE o.collection_key = c.key AND o.id = j.id ORDER BY o.seq',
      ),
    };
    this.insertCommunity = db.transaction((c: Community) => {
      this.s.insertCommunity.run(c.id, c.name, c.description, c.createdAt);
      for (const member of c.members) this.s.insertMember.run({ c: c.id, o: member });
    });
  }

  createCommunity(community: Community): void {
    withConstraints(`community ${community.id}`, { communityId: community.id }, () => this.insertCommunity(community));
  }

  getCommunity(id: string): Community | undefined {
    const row = this.s.getCommunity.get(id) as CommunityRow | undefined;
    return row === undefined ? undefined : this.toCommunity(row);
  }

  listCommunities(): Community[] {
    return (this.s.listCommunities.all() as CommunityRow[]).map((row) => this.toCommunity(row));
  }

  addMember(communityId: string, orgId: string): boolean {
    if (this.s.getCommunity.get(communityId) === undefined) {
      throw storeError('SETU_ERR_STORE_UNKNOWN_REFERENCE', `community ${communityId} does not exist`, { communityId });
    }
    return withConstraints(`member ${orgId} of community ${communityId}`, { communityId, orgId }, () => this.s.insertMember.run({ c: communityId, o: orgId }).changes === 1);
  }

  communitiesOf(orgId: string): string[] {
    return this.s.communitiesOf.all(orgId) as string[];
  }

  /** The query plan of heldCopies (tests check it seeks, never scans objects). */
  explainHeldCopies(): string[] {
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${this.s.copies.source}`).all('x') as { detail: string }[]).map((r) => r.detail);
  }

  heldCopies(id: string): HeldCopy[] {
    const rows = this.s.copies.all(id) as { collectionId: string; seq: number; tlp: number; ownerOrg: string | null }[];
    return rows.map((row) => ({
      collectionId: row.collectionId,
      seq: row.seq,
      tlp: TLP_BY_RANK[row.tlp] ?? 'red',
      ownerOrg: row.ownerOrg,
      recipients: this.s.recipientsOf.all(row.seq) as string[],
    }));
  }

  heldCopiesOf(ids: readonly string[]): Map<string, HeldCopy[]> {
    const found = new Map<string, HeldCopy[]>();
    if (ids.length === 0) return found;
    const rows = this.s.copiesOf.all(JSON.stringify(ids)) as { id: string; collectionId: string; seq: number; tlp: number; ownerOrg: string | null }[];
    for (const row of rows) {
      const copy: HeldCopy = {
        collectionId: row.collectionId,
        seq: row.seq,
        tlp: TLP_BY_RANK[row.tlp] ?? 'red',
        ownerOrg: row.ownerOrg,
        recipients: this.s.recipientsOf.all(row.seq) as string[],
      };
      const copies = found.get(row.id);
      if (copies === undefined) found.set(row.id, [copy]);
      else copies.push(copy);
    }
    return found;
  }

  /** The query plan of heldCopiesOf. */
  explainHeldCopiesOf(): string[] {
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${this.s.copiesOf.source}`).all('["x"]') as { detail: string }[]).map((r) => r.detail);
  }

  private toCommunity(row: CommunityRow): Community {
    return { id: row.id, name: row.name, description: row.description, members: this.s.membersOf.all(row.id) as string[], createdAt: row.created_at };
  }
}
