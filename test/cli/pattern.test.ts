// `setu pattern check` / `setu pattern match` called as functions, and through main() for the
// exit codes: check exits 1 when invalid; match exits 0 whether or not it matches, 1 only when the
// pattern or the input is invalid, 2 when the file cannot be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, match } from '../../src/cli/commands/pattern.js';
import { ExitError, UsageError } from '../../src/cli/errors.js';
import { main } from '../../src/cli/main.js';
import { run as scan } from '../../src/cli/commands/scan.js';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { captureIo } from './capture.js';

const T = '2026-11-27T00:00:00Z';
const bundle = {
  type: 'bundle',
  id: 'bundle--0b8c2f0e-1d44-4b7b-9d5c-3f0e9a1c2b3d',
  objects: [
    { type: 'observed-data', spec_version: '2.1', id: 'observed-data--00000000-0000-4000-8000-000000000001', created: T, modified: T, first_observed: T, last_observed: T, number_observed: 1, object_refs: ['ipv4-addr--a0d35e0a-0b0e-5f0a-9a0e-000000000001'] },
    { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--a0d35e0a-0b0e-5f0a-9a0e-000000000001', value: '198.51.100.7' },
    { type: 'observed-data', spec_version: '2.1', id: 'observed-data--00000000-0000-4000-8000-000000000002', created: T, modified: T, first_observed: '2026-11-27T00:00:30Z', last_observed: '2026-11-27T00:00:30Z', number_observed: 1, object_refs: ['domain-name--a0d35e0a-0b0e-5f0a-9a0e-000000000002'] },
    { type: 'domain-name', spec_version: '2.1', id: 'domain-name--a0d35e0a-0b0e-5f0a-9a0e-000000000002', value: 'evil.example' },
  ],
};

async function file(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'setu-pattern-')), 'input.json');
  await writeFile(path, content);
  return path;
}

test('check: valid patterns with warnings; invalid ones give line and column and exit 1', async () => {
  const io = captureIo();
  const ok = await check({ pattern: "[thing:value = 'a']", json: false }, io);
  assert.equal(ok.valid, true);
  assert.match(io.stdout(), /^valid\n  warning UNKNOWN_OBJECT_TYPE at line 1, column \d+: /);
  const bad = captureIo();
  await assert.rejects(check({ pattern: "[ipv4-addr:value = '1.2.3.4'\n AND ]", json: true }, bad), (e) => e instanceof ExitError && e.exitCode === 1 && e.reported);
  const printed = JSON.parse(bad.stdout());
  assert.equal(printed.valid, false);
  assert.equal(printed.errors[0].line, 2);
  assert.equal(typeof printed.errors[0].column, 'number');
});

test('match: prints whether and which observed-data matched; exit 0 either way', async () => {
  const input = await file(JSON.stringify(bundle));
  const io = captureIo();
  const hit = await match({ pattern: "([ipv4-addr:value = '198.51.100.7'] FOLLOWEDBY [domain-name:value = 'evil.example']) WITHIN 60 SECONDS", file: input, json: false }, io);
  assert.deepEqual(hit, { matched: true, matchedObservedData: ['observed-data--00000000-0000-4000-8000-000000000001', 'observed-data--00000000-0000-4000-8000-000000000002'], observedData: 2 });
  assert.match(io.stdout(), /^match: .*\n  observed-data--00000000-0000-4000-8000-000000000001\n/);
  const miss = captureIo();
  assert.equal((await match({ pattern: "[domain-name:value = 'evil.example'] FOLLOWEDBY [ipv4-addr:value = '198.51.100.7']", file: input, json: true }, miss)).matched, false);
  assert.equal(JSON.parse(miss.stdout()).matched, false);
  // A plain list of objects works as well as a bundle.
  assert.equal((await match({ pattern: "[ipv4-addr:value ISSUBSET '198.51.100.0/24']", file: await file(JSON.stringify(bundle.objects)), json: true }, captureIo())).matched, true);
});

test('match: invalid pattern or input exits 1; an unreadable file is a usage error', async () => {
  const input = await file(JSON.stringify(bundle));
  const failure = (e: unknown) => e instanceof ExitError && e.exitCode === 1;
  await assert.rejects(match({ pattern: '[ipv4-addr:value = ', file: input, json: false }, captureIo()), failure);
  await assert.rejects(match({ pattern: "[ipv4-addr:value ISSUBSET 'nope']", file: input, json: false }, captureIo()), failure);
  await assert.rejects(match({ pattern: "[ipv4-addr:value = '1.2.3.4']", file: await file('{not json'), json: false }, captureIo()), failure);
  await assert.rejects(match({ pattern: "[ipv4-addr:value = '1.2.3.4']", file: await file('{"type": 7}'), json: false }, captureIo()), failure);
  await assert.rejects(match({ pattern: "[ipv4-addr:value = '1.2.3.4']", file: await file('[{"type": "bundle", "objects": [1]}]'), json: false }, captureIo()), failure);
  const badObserved = { ...bundle, objects: [{ ...bundle.objects[0], number_observed: 0 }] };
  await assert.rejects(match({ pattern: "[ipv4-addr:value = '1.2.3.4']", file: await file(JSON.stringify(badObserved)), json: false }, captureIo()), failure);
  await assert.rejects(match({ pattern: "[ipv4-addr:value = '1.2.3.4']", file: '/no/such/file.json', json: false }, captureIo()), UsageError);
});

test('exit codes through main()', async () => {
  const input = await file(JSON.stringify(bundle));
  const run = (...argv: string[]) => main(['node', 'setu', ...argv], captureIo());
  assert.equal(await run('pattern', 'check', "[ipv4-addr:value = '1.2.3.4']"), 0);
  assert.equal(await run('pattern', 'check', '[ipv4-addr:value = '), 1);
  assert.equal(await run('pattern', 'match', "[ipv4-addr:value = '198.51.100.7']", input), 0);
  assert.equal(await run('pattern', 'match', "[ipv4-addr:value = '203.0.113.1']", input, '--json'), 0);
  assert.equal(await run('pattern', 'match', '[oops', input), 1);
  assert.equal(await run('pattern', 'match', "[ipv4-addr:value = '1.2.3.4']", '/no/such/file'), 2);
  assert.equal(await run('scan', '--indicators', 'test/fixtures/scan/indicators.json', '--format', 'syslog', 'test/fixtures/scan/conn.log'), 2);
  assert.equal(await run('scan', '--indicators', 'test/fixtures/scan/indicators.json', '--json', 'test/fixtures/scan/conn.log'), 0);
  assert.equal(await run('scan', '--help'), 0);
});

test('scan end to end: indicators with LIKE operands holding "-" and PCRE-flagged MATCHES operands load and hit', async () => {
  const indicator = (n: number, pattern: string) => ({
    type: 'indicator', spec_version: '2.1', id: `indicator--0000000${n}-5e70-4d1a-8c2b-00000000000${n}`, created: T, modified: T,
    name: `i${n}`, pattern, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z',
  });
  const indicators = await file(JSON.stringify({ type: 'bundle', id: bundle.id, objects: [
    indicator(1, "[domain-name:value LIKE '%.bad-host.example']"),
    indicator(2, "[domain-name:value MATCHES '(?i)^C2\\\\.Evil-Corp\\\\.EXAMPLE$']"),
  ] }));
  const events = await file([
    { '@timestamp': '2026-11-27T00:00:00.000Z', dns: { question: { name: 'c2.bad-host.example' } } },
    { '@timestamp': '2026-11-27T00:00:01.000Z', dns: { question: { name: 'c2.evil-corp.example' } } },
    { '@timestamp': '2026-11-27T00:00:02.000Z', dns: { question: { name: 'c2.badxhost.example' } } },
  ].map((e) => JSON.stringify(e)).join('\n'));
  const io = captureIo();
  const result = await scan(
    { files: [events], data: './no-such-node', collections: [], indicators, windowSeconds: 3600, aggregateSeconds: 3600, hitsLimit: 1000, json: true, report: false, format: 'ecs' },
    io,
    { stdin: Readable.from([]), newId: randomUUID },
  );
  assert.equal(result.indicators.load.outcomes.invalid ?? 0, 0, io.stdout());
  assert.deepEqual(result.hitsShown.map((h) => h.indicator).sort(), [indicator(1, '').id, indicator(2, '').id]);
});

test('match: a JSON list of bundles is one set of observations; no observations at all is no match, not an error', async () => {
  const [od1, ip, od2, domain] = bundle.objects;
  const bundles = [
    { type: 'bundle', id: 'bundle--00000000-0000-4000-8000-00000000000a', objects: [od1, ip] },
    { type: 'bundle', id: 'bundle--00000000-0000-4000-8000-00000000000b', objects: [od2, domain] },
  ];
  const io = captureIo();
  const hit = await match({ pattern: "[ipv4-addr:value = '198.51.100.7'] AND [domain-name:value = 'evil.example']", file: await file(JSON.stringify(bundles)), json: true }, io);
  assert.deepEqual(hit, { matched: true, matchedObservedData: [od1!.id, od2!.id], observedData: 2 });
  for (const empty of ['[]', '{"type": "bundle", "id": "bundle--00000000-0000-4000-8000-00000000000c", "objects": []}', JSON.stringify([ip])]) {
    const quiet = captureIo();
    const none = await match({ pattern: "[ipv4-addr:value = '198.51.100.7']", file: await file(empty), json: false }, quiet);
    assert.deepEqual(none, { matched: false, matchedObservedData: [], observedData: 0 }, empty);
    assert.match(quiet.stdout(), /^no match in 0 observed-data of /);
  }
  const run = (...argv: string[]) => main(['node', 'setu', ...argv], captureIo());
  assert.equal(await run('pattern', 'match', "[ipv4-addr:value = '1.2.3.4']", await file('[]')), 0);
});

test('an error prints its position once, in check and match output alike', async () => {
  const once = (text: string) => assert.equal(text.match(/line \d|\d+:\d+/g)?.length, 1, text);
  const syntax = captureIo();
  await assert.rejects(check({ pattern: "[ipv4-addr:value = '198.51.100.7' AND ]", json: false }, syntax));
  assert.match(syntax.stdout(), /^invalid: line 1, column 39: unexpected '\]', expecting /);
  once(syntax.stdout());
  const lexical = captureIo();
  await assert.rejects(check({ pattern: "[ipv4-addr:value = 'x] ", json: false }, lexical));
  once(lexical.stdout());
  const json = captureIo();
  await assert.rejects(check({ pattern: '[file:size = ]', json: true }, json));
  assert.doesNotMatch(JSON.parse(json.stdout()).errors[0].message, /line|\d+:\d+/);
  const matched = captureIo();
  await assert.rejects(match({ pattern: '[file:size = ]', file: await file(JSON.stringify(bundle)), json: false }, matched));
  once(matched.stdout());
});
