import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptsTaxii, isTaxiiContentType } from '../../src/taxii/media-types.js';

test('Accept negotiation', () => {
  for (const ok of [undefined, '', '*/*', 'application/*', 'application/taxii+json', 'application/taxii+json;version=2.1', 'APPLICATION/TAXII+JSON; Version="2.1"', 'text/html;q=0.9, application/taxii+json;version=2.1;q=0.1']) {
    assert.equal(acceptsTaxii(ok), true, String(ok));
  }
  for (const bad of ['application/json', 'text/*', 'application/taxii+json;version=2.0', 'application/taxii+json;q=0', '*/*;q=0', 'garbage', 'application/stix+json;version=2.1']) {
    assert.equal(acceptsTaxii(bad), false, bad);
  }
});

test('request Content-Type', () => {
  for (const ok of ['application/taxii+json;version=2.1', 'application/taxii+json', 'application/taxii+json; charset=utf-8; version=2.1']) assert.equal(isTaxiiContentType(ok), true, ok);
  for (const bad of [undefined, '', 'application/json', 'application/taxii+json;version=2.0', 'application/stix+json;version=2.1']) assert.equal(isTaxiiContentType(bad), false, String(bad));
});
