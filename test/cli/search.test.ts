// `setu search` and `setu reindex` call their run() functions on a node with a foreign reader
// (test/cli/share-fixture.ts): the node's own view, an organisation inside, JPCERT/CC through the
// gate; the JSON shape; a bad query exits 2 through main(); reindex draws its bar and rebuilds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run as search } from '../../src/cli/commands/search.js';
import { run as reindex } from '../../src/cli/commands/reindex.js';
import { main } from '../../src/cli/main.js';
import { captureIo } from './capture.js';
import { fakeTerminal } from './fake-terminal.js';
import { OBJECTS, shareNode } from './share-fixture.js';

test('setu search finds values as the node, as an organisation inside, and as JPCERT/CC through the gate', async () => {
  const { dir } = await shareNode();
  const o = OBJECTS;
  const base = { data: dir, json: true };
  const node = await search({ ...base, query: 'staff.member@victim.example' }, captureIo());
  assert.deepEqual(node.results.map((r) => r.id), [o.victim.id]);
  const inside = await search({ ...base, query: 'staff.member@victim.example', as: 'cert-in-node' }, captureIo());
  assert.deepEqual(inside.results.map((r) => r.id), [o.victim.id]);
  const foreign = await search({ ...base, query: 'staff.member@victim.example', as: 'jpcert' }, captureIo());
  assert.deepEqual(foreign.results, []);
  const io = captureIo();
  const answer = await search({ ...base, query: 'hxxp://unused.example billing@paypa1-secure[.]example'.split(' ')[1]!, as: 'jpcert', type: 'indicator' }, io);
  assert.deepEqual(answer.results.map((r) => r.id), [o.phishing.id]);
  const printed = JSON.parse(io.stdout()) as { results: Record<string, unknown>[]; next: string | null };
  assert.deepEqual(Object.keys(printed.results[0]!).sort(), ['collection', 'id', 'matched', 'name', 'tlp', 'type', 'version']);
  assert.equal(printed.next, null);
  const human = captureIo();
  await search({ data: dir, json: false, query: 'type:email-addr', limit: 1 }, human);
  assert.match(human.stdout(), /matched: type\nmore: --cursor \S+\n$/);
});

test('a query the parser refuses, or a bad limit, exits 2 with the search code; an unknown --as exits 2', async () => {
  const { dir } = await shareNode();
  for (const args of [['search', '"open'], ['search', 'x', '--limit', 'many'], ['search', 'x', '--as', 'nobody']]) {
    const io = captureIo();
    assert.equal(await main(['node', 'setu', ...args, '--data', dir, '--json'], io), 2, args.join(' '));
    assert.doesNotMatch(io.stdout() + io.stderr(), /SETU_ERR_CLI_USAGE/);
  }
  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'search', 'sha256:abc', '--data', dir, '--json'], io), 2);
  assert.match(io.stdout() + io.stderr(), /SETU_ERR_SEARCH_BAD_FIELD_VALUE/);
});

test('setu reindex rebuilds every version with a progress bar, and search finds the same afterwards', async () => {
  const { dir } = await shareNode();
  const before = await search({ data: dir, json: true, query: 'type:email-addr' }, captureIo());
  const terminal = fakeTerminal();
  const result = await reindex({ data: dir, json: true }, { ...captureIo(), interactive: true, progressStream: terminal.stream });
  assert.equal(result.indexed, 7);
  assert.match(terminal.drawn(), /reindex \[.*\] 100% \| 7\/7 versions/);
  assert.deepEqual(await search({ data: dir, json: true, query: 'type:email-addr' }, captureIo()), before);
  const io = captureIo();
  assert.equal(await main(['node', 'setu', 'reindex', '--data', dir, '--json'], io), 0);
  assert.deepEqual(JSON.parse(io.stdout()), { indexed: 7 });
});
