// Plain platform tables: node info, organisations, tokens, collections and their org lists.
import type BetterSqlite3 from 'better-sqlite3';
import type { CollectionRecord, NodeInfo, Organisation, Role, TokenRecord } from '../types.js';
import { storeError } from '../errors.js';
import { withConstraints } from './constraint-errors.js';

interface TokenRow {
  id: string;
  org_id: string;
  role: Role;
  label: string | null;
  secret_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

interface CollectionRow {
  id: string;
  title: string;
  description: string | null;
  alias: string | null;
  media_types: string;
  created_at: string;
}

const ORGANISATION_COLUMNS = 'id, name, country, created_at AS createdAt';

function toToken(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    role: row.role,
    label: row.label,
    secretHash: row.secret_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

export class Directory {
  private readonly s;
  private readonly insertCollection: (collection: CollectionRecord) => void;

  constructor(db: BetterSqlite3.Database) {
    this.s = {
      getNode: db.prepare('SELECT node_name AS nodeName, country, created_at AS createdAt FROM node_info WHERE singleton = 1'),
      initNode: db.prepare('INSERT INTO node_info (singleton, node_name, country, created_at) VALUES (1, ?, ?, ?)'),
      insertOrg: db.prepare('INSERT INTO organisations (id, name, country, created_at) VALUES (?, ?, ?, ?)'),
      getOrg: db.prepare(`SELECT ${ORGANISATION_COLUMNS} FROM organisations WHERE id = ?`),
      listOrgs: db.prepare(`SELECT ${ORGANISATION_COLUMNS} FROM organisations ORDER BY rowid`),
      insertToken: db.prepare(
        `INSERT INTO tokens (id, org_id, role, label, secret_hash, created_at, expires_at, revoked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      tokenByHash: db.prepare('SELECT * FROM tokens WHERE secret_hash = ?'),
      listTokens: db.prepare('SELECT * FROM tokens ORDER BY rowid'),
      revokeToken: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      insertCollection: db.prepare(
        'INSERT INTO collections (id, title, description, alias, media_types, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertAccess: db.prepare(
        'INSERT OR IGNORE INTO collection_access (collection_id, mode, org_id, position) VALUES (?, ?, ?, ?)',
      ),
      getCollection: db.prepare('SELECT * FROM collections WHERE id = ?'),
      listCollections: db.prepare('SELECT * FROM collections ORDER BY key'),
      accessOf: db.prepare('SELECT mode, org_id FROM collection_access WHERE collection_id = ? ORDER BY mode, position'),
    };
    this.insertCollection = db.transaction((c: CollectionRecord) => {
      this.s.insertCollection.run(c.id, c.title, c.description, c.alias, JSON.stringify(c.mediaTypes), c.createdAt);
      c.readOrgs.forEach((org, i) => this.s.insertAccess.run(c.id, 'read', org, i));
      c.writeOrgs.forEach((org, i) => this.s.insertAccess.run(c.id, 'write', org, i));
    });
  }

  getNode(): NodeInfo | undefined {
    return this.s.getNode.get() as NodeInfo | undefined;
  }

  initNode(info: NodeInfo): void {
    if (this.getNode() !== undefined) throw storeError('SETU_ERR_STORE_NODE_EXISTS', 'the node is already initialised');
    this.s.initNode.run(info.nodeName, info.country, info.createdAt);
  }

  createOrganisation(org: Organisation): void {
    withConstraints(`organisation ${org.id}`, { orgId: org.id }, () => this.s.insertOrg.run(org.id, org.name, org.country, org.createdAt));
  }

  getOrganisation(id: string): Organisation | undefined {
    return this.s.getOrg.get(id) as Organisation | undefined;
  }

  listOrganisations(): Organisation[] {
    return this.s.listOrgs.all() as Organisation[];
  }

  createToken(t: TokenRecord): void {
    withConstraints(`token ${t.id}`, { tokenId: t.id, orgId: t.orgId }, () =>
      this.s.insertToken.run(t.id, t.orgId, t.role, t.label, t.secretHash, t.createdAt, t.expiresAt, t.revokedAt),
    );
  }

  findTokenByHash(secretHash: string): TokenRecord | undefined {
    const row = this.s.tokenByHash.get(secretHash) as TokenRow | undefined;
    return row === undefined ? undefined : toToken(row);
  }

  listTokens(): TokenRecord[] {
    return (this.s.listTokens.all() as TokenRow[]).map(toToken);
  }

  revokeToken(id: string, at: string): boolean {
    return this.s.revokeToken.run(at, id).changes === 1;
  }

  createCollection(collection: CollectionRecord): void {
    withConstraints(`collection ${collection.id}`, { collectionId: collection.id }, () => this.insertCollection(collection));
  }

  getCollection(id: string): CollectionRecord | undefined {
    const row = this.s.getCollection.get(id) as CollectionRow | undefined;
    return row === undefined ? undefined : this.toCollection(row);
  }

  listCollections(): CollectionRecord[] {
    return (this.s.listCollections.all() as CollectionRow[]).map((row) => this.toCollection(row));
  }

  private toCollection(row: CollectionRow): CollectionRecord {
    const readOrgs: string[] = [];
    const writeOrgs: string[] = [];
    for (const access of this.s.accessOf.all(row.id) as { mode: 'read' | 'write'; org_id: string }[]) {
      (access.mode === 'read' ? readOrgs : writeOrgs).push(access.org_id);
    }
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      alias: row.alias,
      readOrgs,
      writeOrgs,
      mediaTypes: JSON.parse(row.media_types) as string[],
      createdAt: row.created_at,
    };
  }
}
