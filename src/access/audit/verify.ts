// Chain verification, pure: recomputes every hash and link of a list of entries and reports the
// first bad entry and why. `edited`: the entry's content no longer matches its hash, or it was
// rewritten and re-hashed (the next entry's prevHash names something else). `removed`: a seq is
// missing, or the first entry does not follow the anchor. `reordered`: entries appear out of seq
// order, or an entry's hash is valid for another position than the one it now holds.
import { AUDIT_GENESIS_HASH, type AuditEntry, type AuditHead } from '../../store/index.js';
import { hashEntry } from './chain.js';

export const CHAIN_PROBLEMS = ['edited', 'removed', 'reordered'] as const;
export type ChainProblemReason = (typeof CHAIN_PROBLEMS)[number];

export interface ChainProblem {
  readonly reason: ChainProblemReason;
  /** The seq of the first bad entry (as the chain should have it). */
  readonly seq: number;
  /** Its position in the list that was checked. */
  readonly index: number;
  readonly message: string;
}

export interface ChainReport {
  readonly ok: boolean;
  readonly checked: number;
  /** The last entry checked (the head when the whole log was checked). */
  readonly head: AuditHead | null;
  readonly problem: ChainProblem | null;
}

export interface VerifyChainOptions {
  /** The entry just before the list (seq 0 and the genesis hash for a list that starts the log). */
  readonly anchor?: AuditHead;
  /**
   * A head recorded earlier (from a signed segment, say): the list must reach it with that exact
   * hash, so cutting entries off the end is caught too.
   */
  readonly expectHead?: AuditHead;
}

export const LOG_START: AuditHead = { seq: 0, hash: AUDIT_GENESIS_HASH };

export function verifyChain(entries: readonly AuditEntry[], options: VerifyChainOptions = {}): ChainReport {
  const anchor = options.anchor ?? LOG_START;
  const seqsPresent = new Set<number>(entries.map((e) => e.seq));
  const fail = (reason: ChainProblemReason, seq: number, index: number, message: string): ChainReport => ({
    ok: false,
    checked: index,
    head: index > 0 ? headOf(entries[index - 1]) : null,
    problem: { reason, seq, index, message },
  });

  let expectedSeq = anchor.seq + 1;
  let expectedPrev = anchor.hash;
  for (const [index, entry] of entries.entries()) {
    if (hashEntry(entry) !== entry.hash) {
      const originalSeq = positionValidFor(entry, seqsPresent);
      if (originalSeq !== undefined) {
        return fail('reordered', entry.seq, index, `entry ${originalSeq} was moved to position ${entry.seq} (its hash is valid only as entry ${originalSeq})`);
      }
      return fail('edited', entry.seq, index, `entry ${entry.seq} does not match its hash: its content was changed after it was written`);
    }
    if (entry.seq < expectedSeq) {
      return fail('reordered', entry.seq, index, `entry ${entry.seq} appears after entry ${expectedSeq - 1}: entries are out of order`);
    }
    if (entry.seq > expectedSeq) {
      if (seqsPresent.has(expectedSeq)) {
        return fail('reordered', expectedSeq, index, `entry ${entry.seq} appears where entry ${expectedSeq} belongs: entries are out of order`);
      }
      const missing = entry.seq - expectedSeq === 1 ? `entry ${expectedSeq} is` : `entries ${expectedSeq} to ${entry.seq - 1} are`;
      return fail('removed', expectedSeq, index, `${missing} missing (seq jumps from ${expectedSeq - 1} to ${entry.seq})`);
    }
    if (entry.prevHash !== expectedPrev) {
      if (index === 0) {
        return fail('removed', entry.seq, index, `entry ${entry.seq} does not follow the anchor (entry ${anchor.seq}): its prevHash names another entry`);
      }
      return fail('edited', entry.seq - 1, index - 1, `entry ${entry.seq - 1} was rewritten and re-hashed: entry ${entry.seq}'s prevHash names a different entry`);
    }
    expectedSeq = entry.seq + 1;
    expectedPrev = entry.hash;
  }
  const last = entries.at(-1);
  const head = last === undefined ? null : headOf(last);
  const expect = options.expectHead;
  if (expect !== undefined) {
    const reached = head?.seq ?? anchor.seq;
    if (reached < expect.seq) {
      return { ok: false, checked: entries.length, head, problem: { reason: 'removed', seq: reached + 1, index: entries.length, message: `the log ends at entry ${reached} but entry ${expect.seq} was recorded earlier: entries were cut off the end` } };
    }
    const atExpected = entries.find((e) => e.seq === expect.seq);
    if (atExpected !== undefined && atExpected.hash !== expect.hash) {
      return { ok: false, checked: entries.length, head, problem: { reason: 'edited', seq: expect.seq, index: entries.indexOf(atExpected), message: `entry ${expect.seq} differs from the one recorded earlier (hash ${atExpected.hash} instead of ${expect.hash})` } };
    }
  }
  return { ok: true, checked: entries.length, head, problem: null };
}

/** How many other positions a mismatching entry is tried at, nearest first (done once, on failure). */
const MOVE_SEARCH_LIMIT = 10_000;

/** The seq (other than its own) at which the entry's hash is valid, if it is one of the positions held. */
function positionValidFor(entry: AuditEntry, seqsPresent: ReadonlySet<number>): number | undefined {
  const candidates = [...seqsPresent].filter((s) => s !== entry.seq).sort((a, b) => Math.abs(a - entry.seq) - Math.abs(b - entry.seq));
  return candidates.slice(0, MOVE_SEARCH_LIMIT).find((seq) => hashEntry({ ...entry, seq }) === entry.hash);
}

function headOf(entry: AuditEntry | undefined): AuditHead | null {
  return entry === undefined ? null : { seq: entry.seq, hash: entry.hash };
}
