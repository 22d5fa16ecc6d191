// Property: no SBOM or advisory reader, no CPE reader and not the matcher throws, whatever it is
// given (fast-check, fixed seed). Bad input comes back as findings or problems.
import { test } from 'node:test';
import fc from 'fast-check';
import {
  matchSbom,
  parseCpe,
  readCsaf,
  readCycloneDxJson,
  readCycloneDxVex,
  readCycloneDxXml,
  readOpenVex,
  readOsv,
  readSpdxJson,
} from '../../src/supplychain/index.js';

const SEED = 20261206;
const anything = fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 4 });

test('readers never throw on arbitrary values', () => {
  fc.assert(
    fc.property(anything, (doc) => {
      const readings = [readCycloneDxJson(doc, 'd'), readSpdxJson(doc, 'd')];
      const advisories = [readOsv(doc, 'd'), readCsaf(doc, 'd'), readOpenVex(doc, 'd'), readCycloneDxVex(doc, 'd')];
      matchSbom(readings.flatMap((r) => r.components), advisories);
      return readings.every((r) => Array.isArray(r.findings)) && advisories.every((a) => Array.isArray(a.findings));
    }),
    { seed: SEED, numRuns: 300 },
  );
});

test('readers never throw on near-miss documents (right markers, arbitrary contents)', () => {
  const near = fc.record({ bomFormat: fc.constant('CycloneDX'), spdxVersion: fc.constant('SPDX-2.3'), id: fc.string(), document: anything, product_tree: anything, vulnerabilities: anything, affected: anything, components: anything, packages: anything, statements: anything });
  fc.assert(
    fc.property(near, (doc) => {
      const components = [...readCycloneDxJson(doc, 'd').components, ...readSpdxJson(doc, 'd').components];
      const r = matchSbom(components, [readOsv(doc, 'd'), readCsaf(doc, 'd'), readOpenVex(doc, 'd'), readCycloneDxVex(doc, 'd')]);
      return Array.isArray(r.matches);
    }),
    { seed: SEED, numRuns: 300 },
  );
});

test('the XML and CPE readers never throw on arbitrary strings', () => {
  const xmlish = fc.oneof(fc.string(), fc.stringMatching(/^<bom( [a-z]+="[^"<]*")?>(<[a-z]+>[^<]*<\/[a-z]+>)*<\/bom>$/));
  fc.assert(
    fc.property(xmlish, (xml) => {
      const r = readCycloneDxXml(xml, 'x.xml');
      return Array.isArray(r.findings);
    }),
    { seed: SEED, numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string().map((s) => `cpe:2.3:${s}`)), (s) => {
      const r = parseCpe(s);
      return typeof r.ok === 'boolean';
    }),
    { seed: SEED, numRuns: 500 },
  );
});
