// Plain platform tables: node info, organisations (with kind, sectors, clients, consent), tokens,
// collections and their audiences (organisations and communities, default TLP, public flag).
import type BetterSqlite3 from 'better-sqlite3';
import type { CollectionRecord, NodeInfo, Organisation, Role, TokenRecord } from '../types.js';
import type { OrganisationPatch } from '../types-trust.js';
import { storeError } from '../errors.js';
import { withConstraints } from './constraint-errors.js';
import { TLP_BY_RANK, tlpRank } from '../tlp-rank.js';

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
}

interface OrganisationRow {
  id: string;
  name: string;
  country: string | null;
  created_at: string;
  kind: string;
  sectors: string;
  attribution_consent: number;
}

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

export class Directory {
  private readonly s;
  private readonly insertCollection: (collection: CollectionRecord) => void;
  private readonly insertOrganisation: (org: Organisation) => void;
  private readonly patchOrganisation: (id: string, patch: OrganisationPatch) => boolean;

  constructor(db: BetterSqlite3.Database) {
    this.s = {
      getNode: db.prepare('SELECT node_name AS nodeName, country, created_at AS createdAt FROM node_info WHERE singleton = 1'),
      initNode: db.prepare('INSERT INTO node_info (singleton, node_name, country, created_at) VALUES (1, ?, ?, ?)'),
      insertOrg: db.prepare('INSERT INTO organisations (id, name, country, created_at, kind, sectors, attribution_consent) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      updateOrg: db.prepare(
        'UPDATE organisations SET name = ?, country = ?, kind = ?, sectors = ?, attribution_consent = ? WHERE id = ?',
      ),
      insertClient: db.prepare('INSERT OR IGNORE INTO organisation_clients (org_id, client_id, position) VALUES (?, ?, ?)'),
      deleteClients: db.prepare('DELETE FROM organisation_clients WHERE org_id = ?'),
      clientsOf: db.prepare('SELECT client_id FROM organisation_clients WHERE org_id = ? ORDER BY position').pluck(),
      getOrg: db.prepare('SELECT * FROM organisations WHERE id = ?'),
      listOrgs: db.prepare('SELECT * FROM organisations ORDER BY rowid'),
      insertToken: db.prepare(
        `INSERT INTO tokens (id, org_id, role, label, secret_hash, created_at, expires_at, revoked_at, created_by_user)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      tokenByHash: db.prepare('SELECT * FROM tokens WHERE secret_hash = ?'),
      listTokens: db.prepare('SELECT * FROM tokens ORDER BY rowid'),
      revokeToken: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      insertCollection: db.prepare(
        'INSERT INTO collections (id, title, description, alias, media_types, created_at, default_tlp, public) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertAccess: db.prepare(
        'INSERT OR IGNORE INTO collection_access (collection_id, mode, org_id, position) VALUES (?, ?, ?, ?)',
      ),
      insertCommunityAccess: db.prepare(
        'INSERT OR IGNORE INTO collection_community_access (collection_id, mode, community_id, position) VALUES (?, ?, ?, ?)',
      ),
      getCollection: db.prepare('SELECT * FROM collections WHERE id = ?'),
      listCollections: db.prepare('SELECT * FROM collections ORDER BY key'),
      accessOf: db.prepare('SELECT mode, org_id FROM collection_access WHERE collection_id = ? ORDER BY mode, position'),
      communityAccessOf: db.prepare(
        'SELECT mode, community_id FROM collection_community_access WHERE collection_id = ? ORDER BY mode, position',
      ),
    };
    this.insertOrganisation = db.transaction((org: Organisation) => {
      this.s.insertOrg.run(org.id, org.name, org.country, org.createdAt, org.kind ?? 'other', JSON.stringify(org.sectors ?? []), org.attributionConsent === true ? 1 : 0);
      (org.clients ?? []).forEach((client, i) => this.s.insertClient.run(org.id, client, i));
    });
    this.patchOrganisation = db.transaction((id: string, patch: OrganisationPatch) => {
      const row = this.s.getOrg.get(id) as OrganisationRow | undefined;
      if (row === undefined) return false;
      this.s.updateOrg.run(
        patch.name ?? row.name,
        patch.country === undefined ? row.country : patch.country,
        patch.kind ?? row.kind,
        patch.sectors === undefined ? row.sectors : JSON.stringify(patch.sectors),
        patch.attributionConsent === undefined ? row.attribution_consent : patch.attributionConsent ? 1 : 0,
        id,
      );
      if (patch.clients !== undefined) {
        this.s.deleteClients.run(id);
        patch.clients.forEach((client, i) => this.s.insertClient.run(id, client, i));
      }
      return true;
    });
    this.insertCollection = db.transaction((c: CollectionRecord) => {
      this.s.insertCollection.run(
        c.id,
        c.title,
        c.description,
        c.alias,
        JSON.stringify(c.mediaTypes),
        c.createdAt,
        tlpRank(c.defaultTlp ?? 'green'),
        c.public === true ? 1 : 0,
      );
      c.readOrgs.forEach((org, i) => this.s.insertAccess.run(c.id, 'read', org, i));
      c.writeOrgs.forEach((org, i) => this.s.insertAccess.run(c.id, 'write', org, i));
      (c.readCommunities ?? []).forEach((community, i) => this.s.insertCommunityAccess.run(c.id, 'read', community, i));
      (c.writeCommunities ?? []).forEach((community, i) => this.s.insertCommunityAccess.run(c.id, 'write', community, i));
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
    withConstraints(`organisation ${org.id}`, { orgId: org.id }, () => this.insertOrganisation(org));
  }

  updateOrganisation(id: string, patch: OrganisationPatch): Organisation | undefined {
    const found = withConstraints(`organisation ${id}`, { orgId: id }, () => this.patchOrganisation(id, patch));
    return found ? this.getOrganisation(id) : undefined;
  }

  getOrganisation(id: string): Organisation | undefined {
    const row = this.s.getOrg.get(id) as OrganisationRow | undefined;
    return row === undefined ? undefined : this.toOrganisation(row);
  }

  listOrganisations(): Organisation[] {
    return (this.s.listOrgs.all() as OrganisationRow[]).map((row) => this.toOrganisation(row));
  }

  private toOrganisation(row: OrganisationRow): Organisation {
    const sectors = JSON.parse(row.sectors) as string[];
    const clients = this.s.clientsOf.all(row.id) as string[];
    // Trust-model fields appear only when they differ from their defaults (see Organisation).
    return {
      id: row.id,
      name: row.name,
      country: row.country,
      createdAt: row.created_at,
      ...(row.kind === 'other' ? {} : { kind: row.kind }),
      ...(sectors.length === 0 ? {} : { sectors }),
      ...(clients.length === 0 ? {} : { clients }),
      ...(row.attribution_consent === 1 ? { attributionConsent: true } : {}),
    };
  }

  createToken(t: TokenRecord): void {
    withConstraints(`token ${t.id}`, { tokenId: t.id, orgId: t.orgId }, () =>
      this.s.insertToken.run(t.id, t.orgId, t.role, t.label, t.secretHash, t.createdAt, t.expiresAt, t.revokedAt, t.createdByUser ?? null),
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
    const readCommunities: string[] = [];
    const writeCommunities: string[] = [];
    for (const access of this.s.communityAccessOf.all(row.id) as { mode: 'read' | 'write'; community_id: string }[]) {
      (access.mode === 'read' ? readCommunities : writeCommunities).push(access.community_id);
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
      // Trust-model fields appear only when they differ from their defaults (see CollectionRecord).
      ...(readCommunities.length === 0 ? {} : { readCommunities }),
      ...(writeCommunities.length === 0 ? {} : { writeCommunities }),
      ...(row.default_tlp === tlpRank('green') ? {} : { defaultTlp: TLP_BY_RANK[row.default_tlp] ?? 'red' }),
      ...(row.public === 1 ? { public: true } : {}),
    };
  }
}
