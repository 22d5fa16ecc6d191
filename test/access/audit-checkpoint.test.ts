// Signed audit checkpoints (the chain's anchor outside the node): signing binds node, count, head
// hash and time; a checkpoint from another key or changed after signing is refused; bad shapes name
// the field; and a log checked against checkpoints shows a cut-off tail, or a tail cut and regrown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { AUDIT_GENESIS_HASH, type AuditEntry, type AuditHead } from '../../src/store/index.js';
import { checkCheckpoints, checkpointSignatureValid, keyFingerprint, nextEntry, parseCheckpoint, signCheckpoint, type AuditCheckpoint } from '../../src/access/audit/index.js';
import { isSetuError } from '../../src/errors/index.js';

const keys = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

function log(n: number, salt = ''): AuditEntry[] {
  const out: AuditEntry[] = [];
  let head: AuditHead | undefined;
  for (let i = 0; i < n; i += 1) {
    const e = nextEntry(head, { at: '2026-02-01T00:00:00.000000Z', actor: { orgId: 'in', tokenId: null, role: 'node-admin', channel: 'cli' }, action: 'admin.org', target: { orgId: `org-${i}${salt}` } });
    out.push(e);
    head = { seq: e.seq, hash: e.hash };
  }
  return out;
}

const headOf = (entries: readonly AuditEntry[]): AuditHead | undefined => {
  const last = entries.at(-1);
  return last === undefined ? undefined : { seq: last.seq, hash: last.hash };
};

const sign = (head: AuditHead | undefined, at = '2026-02-02T00:00:00.000Z'): AuditCheckpoint =>
  signCheckpoint({ head, at, privateKey: keys.privateKey, publicKey: keys.publicKey });

test('a checkpoint names the node by its key fingerprint, the entry count and head hash, and verifies with that key only', () => {
  const entries = log(5);
  const cp = sign(headOf(entries));
  assert.equal(cp.format, 'setu-audit-checkpoint/1');
  assert.equal(cp.nodeId, keyFingerprint(keys.publicKey));
  assert.equal(cp.count, 5);
  assert.equal(cp.headHash, entries[4]?.hash);
  assert.equal(checkpointSignatureValid(cp, keys.publicKey), true);
  assert.equal(checkpointSignatureValid(cp, other.publicKey), false);
  for (const changed of [{ count: 4 }, { headHash: entries[3]?.hash ?? '' }, { at: '2026-02-03T00:00:00.000Z' }, { nodeId: keyFingerprint(other.publicKey) }]) {
    assert.equal(checkpointSignatureValid({ ...cp, ...changed }, keys.publicKey), false, JSON.stringify(changed));
  }
  const empty = sign(undefined);
  assert.deepEqual([empty.count, empty.headHash], [0, AUDIT_GENESIS_HASH]);
  assert.equal(checkpointSignatureValid(empty, keys.publicKey), true);
});

test('parseCheckpoint accepts exactly the checkpoint shape and names the bad field otherwise', () => {
  const cp = sign(headOf(log(2)));
  assert.deepEqual(parseCheckpoint(JSON.parse(JSON.stringify(cp))), cp);
  const cases: [unknown, string][] = [
    ['text', 'checkpoint'],
    [{ ...cp, format: 'setu-audit-segment/1' }, 'format'],
    [{ ...cp, nodeId: 'ABC' }, 'nodeId'],
    [{ ...cp, count: -1 }, 'count'],
    [{ ...cp, count: 1.5 }, 'count'],
    [{ ...cp, headHash: 'x' }, 'headHash'],
    [{ ...cp, at: 'yesterday' }, 'at'],
    [{ ...cp, signature: 7 }, 'signature'],
    [{ ...cp, extra: true }, 'extra'],
  ];
  for (const [value, field] of cases) {
    assert.throws(
      () => parseCheckpoint(value),
      (e: unknown) => isSetuError(e) && e.code === 'SETU_ERR_AUDIT_CHECKPOINT_INVALID' && (e.details as { field?: string }).field === field,
      field,
    );
  }
});

test('a log that holds every checkpoint passes; a cut-off tail and a tail cut and regrown are named with the checkpoint', () => {
  const entries = log(10);
  const checkpoints = [sign(undefined), sign(headOf(entries.slice(0, 4))), sign(headOf(entries), '2026-02-05T00:00:00.000Z')];
  assert.equal(checkCheckpoints(entries, checkpoints), null);

  const cut = checkCheckpoints(entries.slice(0, 7), checkpoints);
  assert.equal(cut?.reason, 'cut-off');
  assert.equal(cut?.count, 10);
  assert.match(cut?.message ?? '', /ends at entry 7.*signed at 2026-02-05.*recorded 10 entries.*cut off the end/);

  // Cut back to 7 and regrown past 10 with fresh (valid) hashes: the chain is intact but
  // entry 10 is not the one the checkpoint signed.
  const rebuilt: AuditEntry[] = [];
  let head: AuditHead | undefined = headOf(entries.slice(0, 7));
  for (const e of log(12, '-forged').slice(7)) {
    const next = nextEntry(head, { at: e.at, actor: e.actor, action: e.action, target: e.target });
    rebuilt.push(next);
    head = { seq: next.seq, hash: next.hash };
  }
  const diverged = checkCheckpoints([...entries.slice(0, 7), ...rebuilt], checkpoints);
  assert.equal(diverged?.reason, 'diverged');
  assert.equal(diverged?.count, 10);
});
