// OpenVEX documents (0.2.0, and the 0.0.x shape where products and vulnerability are strings)
// read into the advisory model: one statement per product of each statement, the status mapped
// by OPENVEX_STATUS. A product @id that is a purl is matched by purl; a versioned purl pins the
// version; any other @id is kept as a reference a component's bom-ref can equal.
import { finding } from '../errors.js';
import type { Finding } from '../errors.js';
import { parsePurl } from '../purl.js';
import type { Affected, Advisory, AffectedRange, ProductIdentity } from './model.js';
import { OPENVEX_STATUS, lookup } from './status-tables.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A product reference (purl, bom-ref or other id) as an identity and the version it pins. */
export function identityOf(ref: string): { product: ProductIdentity; range: AffectedRange } {
  if (ref.startsWith('pkg:')) {
    const p = parsePurl(ref);
    if (p.ok) return { product: { kind: 'purl', purl: p.value.canonical, packageKey: p.value.packageKey }, range: p.value.version === null ? { kind: 'unversioned' } : { kind: 'exact', version: p.value.version } };
  }
  if (ref.startsWith('cpe:2.3:')) return { product: { kind: 'cpe', cpe: ref }, range: { kind: 'unversioned' } };
  return { product: { kind: 'bom-ref', ref }, range: { kind: 'unversioned' } };
}

export function readOpenVex(input: unknown, name = 'openvex'): Advisory {
  const findings: Finding[] = [];
  const affected: Affected[] = [];
  if (!isObject(input) || !Array.isArray(input['statements'])) {
    findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', name, '$.statements', 'an OpenVEX document is an object with a statements array'));
    return { format: 'openvex', document: name, vex: true, vulnerabilities: [], affected, findings };
  }
  const document = text(input['@id']) ?? name;
  const all = new Set<string>();
  input['statements'].forEach((s, i) => {
    const at = `$.statements[${i}]`;
    if (!isObject(s)) return void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, at, 'a statement is an object'));
    const v = s['vulnerability'];
    const vid = text(v) ?? (isObject(v) ? text(v['name']) ?? text(v['@id']) : undefined);
    const aliases = isObject(v) && Array.isArray(v['aliases']) ? v['aliases'].filter((a): a is string => typeof a === 'string') : [];
    if (vid === undefined) return void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, `${at}.vulnerability`, 'a statement names its vulnerability'));
    const ids = [vid, ...aliases];
    ids.forEach((id) => all.add(id));
    const status = lookup(OPENVEX_STATUS, s['status']);
    if (status === undefined) return void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, `${at}.status`, `status ${JSON.stringify(s['status'])} is not one of not_affected, affected, fixed, under_investigation`));
    const products = Array.isArray(s['products']) ? s['products'] : [];
    products.forEach((p, k) => {
      const ref = text(p) ?? (isObject(p) ? text(p['@id']) : undefined);
      if (ref === undefined) return void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, `${at}.products[${k}]`, 'a product is an @id string'));
      affected.push({ ...identityOf(ref), status, vulnerabilities: ids, clause: `${at}.products[${k}]`, statedAs: String(s['status']) });
    });
  });
  return { format: 'openvex', document, vex: true, vulnerabilities: [...all], affected, findings };
}
