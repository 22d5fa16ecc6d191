// CSAF 2.0 documents (security_advisory, csaf_vex, ...) read into the advisory model: every product
// id of every product_status list of every vulnerability becomes a statement, its status taken from
// the CSAF_STATUS table, its identity and range from the product tree. Validation with the CSAF
// validator is a separate step (csaf-validate.ts): reading never throws on a malformed document.
import { finding } from '../errors.js';
import type { Finding } from '../errors.js';
import { readProductTree } from './csaf-products.js';
import type { Affected, Advisory } from './model.js';
import { CSAF_STATUS, CSAF_STATUS_LISTS } from './status-tables.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function idsOf(v: Json): string[] {
  const ids = Array.isArray(v['ids']) ? v['ids'].filter(isObject).map((x) => text(x['text'])).filter((s): s is string => s !== undefined) : [];
  const cve = text(v['cve']);
  return cve === undefined ? ids : [cve, ...ids];
}

export function readCsaf(input: unknown, name = 'csaf'): Advisory {
  const findings: Finding[] = [];
  const affected: Affected[] = [];
  const doc = isObject(input) && isObject(input['document']) ? input['document'] : undefined;
  if (!isObject(input) || doc === undefined) {
    findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', name, '$.document', 'a CSAF document is an object with a document object'));
    return { format: 'csaf', document: name, vex: false, vulnerabilities: [], affected, findings };
  }
  const tracking = isObject(doc['tracking']) ? doc['tracking'] : {};
  const document = text(tracking['id']) ?? name;
  const vex = doc['category'] === 'csaf_vex';
  const products = readProductTree(input['product_tree'], document, findings);
  const vulns = Array.isArray(input['vulnerabilities']) ? input['vulnerabilities'] : [];
  const all = new Set<string>();
  vulns.forEach((v, i) => {
    if (!isObject(v)) return;
    const ids = idsOf(v);
    ids.forEach((id) => all.add(id));
    const status = isObject(v['product_status']) ? v['product_status'] : {};
    for (const list of CSAF_STATUS_LISTS) {
      const entries = status[list];
      if (!Array.isArray(entries)) continue;
      entries.forEach((productId, k) => {
        const clause = `$.vulnerabilities[${i}].product_status.${list}[${k}]`;
        const product = typeof productId === 'string' ? products.get(productId) : undefined;
        if (product === undefined) {
          findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, clause, `product id ${JSON.stringify(productId)} is not defined in the product tree (CSAF 6.1.1)`));
          return;
        }
        affected.push({ product: product.identity, range: product.range, status: CSAF_STATUS[list], vulnerabilities: ids, clause, statedAs: list });
      });
    }
  });
  return { format: 'csaf', document, vex, vulnerabilities: [...all], affected, findings };
}
