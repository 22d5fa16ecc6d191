// addObjects on PostgreSQL: every accepted version, the status resource, the write's audit entry
// (when asked) and the cross-process notification in ONE transaction, with multi-row writes (unnest arrays) and named statements.
//
// Ordering across processes: the transaction first locks the single store_clock row (FOR UPDATE)
// and keeps it until COMMIT. Seq and date_added are taken from that row, so a writer can only
// allocate after the previous writer has committed: seqs and date_added values become visible in
// exactly the order they were allocated. A reader can therefore never see seq 11 committed and
// seq 10 appear later, so a cursor never skips. Deletes and reads do not take the lock.
import type pg from 'pg';
import type { AddObjectsRequest, AddObjectsResult, NewObjectVersion, ObjectRecord, StatusDetail } from '../types.js';
import { completeStatus } from '../rows.js';
import { formatMicros, nextDateAddedMicros } from '../timestamps.js';
import { specRank, versionKey } from '../keys.js';
import { storeError } from '../errors.js';
import { fromConstraint } from './constraint-errors.js';
import { inTransaction } from './connection.js';
import { insertStatus } from './statuses.js';
import { rows, run } from './statements.js';
import { addedPayload } from './notify-payload.js';
import { appendInTransaction } from './audit.js';
import { tlpRank } from '../tlp-rank.js';
import { SearchBatch } from './search.js';
import { refRowsOf } from '../ref-rows.js';

export const CONFLICT_MESSAGE = 'version already exists with different content';
export const BAD_VERSION_MESSAGE = 'version is not an RFC 3339 UTC timestamp';

const LOCK_CLOCK = `SELECT c.last_date_added_us, c.last_seq, k.key AS collection_key, k.default_tlp
  FROM store_clock c LEFT JOIN collections k ON k.id = $1 WHERE c.singleton = 1 FOR UPDATE OF c`;
const SELECT_EXISTING = `SELECT o.id, o.spec_rank, o.version_key, o.json, o.date_added
  FROM unnest($2::text[], $3::int[], $4::text[]) AS k (id, spec_rank, version_key)
  JOIN objects o ON o.collection_key = $1 AND o.id = k.id AND o.spec_rank = k.spec_rank AND o.version_key = k.version_key`;
// latest (migration 6): no version stored before this statement outranks the row (equal rank and
// key is an idempotent re-post, filtered out before); versions of one id within the statement are
// settled by the statement trigger.
const INSERT_OBJECTS = `INSERT INTO objects (seq, collection_key, id, type, spec_version, spec_rank, version, version_key, date_added, json,
    tlp, owner_org, has_granular, latest)
  SELECT u.seq, $1, u.id, u.type, u.spec_version, u.spec_rank, u.version, u.version_key, u.date_added, u.json, u.tlp, u.owner_org, u.has_granular,
    CASE WHEN EXISTS (SELECT 1 FROM objects x WHERE x.collection_key = $1 AND x.id = u.id
      AND (x.spec_rank > u.spec_rank OR (x.spec_rank = u.spec_rank AND x.version_key > u.version_key))) THEN 0 ELSE 1 END
  FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[],
    $11::int[], $12::text[], $13::int[])
    AS u (seq, id, type, spec_version, spec_rank, version, version_key, date_added, json, tlp, owner_org, has_granular)`;
const INSERT_RECIPIENTS = `INSERT INTO object_recipients (seq, identity)
  SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING`;
const INSERT_REFS = `INSERT INTO object_refs (seq, path, target_id)
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`;
const WRITE_CLOCK = 'UPDATE store_clock SET last_date_added_us = $1, last_seq = $2 WHERE singleton = 1';
const NOTIFY = 'SELECT pg_notify($1, $2)';

interface ClockRow {
  last_date_added_us: number;
  last_seq: number;
  collection_key: number | null;
  default_tlp: number | null;
}

interface Stored {
  readonly json: string;
  readonly dateAdded: string;
}

const slot = (id: string, rank: number, key: string) => `${id}\u0000${rank}\u0000${key}`;

/** Column arrays for one multi-row INSERT. */
class Columns {
  readonly seq: number[] = [];
  readonly id: string[] = [];
  readonly type: string[] = [];
  readonly specVersion: string[] = [];
  readonly rank: number[] = [];
  readonly version: (string | null)[] = [];
  readonly key: string[] = [];
  readonly dateAdded: string[] = [];
  readonly json: string[] = [];
  readonly tlp: number[] = [];
  readonly ownerOrg: (string | null)[] = [];
  readonly hasGranular: number[] = [];
  /** object_recipients rows: (seq, identity) pairs. */
  readonly recipientSeq: number[] = [];
  readonly recipient: string[] = [];
  /** object_refs rows (migration 12): (seq, path, target) triples. */
  readonly refSeq: number[] = [];
  readonly refPath: string[] = [];
  readonly refTarget: string[] = [];

  push(seq: number, object: NewObjectVersion, rank: number, key: string, dateAdded: string, defaultTlp: number): void {
    this.seq.push(seq);
    this.id.push(object.id);
    this.type.push(object.type);
    this.specVersion.push(object.specVersion);
    this.rank.push(rank);
    this.version.push(object.version);
    this.key.push(key);
    this.dateAdded.push(dateAdded);
    this.json.push(object.json);
    const visibility = object.visibility;
    this.tlp.push(visibility === undefined ? defaultTlp : tlpRank(visibility.tlp));
    this.ownerOrg.push(visibility?.ownerOrg ?? null);
    this.hasGranular.push(visibility?.hasGranular === true ? 1 : 0);
    for (const identity of visibility?.recipients ?? []) {
      this.recipientSeq.push(seq);
      this.recipient.push(identity);
    }
    for (const ref of refRowsOf(object.json)) {
      this.refSeq.push(seq);
      this.refPath.push(ref.path);
      this.refTarget.push(ref.target);
    }
  }
}

export class ObjectWrites {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => number,
    /** LISTEN/NOTIFY channel of this store, and the id other processes use to skip their own writes. */
    private readonly channel: string,
    private readonly origin: string,
    /** The store's schema (names the audit log's advisory lock). */
    private readonly schema: string,
  ) {}

  async add(request: AddObjectsRequest): Promise<AddObjectsResult> {
    try {
      return await inTransaction(this.pool, (client) => this.write(client, request));
    } catch (error) {
      throw fromConstraint(error, `status ${request.statusId}`, { statusId: request.statusId }) ?? error;
    }
  }

  private async write(client: pg.PoolClient, request: AddObjectsRequest): Promise<AddObjectsResult> {
    const { collectionId } = request;
    const [clockRow] = await rows<ClockRow>(client, LOCK_CLOCK, [collectionId]);
    const collectionKey = clockRow?.collection_key ?? null;
    if (clockRow === undefined || collectionKey === null) {
      throw storeError('SETU_ERR_STORE_UNKNOWN_COLLECTION', `collection ${collectionId} does not exist`, { collectionId });
    }

    // Index columns of every well-formed version, then the rows already stored under those keys.
    const keyed = request.accepted.map((object) => {
      const key = versionKey(object.version);
      return key === undefined ? undefined : { object, key, rank: specRank(object.specVersion) };
    });
    const stored = await this.existing(client, collectionKey, keyed);

    const successes: StatusDetail[] = [];
    const failures: StatusDetail[] = [...request.rejected];
    const added: ObjectRecord[] = [];
    const columns = new Columns();
    const search = new SearchBatch();
    let previous = clockRow.last_date_added_us;
    let seq = clockRow.last_seq;
    let clockMillis: number | undefined;

    for (const [index, entry] of keyed.entries()) {
      if (entry === undefined) {
        const object = request.accepted[index]!;
        failures.push({ id: object.id, version: String(object.version), message: BAD_VERSION_MESSAGE });
        continue;
      }
      const { object, key, rank } = entry;
      const here = slot(object.id, rank, key);
      const existing = stored.get(here);
      if (existing !== undefined) {
        const version = object.version ?? existing.dateAdded;
        if (existing.json === object.json) successes.push({ id: object.id, version });
        else failures.push({ id: object.id, version, message: CONFLICT_MESSAGE });
        continue;
      }
      clockMillis ??= this.clock();
      previous = nextDateAddedMicros(previous, clockMillis);
      seq += 1;
      const dateAdded = formatMicros(previous);
      columns.push(seq, object, rank, key, dateAdded, clockRow.default_tlp ?? 1);
      search.push(seq, object.json);
      stored.set(here, { json: object.json, dateAdded });
      added.push({
        seq,
        collectionId,
        id: object.id,
        type: object.type,
        specVersion: object.specVersion,
        version: object.version,
        dateAdded,
        json: object.json,
      });
      successes.push({ id: object.id, version: object.version ?? dateAdded });
    }

    if (added.length > 0) {
      await run(client, INSERT_OBJECTS, [
        collectionKey,
        columns.seq,
        columns.id,
        columns.type,
        columns.specVersion,
        columns.rank,
        columns.version,
        columns.key,
        columns.dateAdded,
        columns.json,
        columns.tlp,
        columns.ownerOrg,
        columns.hasGranular,
      ]);
      if (columns.recipient.length > 0) await run(client, INSERT_RECIPIENTS, [columns.recipientSeq, columns.recipient]);
      await search.write(client);
      if (columns.refSeq.length > 0) await run(client, INSERT_REFS, [columns.refSeq, columns.refPath, columns.refTarget]);
      await run(client, WRITE_CLOCK, [previous, seq]);
    }
    const status = completeStatus(request, successes, failures);
    await insertStatus(client, status);
    const outcome: AddObjectsResult = { status, added };
    const { audit } = request;
    if (audit !== undefined) await appendInTransaction(client, this.schema, (head) => audit(head, outcome));
    if (added.length > 0) {
      // Delivered by PostgreSQL at COMMIT only, so other processes hear of committed rows alone.
      await run(client, NOTIFY, [this.channel, addedPayload({ origin: this.origin, collectionId, fromSeq: added[0]!.seq, toSeq: seq })]);
    }
    return outcome;
  }

  private async existing(
    client: pg.PoolClient,
    collectionKey: number,
    keyed: readonly ({ object: NewObjectVersion; key: string; rank: number } | undefined)[],
  ): Promise<Map<string, Stored>> {
    const ids: string[] = [];
    const ranks: number[] = [];
    const keys: string[] = [];
    for (const entry of keyed) {
      if (entry === undefined) continue;
      ids.push(entry.object.id);
      ranks.push(entry.rank);
      keys.push(entry.key);
    }
    const stored = new Map<string, Stored>();
    if (ids.length === 0) return stored;
    const found = await rows<{ id: string; spec_rank: number; version_key: string; json: string; date_added: string }>(client, SELECT_EXISTING, [
      collectionKey,
      ids,
      ranks,
      keys,
    ]);
    for (const row of found) stored.set(slot(row.id, row.spec_rank, row.version_key), { json: row.json, dateAdded: row.date_added });
    return stored;
  }
}
