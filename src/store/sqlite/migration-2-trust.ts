// Migration 2: the trust model. Organisations gain kind, sectors, clients and attribution consent;
// communities (named sets of organisations) can be a collection's audience; collections gain a
// default TLP and a public flag; every object version gains its visibility columns (TLP rank,
// owner organisation, has-granular flag) and TLP:RED versions their recipients in a side table.
// Versions stored before this migration are classified from their own object_marking_refs (no
// marking: GREEN, the new default; marking definitions: CLEAR); their owner is unknown (NULL).
import { TLP_MARKINGS } from '../../stix/index.js';
import type { Migration } from './migrations.js';

const RANK = { clear: 0, green: 1, amber: 2, 'amber+strict': 3, red: 4 } as const;
const MARKING_RANK = Object.values(TLP_MARKINGS)
  .map((m) => `WHEN '${m.id}' THEN ${RANK[m.level]}`)
  .join(' ');

export const MIGRATION_2_TRUST: Migration = {
  version: 2,
  name: 'trust model: organisation kind/sectors/clients/consent, communities, collection default TLP and public flag, object visibility columns',
  sql: `
    ALTER TABLE organisations ADD COLUMN kind TEXT NOT NULL DEFAULT 'other';
    ALTER TABLE organisations ADD COLUMN sectors TEXT NOT NULL DEFAULT '[]';   -- JSON array
    ALTER TABLE organisations ADD COLUMN attribution_consent INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE organisation_clients (
      org_id    TEXT NOT NULL REFERENCES organisations (id),
      client_id TEXT NOT NULL REFERENCES organisations (id),
      position  INTEGER NOT NULL,
      PRIMARY KEY (org_id, client_id)
    ) WITHOUT ROWID;

    CREATE TABLE communities (
      key         INTEGER PRIMARY KEY,
      id          TEXT NOT NULL UNIQUE,
      name        TEXT NOT NULL,
      description TEXT,
      created_at  TEXT NOT NULL
    );
    CREATE TABLE community_members (
      community_id TEXT NOT NULL REFERENCES communities (id),
      org_id       TEXT NOT NULL REFERENCES organisations (id),
      position     INTEGER NOT NULL,
      PRIMARY KEY (community_id, org_id)
    ) WITHOUT ROWID;
    CREATE INDEX community_members_by_org ON community_members (org_id);

    ALTER TABLE collections ADD COLUMN default_tlp INTEGER NOT NULL DEFAULT 1 CHECK (default_tlp BETWEEN 0 AND 4);
    ALTER TABLE collections ADD COLUMN public INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE collection_community_access (
      collection_id TEXT NOT NULL REFERENCES collections (id),
      mode          TEXT NOT NULL CHECK (mode IN ('read', 'write')),
      community_id  TEXT NOT NULL REFERENCES communities (id),
      position      INTEGER NOT NULL,
      PRIMARY KEY (collection_id, mode, community_id)
    ) WITHOUT ROWID;

    -- tlp: 0 CLEAR, 1 GREEN, 2 AMBER, 3 AMBER+STRICT, 4 RED. owner_org: the submitting
    -- organisation (NULL: the node). Read predicate: tlp = 0 for anonymous readers; for an
    -- organisation tlp < 4 OR owner_org = it OR a recipients row names its identity.
    ALTER TABLE objects ADD COLUMN tlp INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE objects ADD COLUMN owner_org TEXT;
    ALTER TABLE objects ADD COLUMN has_granular INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE object_recipients (
      seq      INTEGER NOT NULL REFERENCES objects (seq) ON DELETE CASCADE,
      identity TEXT NOT NULL,
      PRIMARY KEY (seq, identity)
    ) WITHOUT ROWID;

    UPDATE objects SET
      tlp = CASE WHEN type = 'marking-definition' THEN 0 ELSE coalesce(
        (SELECT max(CASE m.value ${MARKING_RANK} END) FROM json_each(objects.json, '$.object_marking_refs') m), 1) END,
      has_granular = coalesce(json_type(objects.json, '$.granular_markings') = 'array', 0);
  `,
};
