// Field-mapping files: schema checks, presets, flat and nested lookups with lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMapping, compileMapping, parseMapping, PRESETS, presetMapping } from '../../src/detect/index.js';
import { isSetuError } from '../../src/errors/index.js';

const badMapping = (pattern: RegExp) => (e: unknown) => isSetuError(e) && e.code === 'SETU_ERR_DETECT_BAD_MAPPING' && pattern.test(e.message);

test('every shipped preset is a valid mapping', () => {
  for (const name of Object.keys(PRESETS) as (keyof typeof PRESETS)[]) assert.equal(presetMapping(name).name, name);
});

test('mapping files are checked: JSON, name, known roles, lists of paths, a timestamp', () => {
  assert.throws(() => parseMapping('{'), badMapping(/not valid JSON/));
  assert.throws(() => parseMapping('[]'), badMapping(/JSON object/));
  assert.throws(() => parseMapping('{"fields": {}}'), badMapping(/"name"/));
  assert.throws(() => parseMapping('{"name": "x", "fields": {"source": ["a"]}}'), badMapping(/unknown role "source"/));
  assert.throws(() => parseMapping('{"name": "x", "fields": {"src_ip": "a"}}'), badMapping(/non-empty list/));
  assert.throws(() => parseMapping('{"name": "x", "fields": {"src_ip": ["a"]}}'), badMapping(/timestamp/));
  assert.equal(parseMapping('{"name": "x", "fields": {"timestamp": ["t"], "src_ip": ["a.b"]}}').name, 'x');
});

test('paths are read as flat keys first, then through nested objects and lists', () => {
  const mapping = compileMapping(parseMapping(JSON.stringify({ name: 't', fields: { timestamp: ['@timestamp', 'ts'], src_ip: ['id.orig_h', 'source.ip'], domain: ['dns.queries.rrname'], ip: ['dns.answers'] } })));
  // Every role is present in the result (undefined when absent), so compare the present ones.
  const present = (record: Record<string, unknown>) => {
    const { time, values } = applyMapping(mapping, record);
    return { time, values: Object.fromEntries(Object.entries(values).filter(([, list]) => list !== undefined)) };
  };
  assert.deepEqual(present({ ts: 5, 'id.orig_h': '192.0.2.1', source: { ip: '192.0.2.2' } }), { time: 5, values: { src_ip: ['192.0.2.1', '192.0.2.2'] } });
  assert.deepEqual(present({ '@timestamp': 'x', dns: { queries: [{ rrname: 'a.example' }, { rrname: 'b.example' }], answers: ['1', null, '2'] } }), {
    time: 'x',
    values: { domain: ['a.example', 'b.example'], ip: ['1', '2'] },
  });
});
