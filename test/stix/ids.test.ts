import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseId, isValidTypeName, uuidVersion, uuidV5, STIX_SCO_NAMESPACE } from '../../src/stix/ids.js';

test('parseId accepts <type>--<RFC 4122 UUID> and splits it', () => {
  assert.deepEqual(parseId('indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'), { type: 'indicator', uuid: '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' });
  assert.equal(parseId('x-acme-thing--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f')?.type, 'x-acme-thing');
});

test('parseId rejects malformed identifiers', () => {
  for (const bad of ['tool--blablabla', 'indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', '--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    'ipv4-addr--e42c19c8-f9fe-5ae9-9fc8-22c398f78fb', 'indicator--a932fcc6-e032-176c-126f-cb970a5a1adf', 'Corp--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', '']) {
    assert.equal(parseId(bad), null, bad);
  }
});

test('type names: a-z 0-9 and hyphen, 3..250 chars, no double hyphen', () => {
  assert.ok(isValidTypeName('x-example-com-customobject'));
  for (const bad of ['ab', 'corpor@tion', 'corpo_ration', 'X-example', 'a--b', 'x'.repeat(251)]) assert.equal(isValidTypeName(bad), false, bad);
});

test('uuidVersion reads the version nibble', () => {
  assert.equal(uuidVersion('8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'), 4);
  assert.equal(uuidVersion('ff26c055-6336-5bc5-b98d-13d6226742dd'), 5);
  assert.equal(uuidVersion('fdd60b30-b67c-11e3-b0b9-f01faf20d111'), 1);
});

test('uuidV5 matches the RFC 4122 DNS-namespace example and the STIX namespace', () => {
  // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') == 886313e1-3b8a-5372-9b90-0c9aee199e5d
  assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
  assert.equal(uuidV5(STIX_SCO_NAMESPACE, '{"value":"198.51.100.3"}'), '28bb3599-77cd-5a82-a950-b5bc3caf07c4');
});
