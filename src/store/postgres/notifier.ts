// Cross-process events over LISTEN/NOTIFY. One dedicated session LISTENs on the store's channel;
// an 'added' note (sent inside the writing transaction, so delivered only on COMMIT and in commit
// order) is turned back into the committed records by reading its seq range, and handed to the
// subscribers in order. Notes a store instance sent itself are skipped: its process emitted them
// in-process already. If the session drops, it reconnects with backoff and replays every version
// committed meanwhile (seq above the last one delivered), so no subscriber misses a write.
import pg from 'pg';
import type { ObjectRecord } from '../types.js';
import { sessionConfig, type Connection } from './connection.js';
import { channelOf, parseNote, type Note } from './notify-payload.js';
import { recordsInRange } from './object-queries.js';
import { rows } from './statements.js';

export type StoreEvent =
  | { readonly kind: 'added'; readonly records: readonly (ObjectRecord & { readonly json: string })[] }
  | { readonly kind: 'config'; readonly topic: string };

export type StoreEventHandler = (event: StoreEvent) => void;

export interface Notifier {
  /** Resolves once the LISTEN session is established. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

const RECONNECT_MS = [100, 250, 500, 1000, 2000, 5000] as const;
const REPLAY_LIMIT = 10_000;

/** Starts one LISTEN session that feeds `handler`; stop it with close(). */
export function startNotifier(connection: Connection, origin: string, handler: StoreEventHandler): Notifier {
  const channel = channelOf(connection.schema);
  let client: pg.Client | undefined;
  let closed = false;
  let attempt = 0;
  /** Highest seq handed to the handler (or already present when listening began). */
  let delivered = 0;
  /** Notes are processed one at a time, in arrival order. */
  let queue: Promise<void> = Promise.resolve();

  /** Seqs are allocated in commit order and notes arrive in commit order, so `delivered` dedupes. */
  const emitAdded = (records: ObjectRecord[]) => {
    const fresh = records.filter((record) => record.seq > delivered);
    if (fresh.length === 0) return;
    delivered = fresh.at(-1)!.seq;
    handler({ kind: 'added', records: fresh as (ObjectRecord & { json: string })[] });
  };

  const handle = async (note: Note): Promise<void> => {
    if (note.kind === 'config') {
      if (note.origin !== origin) handler({ kind: 'config', topic: note.topic });
      return;
    }
    if (note.origin === origin) {
      delivered = Math.max(delivered, note.toSeq);
      return;
    }
    emitAdded(await recordsInRange(connection.pool, note.collectionId, note.fromSeq, note.toSeq));
  };

  /** Everything committed after `delivered` while no session listened, per collection, in seq order. */
  const replay = async (): Promise<void> => {
    const missed = await rows<ObjectRecord & { collectionId: string; json: string }>(
      connection.pool,
      `SELECT o.seq AS seq, c.id AS "collectionId", o.id AS id, o.type AS type, o.spec_version AS "specVersion",
         o.version AS version, o.date_added AS "dateAdded", o.json AS json
       FROM objects o JOIN collections c ON c.key = o.collection_key WHERE o.seq > $1 ORDER BY o.seq LIMIT ${REPLAY_LIMIT}`,
      [delivered],
    );
    let batch: ObjectRecord[] = [];
    for (const record of missed) {
      if (batch.length > 0 && batch[0]!.collectionId !== record.collectionId) {
        emitAdded(batch);
        batch = [];
      }
      batch.push(record);
    }
    emitAdded(batch);
  };

  const highWater = async (): Promise<number> =>
    Number((await rows<{ s: number }>(connection.pool, 'SELECT last_seq AS s FROM store_clock WHERE singleton = 1'))[0]?.s ?? 0);

  const connect = async (first: boolean): Promise<void> => {
    const next = new pg.Client(sessionConfig(connection));
    next.on('notification', (message) => {
      if (message.channel !== channel) return;
      const note = parseNote(message.payload);
      if (note !== undefined) queue = queue.then(() => handle(note)).catch(() => {});
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    attempt = 0;
    if (first) delivered = await highWater();
    else queue = queue.then(replay).catch(() => {});
  };

  const scheduleReconnect = () => {
    const delay = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)]!;
    attempt += 1;
    setTimeout(() => {
      if (!closed) connect(false).catch(scheduleReconnect);
    }, delay).unref();
  };

  const lost = (dead: pg.Client) => {
    if (closed || client !== dead) return;
    client = undefined;
    dead.removeAllListeners('notification');
    scheduleReconnect();
  };

  const ready = connect(true);
  return {
    ready,
    async close() {
      closed = true;
      await ready.catch(() => {});
      const current = client;
      client = undefined;
      await queue;
      await current?.end().catch(() => {});
    },
  };
}
