import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARGON2_PARAMETERS, hashPassword, verifyPassword } from '../../src/users/index.js';

test('argon2id with the OWASP parameters, salted (two hashes of one password differ), verified; a malformed hash matches nothing', async () => {
  const a = await hashPassword('violet kettle harbour 1987 sings');
  const b = await hashPassword('violet kettle harbour 1987 sings');
  assert.match(a, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword(a, 'violet kettle harbour 1987 sings'), true);
  assert.equal(await verifyPassword(a, 'violet kettle harbour 1987 sing'), false);
  assert.equal(await verifyPassword('not a phc string', 'anything'), false);
  assert.deepEqual([ARGON2_PARAMETERS.memoryCost, ARGON2_PARAMETERS.timeCost, ARGON2_PARAMETERS.parallelism], [19456, 2, 1]);
});
