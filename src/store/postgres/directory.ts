// Plain platform tables: node info, organisations, tokens, collections and their org lists.
import type pg from 'pg';
import type { CollectionRecord, NodeInfo, Organisation, Role, TokenRecord } from '../types.js';
import { storeError } from '../errors.js';
import { withConstraints } from './constraint-errors.js';
import { inTransaction } from './connection.js';
import { rows, run } from './statements.js';

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
  read_orgs: string[];
  write_orgs: string[];
}

const ORGANISATION_COLUMNS = 'id, name, country, created_at AS "createdAt"';
const TOKEN_COLUMNS = 'id, org_id, role, label, secret_hash, created_at, expires_at, revoked_at';
const COLLECTION_SELECT = `
  SELECT c.id, c.title, c.description, c.alias, c.media_types, c.created_at,
    coalesce((SELECT array_agg(a.org_id ORDER BY a.position) FROM collection_access a WHERE a.collection_id = c.id AND a.mode = 'read'), '{}') AS read_orgs,
    coalesce((SELECT array_agg(a.org_id ORDER BY a.position) FROM collection_access a WHERE a.collection_id = c.id AND a.mode = 'write'), '{}') AS write_orgs
  FROM collections c`;

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

function toCollection(row: CollectionRow): CollectionRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    alias: row.alias,
    readOrgs: row.read_orgs,
    writeOrgs: row.write_orgs,
    mediaTypes: JSON.parse(row.media_types) as string[],
    createdAt: row.created_at,
  };
}

/** Org ids in first-seen order, each once, with their positions. */
function accessRows(orgs: readonly string[]): { orgs: string[]; positions: number[] } {
  const seen = new Set<string>();
  const out = { orgs: [] as string[], positions: [] as number[] };
  orgs.forEach((org, position) => {
    if (seen.has(org)) return;
    seen.add(org);
    out.orgs.push(org);
    out.positions.push(position);
  });
  return out;
}

export class Directory {
  constructor(private readonly pool: pg.Pool) {}

  async getNode(): Promise<NodeInfo | undefined> {
    const [row] = await rows<NodeInfo>(this.pool, 'SELECT node_name AS "nodeName", country, created_at AS "createdAt" FROM node_info WHERE singleton = 1');
    return row;
  }

  async initNode(info: NodeInfo): Promise<void> {
    const inserted = await run(
      this.pool,
      'INSERT INTO node_info (singleton, node_name, country, created_at) VALUES (1, $1, $2, $3) ON CONFLICT (singleton) DO NOTHING',
      [info.nodeName, info.country, info.createdAt],
    );
    if (inserted === 0) throw storeError('SETU_ERR_STORE_NODE_EXISTS', 'the node is already initialised');
  }

  async createOrganisation(org: Organisation): Promise<void> {
    await withConstraints(`organisation ${org.id}`, { orgId: org.id }, () =>
      run(this.pool, 'INSERT INTO organisations (id, name, country, created_at) VALUES ($1, $2, $3, $4)', [org.id, org.name, org.country, org.createdAt]),
    );
  }

  async getOrganisation(id: string): Promise<Organisation | undefined> {
    const [row] = await rows<Organisation>(this.pool, `SELECT ${ORGANISATION_COLUMNS} FROM organisations WHERE id = $1`, [id]);
    return row;
  }

  async listOrganisations(): Promise<Organisation[]> {
    return rows<Organisation>(this.pool, `SELECT ${ORGANISATION_COLUMNS} FROM organisations ORDER BY ord`);
  }

  async createToken(t: TokenRecord): Promise<void> {
    await withConstraints(`token ${t.id}`, { tokenId: t.id, orgId: t.orgId }, () =>
      run(
        this.pool,
        `INSERT INTO tokens (id, org_id, role, label, secret_hash, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [t.id, t.orgId, t.role, t.label, t.secretHash, t.createdAt, t.expiresAt, t.revokedAt],
      ),
    );
  }

  async findTokenByHash(secretHash: string): Promise<TokenRecord | undefined> {
    const [row] = await rows<TokenRow>(this.pool, `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE secret_hash = $1`, [secretHash]);
    return row === undefined ? undefined : toToken(row);
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (await rows<TokenRow>(this.pool, `SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY ord`)).map(toToken);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    return (await run(this.pool, 'UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])) === 1;
  }

  async createCollection(c: CollectionRecord): Promise<void> {
    await withConstraints(`collection ${c.id}`, { collectionId: c.id }, () =>
      inTransaction(this.pool, async (client) => {
        await run(client, 'INSERT INTO collections (id, title, description, alias, media_types, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          c.id,
          c.title,
          c.description,
          c.alias,
          JSON.stringify(c.mediaTypes),
          c.createdAt,
        ]);
        for (const [mode, list] of [['read', c.readOrgs], ['write', c.writeOrgs]] as const) {
          const { orgs, positions } = accessRows(list);
          if (orgs.length === 0) continue;
          await run(
            client,
            `INSERT INTO collection_access (collection_id, mode, org_id, position)
             SELECT $1, $2, org, pos FROM unnest($3::text[], $4::int[]) AS u (org, pos)`,
            [c.id, mode, orgs, positions],
          );
        }
      }),
    );
  }

  async getCollection(id: string): Promise<CollectionRecord | undefined> {
    const [row] = await rows<CollectionRow>(this.pool, `${COLLECTION_SELECT} WHERE c.id = $1`, [id]);
    return row === undefined ? undefined : toCollection(row);
  }

  async listCollections(): Promise<CollectionRecord[]> {
    return (await rows<CollectionRow>(this.pool, `${COLLECTION_SELECT} ORDER BY c.key`)).map(toCollection);
  }
}
