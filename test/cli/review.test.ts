// `setu review list|show|approve|reject`: the lifecycle of a held object, who decided and when,
// final decisions, exit codes, and the audit entry each decision leaves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run as exportBundle } from '../../src/cli/commands/export.js';
import * as review from '../../src/cli/commands/review.js';
import { UsageError } from '../../src/cli/errors.js';
import { main } from '../../src/cli/main.js';
import { isSetuError } from '../../src/errors/index.js';
import { withNode } from '../../src/node/index.js';
import { captureIo } from './capture.js';
import { OBJECTS, shareNode } from './share-fixture.js';

const argv = (...args: string[]) => ['node', 'setu', ...args];

async function nodeWithHeldItems() {
  const { dir, collection } = await shareNode();
  assert.deepEqual(await review.list({ data: dir, json: true }, captureIo()), [], 'nothing is held before anything is sent');
  const result = await exportBundle({ data: dir, collection, as: 'cert-in-node', to: 'jpcert', out: join(dir, 'out.json') }, captureIo());
  return { dir, collection, held: result.held };
}

test('an export queues held objects once; list filters by state and destination', async () => {
  const { dir, collection, held } = await nodeWithHeldItems();
  const pending = await review.list({ data: dir, json: true }, captureIo());
  assert.deepEqual(pending.map((i) => i.id), held);
  assert.deepEqual(pending.map((i) => [i.objectId, i.state, i.destinationKind, i.destinationId, i.profile]), [
    [OBJECTS.aadhaarNote.id, 'pending', 'organisation', 'jpcert', 'IN'],
    [OBJECTS.victim.id, 'pending', 'organisation', 'jpcert', 'IN'],
  ]);
  // exporting again holds the same content again: no new items
  await exportBundle({ data: dir, collection, as: 'cert-in-node', to: 'jpcert', out: join(dir, 'again.json') }, captureIo());
  assert.equal((await review.list({ data: dir, state: 'all', json: true }, captureIo())).length, 2);
  assert.deepEqual(await review.list({ data: dir, to: 'nobody', json: true }, captureIo()), []);
  const io = captureIo();
  await review.list({ data: dir, json: false }, io);
  assert.match(io.stdout(), new RegExp(`${held[0]}\\tpending\\torganisation:jpcert\\t${OBJECTS.aadhaarNote.id}\\taadhaar`));
  await assert.rejects(review.list({ data: dir, state: 'maybe', json: true }, captureIo()), UsageError);
});

test('show: the held JSON, why, and what each kind of approval would release', async () => {
  const { dir, held } = await nodeWithHeldItems();
  const io = captureIo();
  const shown = await review.show({ data: dir, id: held[0] ?? '', json: false }, io);
  assert.equal(shown.item.json, JSON.stringify(OBJECTS.aadhaarNote));
  assert.deepEqual(shown.item.reasons.map((r) => [r.rule, r.kind, r.path, r.match]), [['pii-hold', 'aadhaar', '$.content', '2341 2341 2346']]);
  const redacted = shown.onApproval?.redacted;
  assert.ok(redacted?.kind === 'send');
  assert.equal(JSON.parse(redacted.json).content, 'Victim UID [REDACTED:aadhaar] confirmed.');
  const asIs = shown.onApproval?.['as-is'];
  assert.ok(asIs?.kind === 'send');
  assert.equal(JSON.parse(asIs.json).content, OBJECTS.aadhaarNote.content);
  assert.notEqual(JSON.parse(asIs.json).created_by_ref, OBJECTS.aadhaarNote.created_by_ref, 'still pseudonymised');
  assert.match(io.stdout(), /the IN profile .* holds aadhaar for review/);
  await assert.rejects(review.show({ data: dir, id: 'nope', json: false }, captureIo()), UsageError);
});

test('approve and reject: recorded with who and when, final, and audited', async () => {
  const { dir, held } = await nodeWithHeldItems();
  const [noteId, victimId] = held as [string, string];
  const io = captureIo(Date.parse('2026-11-27T10:00:00.000Z'));
  const approved = await review.approve({ data: dir, id: noteId, asIs: true, note: 'victim consented', by: 'analyst-1', json: false }, io);
  assert.deepEqual([approved.state, approved.release, approved.decidedBy, approved.note], ['approved', 'as-is', 'analyst-1', 'victim consented']);
  assert.match(approved.decidedAt ?? '', /^2026-11-27T10:00:00\.\d{3}Z$/);
  const rejected = await review.reject({ data: dir, id: victimId, json: true }, captureIo());
  assert.equal(rejected.state, 'rejected');
  assert.match(rejected.decidedBy ?? '', /^cli:/, 'defaults to the operating-system user');

  await assert.rejects(review.reject({ data: dir, id: noteId, json: false }, captureIo()), (e) => isSetuError(e) && e.code === 'SETU_ERR_GATE_REVIEW_DECIDED');
  const err = captureIo();
  assert.equal(await main(argv('review', 'approve', victimId, '--data', dir), err), 1);
  assert.match(err.stderr(), /already rejected .*SETU_ERR_GATE_REVIEW_DECIDED/);
  assert.equal(await main(argv('review', 'approve', 'no-such-item', '--data', dir), captureIo()), 2);
  assert.deepEqual((await review.list({ data: dir, json: true }, captureIo())).length, 0, 'nothing pending');
  assert.deepEqual((await review.list({ data: dir, state: 'approved', json: true }, captureIo())).map((i) => i.id), [noteId]);

  const decisions = await withNode(dir, Date.now, async ({ store }) => (await store.listAudit({ fromSeq: 1, limit: 1000 })).filter((e) => e.action === 'review.decision'));
  assert.deepEqual(
    decisions.map((e) => [e.target['reviewId'], e.details['state'], e.details['decidedBy'], e.actor.channel]),
    [
      [noteId, 'approved', 'analyst-1', 'cli'],
      [victimId, 'rejected', rejected.decidedBy, 'cli'],
    ],
  );
});
