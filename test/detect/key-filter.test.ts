// KeyFilter: never says "no" for a key that was added, through growth and rebuilds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyFilter } from '../../src/detect/key-filter.js';

test('no false negatives while growing; mostly "no" for absent keys', () => {
  const filter = new KeyFilter();
  const keys: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const key = `198.51.${i >> 8}.${i & 255}`;
    keys.push(key);
    filter.add(key, () => keys);
  }
  for (const key of keys) assert.equal(filter.mightHave(key), true, key);
  let maybes = 0;
  for (let i = 0; i < 20_000; i++) if (filter.mightHave(`203.0.${i >> 8}.${i & 255}`)) maybes++;
  assert.ok(maybes < 2_000, `false positives stay rare (${maybes} of 20,000)`);
  filter.rebuild(keys.slice(0, 10));
  assert.equal(filter.mightHave(keys[3] as string), true);
});
