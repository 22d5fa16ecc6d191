// `setu validate` checks the encoding as `setu import` does: a file that is not well-formed UTF-8
// is invalid (finding INVALID_UTF8 with the byte offset), exit 1, never "valid" after decoding the
// bad bytes to U+FFFD (docs/encoding.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as validateFiles } from '../../src/cli/commands/validate.js';
import { ExitError } from '../../src/cli/errors.js';
import { captureIo } from './capture.js';

const bundle = (name: string) =>
  JSON.stringify({
    type: 'bundle',
    id: 'bundle--11111111-2222-4333-8444-555555555555',
    objects: [{ type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--11111111-2222-4333-8444-555555555555', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name }],
  });

test('a bundle with bytes FF FE in a string is invalid: finding with the byte offset, exit 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'setu-validate-utf8-'));
  const file = join(dir, 'bad.json');
  const [head, tail] = bundle('MARK').split('MARK') as [string, string];
  const bytes = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from(tail, 'utf8')]);
  await writeFile(file, bytes);
  const io = captureIo();
  await assert.rejects(validateFiles({ files: [file], strict: false, json: true }, io), (e: unknown) => e instanceof ExitError);
  const out = JSON.parse(io.stdout()) as { valid: boolean; files: { errors: { code: string; message: string; offset?: number }[] }[] };
  assert.equal(out.valid, false);
  const finding = out.files[0]?.errors[0];
  assert.equal(finding?.code, 'INVALID_UTF8');
  assert.equal(finding?.offset, Buffer.byteLength(head));
  assert.match(finding?.message ?? '', new RegExp(`bytes FF FE\\) at byte offset ${Buffer.byteLength(head)}`));

  const good = join(dir, 'good.json');
  await writeFile(good, bundle('Spear — phishing ✓'));
  const ok = await validateFiles({ files: [good], strict: false, json: true }, captureIo());
  assert.equal(ok[0]?.valid, true, 'well-formed UTF-8 beyond ASCII stays valid');
});
