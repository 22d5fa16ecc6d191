// Migration 2 (as SQLite's): the trust model's tables and columns. Organisations gain kind,
// sectors, clients and attribution consent; communities can be a collection's audience;
// collections gain a default TLP and a public flag; object versions gain visibility columns (TLP
// rank, owner organisation, has-granular flag) and TLP:RED versions their recipients. Versions
// stored before it are classified from their own object_marking_refs (none: GREEN; marking
// definitions: CLEAR). Column names and meanings match SQLite, so `setu migrate` copies them.
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
    ALTER TABLE organisations ADD COLUMN kind text NOT NULL DEFAULT 'other';
    ALTER TABLE organisations ADD COLUMN sectors text NOT NULL DEFAULT '[]';
    ALTER TABLE organisations ADD COLUMN attribution_consent integer NOT NULL DEFAULT 0;

    CREATE TABLE organisation_clients (
      org_id    text NOT NULL REFERENCES organisations (id),
      client_id text NOT NULL REFERENCES organisations (id),
      position  integer NOT NULL,
      PRIMARY KEY (org_id, client_id)
    );

    CREATE TABLE communities (
      key         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id          text NOT NULL UNIQUE,
      name        text NOT NULL,
      description text,
      created_at  text NOT NULL
    );
    CREATE TABLE community_members (
      community_id text NOT NULL REFERENCES communities (id),
      org_id       text NOT NULL REFERENCES organisations (id),
      position     integer NOT NULL,
      PRIMARY KEY (community_id, org_id)
    );
    CREATE INDEX community_members_by_org ON community_members (org_id);

    ALTER TABLE collections ADD COLUMN default_tlp integer NOT NULL DEFAULT 1 CHECK (default_tlp BETWEEN 0 AND 4);
    ALTER TABLE collections ADD COLUMN public integer NOT NULL DEFAULT 0;
    CREATE TABLE collection_community_access (
      collection_id text NOT NULL REFERENCES collections (id),
      mode          text NOT NULL CHECK (mode IN ('read', 'write')),
      community_id  text NOT NULL REFERENCES communities (id),
      position      integer NOT NULL,
      PRIMARY KEY (collection_id, mode, community_id)
    );

    ALTER TABLE objects ADD COLUMN tlp integer NOT NULL DEFAULT 1;
    ALTER TABLE objects ADD COLUMN owner_org text;
    ALTER TABLE objects ADD COLUMN has_granular integer NOT NULL DEFAULT 0;
    CREATE TABLE object_recipients (
      seq      bigint NOT NULL REFERENCES objects (seq) ON DELETE CASCADE,
      identity text NOT NULL,
      PRIMARY KEY (seq, identity)
    );

    UPDATE objects SET
      tlp = CASE WHEN type = 'marking-definition' THEN 0 ELSE coalesce(
        (SELECT max(CASE m ${MARKING_RANK} END)
           FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(json::jsonb -> 'object_marking_refs') = 'array'
                                               THEN json::jsonb -> 'object_marking_refs' ELSE '[]'::jsonb END) AS m), 1) END,
      has_granular = CASE WHEN jsonb_typeof(json::jsonb -> 'granular_markings') = 'array' THEN 1 ELSE 0 END;
  `,
};
