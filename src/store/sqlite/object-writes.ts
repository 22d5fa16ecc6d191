// addObjects: every accepted version, the status resource and (when asked) the write's audit
// entry in one IMMEDIATE transaction (shared with concurrent requests: group-commit.ts).
// Per-object outcomes (added, identical re-post, conflicting content, bad version) are status
// data; only failures of the whole request (unknown collection, duplicate status id) throw.
import type BetterSqlite3 from 'better-sqlite3';
import type { AddObjectsRequest, AddObjectsResult, ObjectRecord, StatusDetail } from '../types.js';
import { completeStatus } from '../rows.js';
import { formatMicros, nextDateAddedMicros } from '../timestamps.js';
import { specRank, versionKey } from '../keys.js';
import { storeError } from '../errors.js';
import { fromConstraint } from './constraint-errors.js';
import type { Statuses } from './statuses.js';
import type { AuditLog } from './audit.js';
import type { SearchIndex } from './search.js';
import { GroupCommit } from './group-commit.js';
import { tlpRank } from '../tlp-rank.js';
import { refRowsOf } from '../ref-rows.js';

export const CONFLICT_MESSAGE = 'version already exists with different content';
export const BAD_VERSION_MESSAGE = 'version is not an RFC 3339 UTC timestamp';

export class ObjectWrites {
  private readonly insertObject: BetterSqlite3.Statement;
  private readonly insertRevision: BetterSqlite3.Statement;
  private readonly clearLatest: BetterSqlite3.Statement;
  private readonly selectHeldIds: BetterSqlite3.Statement;
  private readonly insertRecipient: BetterSqlite3.Statement;
  private readonly insertRef: BetterSqlite3.Statement;
  private readonly selectExisting: BetterSqlite3.Statement;
  private readonly selectCollection: BetterSqlite3.Statement;
  private readonly readClock: BetterSqlite3.Statement;
  private readonly writeClock: BetterSqlite3.Statement;
  private readonly commits: GroupCommit<AddObjectsRequest, AddObjectsResult>;

  constructor(
    db: BetterSqlite3.Database,
    private readonly statuses: Statuses,
    private readonly clock: () => number,
    private readonly auditLog: AuditLog,
    private readonly search: SearchIndex,
  ) {
    this.insertObject = db.prepare(
      // The first version of an id in the collection is its newest: latest = 1 (migration 6).
      `INSERT INTO objects (collection_key, id, type, spec_version, spec_rank, version, version_key, date_added, json, tlp, owner_org, has_granular, latest)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT (collection_key, id, spec_rank, version_key) DO NOTHING`,
    );
    // Another version of a held id: latest when no stored version outranks it (equal rank and key
    // is the conflict, and a new row has the highest seq, so ties cannot occur); the versions it
    // outranks then lose the flag (clearLatest).
    this.insertRevision = db.prepare(
      `INSERT INTO objects (collection_key, id, type, spec_version, spec_rank, version, version_key, date_added, json, tlp, owner_org, has_granular, latest)
       VALUES (@c, @id, @type, @specVersion, @rank, @version, @key, @dateAdded, @json, @tlp, @ownerOrg, @hasGranular,
         NOT EXISTS (SELECT 1 FROM objects x WHERE x.collection_key = @c AND x.id = @id AND (x.spec_rank > @rank OR (x.spec_rank = @rank AND x.version_key > @key))))
       ON CONFLICT (collection_key, id, spec_rank, version_key) DO NOTHING
       RETURNING seq, latest`,
    );
    this.clearLatest = db.prepare('UPDATE objects SET latest = 0 WHERE collection_key = ? AND id = ? AND latest = 1 AND seq <> ?');
    // Which ids of a request the collection already holds (one statement per request).
    this.selectHeldIds = db
      .prepare('SELECT DISTINCT o.id FROM json_each(?) j CROSS JOIN objects o INDEXED BY objects_by_version WHERE o.collection_key = ? AND o.id = j.value')
      .pluck();
    this.insertRecipient = db.prepare('INSERT OR IGNORE INTO object_recipients (seq, identity) VALUES (?, ?)');
    this.insertRef = db.prepare('INSERT OR IGNORE INTO object_refs (seq, path, target_id) VALUES (?, ?, ?)');
    this.selectExisting = db.prepare(
      'SELECT json, date_added FROM objects WHERE collection_key = ? AND id = ? AND spec_rank = ? AND version_key = ?',
    );
    this.selectCollection = db.prepare('SELECT key, default_tlp AS defaultTlp FROM collections WHERE id = ?');
    this.readClock = db.prepare('SELECT last_date_added_us FROM store_clock WHERE singleton = 1').pluck();
    this.writeClock = db.prepare('UPDATE store_clock SET last_date_added_us = ? WHERE singleton = 1');
    this.commits = new GroupCommit(db, (request: AddObjectsRequest) => this.write(request), (error, request) =>
      fromConstraint(error, `status ${request.statusId}`, { statusId: request.statusId }) ?? error,
    );
  }

  /** Writes one request; requests arriving in the same event-loop turn share one commit (group-commit.ts). */
  add(request: AddObjectsRequest): Promise<AddObjectsResult> {
    return this.commits.submit(request);
  }

  /** Writes whatever is queued now (before closing the connection). */
  flush(): void {
    this.commits.flush();
  }

  private write(request: AddObjectsRequest): AddObjectsResult {
    const { collectionId } = request;
    const collection = this.selectCollection.get(collectionId) as { key: number; defaultTlp: number } | undefined;
    if (collection === undefined) {
      throw storeError('SETU_ERR_STORE_UNKNOWN_COLLECTION', `collection ${collectionId} does not exist`, { collectionId });
    }
    const collectionKey = collection.key;
    const successes: StatusDetail[] = [];
    const failures: StatusDetail[] = [...request.rejected];
    const added: ObjectRecord[] = [];
    let previous = this.readClock.get() as number;
    let clockMillis: number | undefined;
    // Ids with a version in the collection (stored before, or added earlier in this request).
    const held = new Set(this.selectHeldIds.all(JSON.stringify(request.accepted.map((o) => o.id)), collectionKey) as string[]);

    for (const object of request.accepted) {
      const key = versionKey(object.version);
      if (key === undefined) {
        failures.push({ id: object.id, version: String(object.version), message: BAD_VERSION_MESSAGE });
        continue;
      }
      clockMillis ??= this.clock();
      const micros = nextDateAddedMicros(previous, clockMillis);
      const dateAdded = formatMicros(micros);
      const rank = specRank(object.specVersion);
      const visibility = object.visibility;
      const tlp = visibility === undefined ? collection.defaultTlp : tlpRank(visibility.tlp);
      const ownerOrg = visibility?.ownerOrg ?? null;
      const hasGranular = visibility?.hasGranular === true ? 1 : 0;
      let seq: number | undefined;
      if (!held.has(object.id)) {
        const result = this.insertObject.run(collectionKey, object.id, object.type, object.specVersion, rank, object.version, key, dateAdded, object.json, tlp, ownerOrg, hasGranular);
        seq = Number(result.lastInsertRowid);
        held.add(object.id);
      } else {
        const row = this.insertRevision.get({
          c: collectionKey, id: object.id, type: object.type, specVersion: object.specVersion, rank, version: object.version, key, dateAdded, json: object.json, tlp, ownerOrg, hasGranular,
        }) as { seq: number; latest: number } | undefined;
        if (row !== undefined) {
          seq = row.seq;
          if (row.latest === 1) this.clearLatest.run(collectionKey, object.id, seq);
        }
      }
      if (seq !== undefined) {
        previous = micros;
        if (visibility !== undefined) for (const identity of visibility.recipients) this.insertRecipient.run(seq, identity);
        this.search.index(seq, object.json);
        for (const ref of refRowsOf(object.json)) this.insertRef.run(seq, ref.path, ref.target);
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
        continue;
      }
      const existing = this.selectExisting.get(collectionKey, object.id, rank, key) as
        | { json: string; date_added: string }
        | undefined;
      const version = object.version ?? existing?.date_added ?? dateAdded;
      if (existing !== undefined && existing.json === object.json) {
        successes.push({ id: object.id, version });
      } else {
        failures.push({ id: object.id, version, message: CONFLICT_MESSAGE });
      }
    }

    if (added.length > 0) this.writeClock.run(previous);
    const status = completeStatus(request, successes, failures);
    this.statuses.insert(status);
    const outcome: AddObjectsResult = { status, added };
    const { audit } = request;
    if (audit !== undefined) this.auditLog.appendInTransaction((head) => audit(head, outcome));
    return outcome;
  }
}
