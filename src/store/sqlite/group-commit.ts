// Group commit for addObjects. With synchronous=FULL every COMMIT waits for an fsync of the WAL,
// and better-sqlite3 waits on the event loop's thread. Requests that reach the store within one
// turn of the event loop (concurrent POSTs whose bodies arrived together) are written in ONE
// IMMEDIATE transaction, each inside its own savepoint, and committed with one fsync: a request
// that fails (unknown collection, duplicate status id, audit entry off the head) is rolled back
// alone and rejected alone; the others commit. Every promise settles only after the COMMIT, so an
// acknowledged write is durable exactly as before; if the COMMIT fails, every request rejects.
import type BetterSqlite3 from 'better-sqlite3';

type Outcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

interface Pending<Q, R> {
  readonly request: Q;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
}

export class GroupCommit<Q, R> {
  private queue: Pending<Q, R>[] = [];
  private readonly group: (requests: readonly Q[]) => Outcome<R>[];

  /** `write` runs one request inside the shared transaction; `mapError` turns its failure into the error to reject with. */
  constructor(
    db: BetterSqlite3.Database,
    write: (request: Q) => R,
    private readonly mapError: (error: unknown, request: Q) => unknown,
  ) {
    // Called inside the outer transaction, a better-sqlite3 transaction function uses a savepoint
    // and rolls back to it when `write` throws.
    const one = db.transaction(write);
    const all = db.transaction((requests: readonly Q[]) =>
      requests.map((request): Outcome<R> => {
        try {
          return { ok: true, value: one(request) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
    this.group = (requests) => all.immediate(requests);
  }

  /** Queues one request; the queue is written at the end of this turn of the event loop. */
  submit(request: Q): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Writes what is queued now (also called before the connection closes). */
  flush(): void {
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let outcomes: Outcome<R>[];
    try {
      outcomes = this.group(batch.map((p) => p.request));
    } catch (error) {
      for (const p of batch) p.reject(this.mapError(error, p.request));
      return;
    }
    for (const [i, p] of batch.entries()) {
      const outcome = outcomes[i];
      if (outcome === undefined) p.reject(new Error('group commit lost a request'));
      else if (outcome.ok) p.resolve(outcome.value);
      else p.reject(this.mapError(outcome.error, p.request));
    }
  }
}
