// `setu demo federation --once`: three real nodes start, federate, and the shared objects reach
// exactly the nodes TLP 2.0 allows, with personal data redacted on the way to Japan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { federation } from '../../src/cli/commands/demo.js';
import { captureIo } from './capture.js';
import { tempRoot } from '../sync/helpers.js';

test('setu demo federation --once shows every TLP case going where it may, and exits', async () => {
  const root = await tempRoot();
  try {
    const io = { ...captureIo(), clock: Date.now };
    const basePort = 20_000 + Math.floor(Math.random() * 20_000);
    const result = await federation({ basePort, dir: root.dir, once: true, json: true }, io);
    assert.equal(result.ok, true, JSON.stringify(result.cases, null, 2));
    assert.equal(result.nodes.length, 3);
    const personal = result.cases.find((c) => c.label.includes('personal'));
    assert.equal(personal?.japanDescription, 'Reported by [REDACTED:email], phone [REDACTED:phone]');
    assert.deepEqual(
      result.cases.map((c) => [c.tlp, c.japan, c.company]),
      [
        ['clear', true, true],
        ['green', true, false],
        ['amber', false, true],
        ['amber+strict', false, false],
        ['red', true, false],
        ['green', true, false],
      ],
    );
  } finally {
    await root.remove();
  }
});
