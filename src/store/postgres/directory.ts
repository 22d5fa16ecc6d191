// Plain platform tables: node info, organisations (with kind, sectors, clients, consent), tokens,
// collections and their audiences (organisations and communities, default TLP, public flag).
import type pg from 'pg';
import type { CollectionRecord, NodeInfo, Organisation, Role, TokenRecord } from '../types.js';
import type { OrganisationPatch } from '../types-trust.js';
import { TLP_BY_RANK, tlpRank } from '../tlp-rank.js';
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
  created_by_user?: string | null;
}

interface CollectionRow {
  id: string;
  title: string;
  description: string | null;
  alias: string | null;
  media_types: string;
  created_at: string;
  default_tlp: number;
  public: number;
  read_orgs: string[];
  write_orgs: string[];
  read_communities: string[];
  write_communities: string[];
}

interface OrganisationRow {
  id: string;
  name: string;
  country: string | null;
  created_at: string;
  kind: string;
  sectors: string;
  attribution_consent: number;
  clients: string[];
}

const ORGANISATION_SELECT = `
  SELECT o.id, o.name, o.country, o.created_at, o.kind, o.sectors, o.attribution_consent,
    coalesce((SELECT array_agg(c.client_id ORDER BY c.position) FROM organisation_clients c WHERE c.org_id = o.id), '{}') AS clients
  FROM organisations o`;
const TOKEN_COLUMNS = 'id, org_id, role, label, secret_hash, created_at, expires_at, revoked_at, created_by_user';
const COLLECTION_SELECT = `
  SELECT c.id, c.title, c.description, c.alias, c.media_types, c.created_at, c.default_tlp, c.public,
    coalesce((SELECT array_agg(a.community_id ORDER BY a.position) FROM collection_community_access a WHERE a.collection_id = c.id AND a.mode = 'read'), '{}') AS read_communities,
    coalesce((SELECT array_agg(a.community_id ORDER BY a.position) FROM collection_community_access a WHERE a.collection_id = c.id AND a.mode = 'write'), '{}') AS write_communities,
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
    ...(row.created_by_user ? { createdByUser: row.created_by_user } : {}),
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
    // Trust-model fields appear only when they differ from their defaults (see CollectionRecord).
    ...(row.read_communities.length === 0 ? {} : { readCommunities: row.read_communities }),
    ...(row.write_communities.length === 0 ? {} : { writeCommunities: row.write_communities }),
    ...(row.default_tlp === tlpRank('green') ? {} : { defaultTlp: TLP_BY_RANK[row.default_tlp] ?? 'red' }),
    ...(row.public === 1 ? { public: true } : {}),
  };
}

function toOrganisation(row: OrganisationRow): Organisation {
  const sectors = JSON.parse(row.sectors) as string[];
  // Trust-model fields appear only when they differ from their defaults (see Organisation).
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    createdAt: row.created_at,
    ...(row.kind === 'other' ? {} : { kind: row.kind }),
    ...(sectors.length === 0 ? {} : { sectors }),
    ...(row.clients.length === 0 ? {} : { clients: row.clients }),
    ...(row.attribution_consent === 1 ? { attributionConsent: true } : {}),
  };
}

const INSERT_CLIENTS = `INSERT INTO organisation_clients (org_id, client_id, position)
  SELECT $1, client, pos FROM unnest($2::text[], $3::int[]) AS u (client, pos) ON CONFLICT DO NOTHING`;

/** Ids in first-seen order, each once, with their positions. */
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
      inTransaction(this.pool, async (client) => {
        await run(client, 'INSERT INTO organisations (id, name, country, created_at, kind, sectors, attribution_consent) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          org.id,
          org.name,
          org.country,
          org.createdAt,
          org.kind ?? 'other',
          JSON.stringify(org.sectors ?? []),
          org.attributionConsent === true ? 1 : 0,
        ]);
        const clients = org.clients ?? [];
        if (clients.length > 0) await run(client, INSERT_CLIENTS, [org.id, clients, clients.map((_, i) => i)]);
      }),
    );
  }

  /** Patches the fields given (clients are replaced as a whole); undefined when there is no such organisation. */
  async updateOrganisation(id: string, patch: OrganisationPatch): Promise<Organisation | undefined> {
    const found = await withConstraints(`organisation ${id}`, { orgId: id }, () =>
      inTransaction(this.pool, async (client) => {
        const changed = await run(
          client,
          `UPDATE organisations SET
             name = coalesce($2, name),
             country = CASE WHEN $3::boolean THEN $4 ELSE country END,
             kind = coalesce($5, kind),
             sectors = coalesce($6, sectors),
             attribution_consent = coalesce($7, attribution_consent)
           WHERE id = $1`,
          [
            id,
            patch.name ?? null,
            patch.country !== undefined,
            patch.country ?? null,
            patch.kind ?? null,
            patch.sectors === undefined ? null : JSON.stringify(patch.sectors),
            patch.attributionConsent === undefined ? null : patch.attributionConsent ? 1 : 0,
          ],
        );
        if (changed === 0) return false;
        if (patch.clients !== undefined) {
          await run(client, 'DELETE FROM organisation_clients WHERE org_id = $1', [id]);
          if (patch.clients.length > 0) await run(client, INSERT_CLIENTS, [id, patch.clients, patch.clients.map((_, i) => i)]);
        }
        return true;
      }),
    );
    return found ? this.getOrganisation(id) : undefined;
  }

  async getOrganisation(id: string): Promise<Organisation | undefined> {
    const [row] = await rows<OrganisationRow>(this.pool, `${ORGANISATION_SELECT} WHERE o.id = $1`, [id]);
    return row === undefined ? undefined : toOrganisation(row);
  }

  async listOrganisations(): Promise<Organisation[]> {
    return (await rows<OrganisationRow>(this.pool, `${ORGANISATION_SELECT} ORDER BY o.ord`)).map(toOrganisation);
  }

  async createToken(t: TokenRecord): Promise<void> {
    await withConstraints(`token ${t.id}`, { tokenId: t.id, orgId: t.orgId }, () =>
      run(
        this.pool,
        `INSERT INTO tokens (id, org_id, role, label, secret_hash, created_at, expires_at, revoked_at, created_by_user) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [t.id, t.orgId, t.role, t.label, t.secretHash, t.createdAt, t.expiresAt, t.revokedAt, t.createdByUser ?? null],
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
        await run(
          client,
          'INSERT INTO collections (id, title, description, alias, media_types, created_at, default_tlp, public) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [c.id, c.title, c.description, c.alias, JSON.stringify(c.mediaTypes), c.createdAt, tlpRank(c.defaultTlp ?? 'green'), c.public === true ? 1 : 0],
        );
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
        for (const [mode, list] of [['read', c.readCommunities ?? []], ['write', c.writeCommunities ?? []]] as const) {
          const { orgs: communities, positions } = accessRows(list);
          if (communities.length === 0) continue;
          await run(
            client,
            `INSERT INTO collection_community_access (collection_id, mode, community_id, position)
             SELECT $1, $2, community, pos FROM unnest($3::text[], $4::int[]) AS u (community, pos)`,
            [c.id, mode, communities, positions],
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
