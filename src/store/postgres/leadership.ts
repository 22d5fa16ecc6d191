// Background work that must run in exactly one process at a time (a peer's sync loop, review
// timers): each contender holds its own session and tries a session-level advisory lock named
// after the work. The holder runs `work` until it stops; when the holder's process dies its
// session ends, PostgreSQL releases the lock, and another contender takes over on its next try.
import pg from 'pg';
import { sessionConfig, type Connection } from './connection.js';

export interface LeadershipOptions {
  /** How often a follower retries the lock, and the leader checks its session; default 1000 ms. */
  readonly retryMs?: number;
  /** Called when this process gains or loses leadership (logs, metrics, tests). */
  readonly onChange?: (leader: boolean) => void;
}

export interface Leadership {
  /** True while this process holds the lock and runs the work. */
  readonly leader: boolean;
  /** Stops contending: aborts the work if it runs, releases the lock, ends the session. */
  stop(): Promise<void>;
}

/**
 * Contends for leadership of `name` (scoped to the store's schema) and runs `work(signal)` while
 * leader. `signal` aborts when leadership is lost (session gone) or stop() is called; work that
 * returns or throws gives leadership up, and this process contends again after retryMs.
 */
export function withLeadership(
  connection: Connection,
  name: string,
  work: (signal: AbortSignal) => Promise<void>,
  options: LeadershipOptions = {},
): Leadership {
  const retryMs = options.retryMs ?? 1000;
  const key = `${connection.schema}:${name}`;
  let stopped = false;
  let leader = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const setLeader = (value: boolean) => {
    if (leader === value) return;
    leader = value;
    options.onChange?.(value);
  };

  const lead = async (client: pg.Client, lost: AbortController): Promise<void> => {
    setLeader(true);
    const running = work(lost.signal).catch(() => {});
    // The leader checks its session; a failed check means the lock may be gone: stop working.
    while (!lost.signal.aborted && !stopped) {
      const finished = await Promise.race([running.then(() => true), sleep(retryMs).then(() => false)]);
      if (finished) break;
      try {
        await client.query('SELECT 1');
      } catch {
        lost.abort();
      }
    }
    lost.abort();
    await running;
    setLeader(false);
  };

  const loop = async (): Promise<void> => {
    while (!stopped) {
      const client = new pg.Client(sessionConfig(connection));
      const lost = new AbortController();
      client.on('error', () => lost.abort());
      client.on('end', () => lost.abort());
      try {
        await client.connect();
        while (!stopped && !lost.signal.aborted) {
          const result = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got', [key]);
          if (result.rows[0]?.got === true) {
            await lead(client, lost);
            if (!lost.signal.aborted) await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
            break;
          }
          await sleep(retryMs);
        }
      } catch {
        // Session trouble: start over with a fresh session after a pause.
      } finally {
        await client.end().catch(() => {});
      }
      if (!stopped) await sleep(retryMs);
    }
  };

  const done = loop();
  return {
    get leader() {
      return leader;
    },
    async stop() {
      stopped = true;
      wake?.();
      await done;
    },
  };
}
