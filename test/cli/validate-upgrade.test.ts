// `setu validate --upgrade-from-2.0`: validates what the 2.0 -> 2.1 upgrade would import, and says
// how many changes it made; without the flag 2.0 content is invalid 2.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as validateFiles } from '../../src/cli/commands/validate.js';
import { ExitError } from '../../src/cli/errors.js';
import { main } from '../../src/cli/main.js';
import { captureIo } from './capture.js';

const T = '2016-04-06T20:03:00Z';
const bundle20 = {
  type: 'bundle', id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982', spec_version: '2.0',
  objects: [
    { type: 'malware', id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b', created: T, modified: T, labels: ['ransomware'], name: 'Locker' },
    { type: 'observed-data', id: 'observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf', created: T, modified: T, first_observed: T, last_observed: T, number_observed: 1, objects: { '0': { type: 'domain-name', value: 'example.org' } } },
  ],
};

test('validate --upgrade-from-2.0 validates the 2.1 conversion and reports its changes', async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'setu-vu-')), 'old.json');
  await writeFile(file, JSON.stringify(bundle20));
  await assert.rejects(validateFiles({ files: [file], strict: false, json: false }, captureIo()), (e) => e instanceof ExitError && e.exitCode === 1);
  const io = captureIo();
  const [report] = await validateFiles({ files: [file], strict: false, json: false, upgradeFrom20: true }, io);
  assert.equal(report?.valid, true);
  assert.ok((report?.upgraded ?? []).some((c) => c.objectId === 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b' && c.change.startsWith('added true')));
  assert.match(io.stdout(), /old\.json: valid \(0 error\(s\), \d+ warning\(s\)\), after upgrading from STIX 2\.0: \d+ change\(s\) to 4 object\(s\)/);
  const help = captureIo();
  assert.equal(await main(['node', 'setu', 'validate', '--help'], help), 0);
  assert.match(help.stdout(), /--upgrade-from-2\.0/);
  assert.equal(await main(['node', 'setu', 'validate', '--upgrade-from-2.0', file], captureIo()), 0);
});
