// `setu migrate --from DIR --to postgres://…`: moves a node's whole state from its SQLite store to
// PostgreSQL (every table, seqs, date_added, keys and the audit chain unchanged), with a progress
// bar per table. Re-running continues where a previous run stopped. At the end it verifies that
// every table holds as many rows as the source and that the audit chain is intact and ends at the
// source's head. The data directory keeps node.json and keys; serve it with SETU_DATABASE_URL.
import { existsSync } from 'node:fs';
import { verifyChain, LOG_START } from '../../access/audit/index.js';
import { nodePaths } from '../../node/index.js';
import { copySqliteToPostgres, openPostgresStore, parseDatabaseUrl, type AuditHead, type CopyReport } from '../../store/index.js';
import { isSetuError } from '../../errors/index.js';
import { EXIT, ExitError, UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';
import { startProgress, type Progress } from '../progress.js';

export interface MigrateOptions {
  readonly from: string;
  readonly to: string;
  readonly batchSize?: number | undefined;
  readonly json: boolean;
}

export interface AuditCheck {
  readonly ok: boolean;
  readonly checked: number;
  readonly head: AuditHead | null;
  readonly message: string | null;
}

export interface MigrateResult {
  readonly schema: string;
  readonly inserted: number;
  readonly tables: CopyReport['tables'];
  readonly countsMatch: boolean;
  readonly audit: AuditCheck;
}

const AUDIT_PAGE = 5000;

/** Walks the copied audit log page by page and checks every hash and link. */
async function verifyAudit(url: string, expected: AuditHead | undefined, clock: () => number): Promise<AuditCheck> {
  const store = await openPostgresStore({ url, clock, maxConnections: 1 });
  try {
    let anchor: AuditHead = LOG_START;
    let checked = 0;
    for (;;) {
      const entries = await store.listAudit({ fromSeq: anchor.seq + 1, limit: AUDIT_PAGE });
      if (entries.length === 0) break;
      const report = verifyChain(entries, { anchor });
      checked += report.checked;
      if (!report.ok) return { ok: false, checked, head: report.head, message: report.problem?.message ?? 'the audit chain is broken' };
      anchor = report.head ?? anchor;
    }
    const head = anchor.seq === 0 ? null : anchor;
    const reaches = expected === undefined ? head === null : head !== null && head.seq === expected.seq && head.hash === expected.hash;
    return reaches
      ? { ok: true, checked, head, message: null }
      : { ok: false, checked, head, message: `the copied chain ends at ${head?.seq ?? 0}, the source's at ${expected?.seq ?? 0}` };
  } finally {
    await store.close();
  }
}

export async function run(options: MigrateOptions, io: CliIo): Promise<MigrateResult> {
  const paths = nodePaths(options.from);
  if (!existsSync(paths.database)) throw new UsageError(`no SQLite store at ${paths.database}: --from must be a node data directory`);
  try {
    parseDatabaseUrl(options.to);
  } catch (error) {
    throw new UsageError(`--to must be a postgres:// URL (optionally with ?schema=name): ${(error as Error).message}`);
  }
  if (options.batchSize !== undefined && !(Number.isSafeInteger(options.batchSize) && options.batchSize > 0)) {
    throw new UsageError(`--batch must be a positive integer, not ${options.batchSize}`);
  }

  let bar: Progress | undefined;
  let current = '';
  let shown = 0;
  let report: CopyReport;
  try {
    report = await copySqliteToPostgres({
      sqlitePath: paths.database,
      url: options.to,
      batchSize: options.batchSize,
      clock: io.clock,
      onProgress: ({ table, done, total }) => {
        if (table !== current) {
          bar?.stop();
          current = table;
          bar = startProgress(io, table.padEnd(18), total);
          shown = 0;
        }
        bar?.increment(Math.max(0, Math.min(done, total) - shown));
        shown = Math.max(shown, Math.min(done, total));
      },
    });
  } catch (error) {
    if (isSetuError(error)) throw new ExitError(EXIT.failure, `migration stopped: ${error.message} [${error.code}]`);
    throw error;
  } finally {
    bar?.stop();
  }

  const countsMatch = report.tables.every((t) => t.source === t.target);
  const audit = await verifyAudit(options.to, report.sourceAuditHead, io.clock);
  const result: MigrateResult = { schema: report.schema, inserted: report.inserted, tables: report.tables, countsMatch, audit };
  emit(io, options.json, result, () => {
    const lines = report.tables.map((t) => `  ${t.table.padEnd(20)} ${String(t.target).padStart(10)} / ${t.source}${t.source === t.target ? '' : '  MISMATCH'}`);
    return [
      `migrated ${paths.dir} to PostgreSQL schema ${report.schema} (${report.inserted} rows copied by this run)`,
      ...lines,
      `audit chain: ${audit.ok ? `intact, ${audit.checked} entries${audit.head ? `, head ${audit.head.seq}` : ''}` : `BROKEN: ${audit.message}`}`,
      countsMatch && audit.ok ? `serve it with: SETU_DATABASE_URL='${options.to}' setu serve --data ${options.from}` : 'verification FAILED',
      '',
    ].join('\n');
  });
  if (!countsMatch) throw new ExitError(EXIT.failure, 'row counts differ between source and target; re-run to continue', true);
  if (!audit.ok) throw new ExitError(EXIT.failure, `audit chain verification failed: ${audit.message}`, true);
  return result;
}
