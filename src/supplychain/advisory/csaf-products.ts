// The CSAF 2.0 product tree walked into products: each branch path from the root to a product
// (section 3.1.2.x) gives the product_id its branch names, its version (a product_version branch)
// or version range (product_version_range: a vers string is compared, any other text is kept
// and reported), and its purl / cpe from product_identification_helper (section 3.1.3.3). Full
// product names at the top level and the products that relationships define (section 3.2.2.x,
// identified by their product_reference) are read too.
import { finding } from '../errors.js';
import type { Finding } from '../errors.js';
import { parsePurl } from '../purl.js';
import type { AffectedRange, ProductIdentity } from './model.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export interface CsafProduct {
  readonly identity: ProductIdentity & { readonly kind: 'csaf' };
  readonly range: AffectedRange;
  readonly path: string;
}

function fullProduct(fpn: Json, branches: readonly string[], range: AffectedRange, path: string, document: string, findings: Finding[]): CsafProduct | undefined {
  const productId = text(fpn['product_id']);
  if (productId === undefined) {
    findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, `${path}.product_id`, 'a full product name has a product_id'));
    return undefined;
  }
  const helper = isObject(fpn['product_identification_helper']) ? fpn['product_identification_helper'] : {};
  const rawPurl = text(helper['purl']);
  const parsed = rawPurl === undefined ? undefined : parsePurl(rawPurl);
  if (parsed && !parsed.ok) findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_COMPONENT', document, `${path}.product_identification_helper.purl`, parsed.problem.rule, 'warning'));
  const name = text(fpn['name']);
  const cpe = text(helper['cpe']);
  const identity = {
    kind: 'csaf' as const,
    productId,
    branches,
    ...(name === undefined ? {} : { name }),
    ...(parsed?.ok ? { purl: parsed.value.canonical, packageKey: parsed.value.packageKey } : {}),
    ...(cpe === undefined ? {} : { cpe }),
  };
  // A versioned purl pins the version when the tree gave none.
  const pinned: AffectedRange = range.kind === 'unversioned' && parsed?.ok && parsed.value.version !== null ? { kind: 'exact', version: parsed.value.version } : range;
  return { identity, range: pinned, path };
}

function rangeOf(category: string | undefined, name: string, path: string, document: string, findings: Finding[]): AffectedRange | undefined {
  if (category === 'product_version') return { kind: 'exact', version: name };
  if (category !== 'product_version_range') return undefined;
  if (name.startsWith('vers:')) return { kind: 'vers', vers: name };
  findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNMATCHABLE_RANGE', document, `${path}.name`, `product_version_range "${name}" is not a vers string; it is kept as text and not compared`, 'warning'));
  return { kind: 'text', text: name };
}

export function readProductTree(tree: unknown, document: string, findings: Finding[]): Map<string, CsafProduct> {
  const products = new Map<string, CsafProduct>();
  if (!isObject(tree)) return products;
  const add = (p: CsafProduct | undefined): void => {
    if (p) products.set(p.identity.productId, p);
  };
  const walk = (branches: unknown, path: string, names: readonly string[], range: AffectedRange): void => {
    if (!Array.isArray(branches)) return;
    branches.forEach((b, i) => {
      const at = `${path}[${i}]`;
      if (!isObject(b)) return void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, at, 'a branch is an object'));
      const category = text(b['category']);
      const name = text(b['name']) ?? '';
      const here = rangeOf(category, name, at, document, findings) ?? range;
      const path2 = [...names, `${category ?? '?'}:${name}`];
      if (isObject(b['product'])) add(fullProduct(b['product'], path2, here, `${at}.product`, document, findings));
      walk(b['branches'], `${at}.branches`, path2, here);
    });
  };
  walk(tree['branches'], '$.product_tree.branches', [], { kind: 'unversioned' });
  const names = Array.isArray(tree['full_product_names']) ? tree['full_product_names'] : [];
  names.forEach((f, i) => {
    if (isObject(f)) add(fullProduct(f, [], { kind: 'unversioned' }, `$.product_tree.full_product_names[${i}]`, document, findings));
  });
  const relationships = Array.isArray(tree['relationships']) ? tree['relationships'] : [];
  relationships.forEach((r, i) => {
    if (!isObject(r) || !isObject(r['full_product_name'])) return;
    const reference = products.get(text(r['product_reference']) ?? '');
    const fpn = r['full_product_name'];
    const productId = text(fpn['product_id']);
    if (reference === undefined || productId === undefined) return;
    const relation = `${text(r['category']) ?? 'relationship'}:${text(r['relates_to_product_reference']) ?? ''}`;
    products.set(productId, {
      identity: { ...reference.identity, productId, branches: [...reference.identity.branches, relation] },
      range: reference.range,
      path: `$.product_tree.relationships[${i}]`,
    });
  });
  return products;
}
