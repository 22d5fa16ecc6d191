// SPDX 2.3 JSON SBOMs: each package becomes a component keyed by its SPDXID, identified by the
// externalRefs of category PACKAGE-MANAGER / PACKAGE_MANAGER type "purl" and SECURITY type
// "cpe23Type"; name and versionInfo as given; supplier without its "Organization: " / "Person: "
// prefix (NOASSERTION is no supplier). Packages with several purls give one component per purl.
import { finding } from '../errors.js';
import type { Finding } from '../errors.js';
import { normaliseComponent } from './component.js';
import type { Component, SbomReading } from './component.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function supplierOf(v: unknown): string | undefined {
  const s = text(v);
  if (s === undefined || s === 'NOASSERTION') return undefined;
  return s.replace(/^(Organization|Person|Tool):\s*/, '');
}

function refsOf(pkg: Json, type: string): string[] {
  const refs = pkg['externalRefs'];
  if (!Array.isArray(refs)) return [];
  return refs.filter((r): r is Json => isObject(r) && r['referenceType'] === type).map((r) => text(r['referenceLocator'])).filter((s): s is string => s !== undefined);
}

export function readSpdxJson(input: unknown, name = 'spdx'): SbomReading {
  const findings: Finding[] = [];
  const components: Component[] = [];
  if (!isObject(input) || typeof input['spdxVersion'] !== 'string' || !input['spdxVersion'].startsWith('SPDX-')) {
    findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', name, '$.spdxVersion', 'an SPDX JSON document is an object with "spdxVersion": "SPDX-2.x"'));
    return { format: 'spdx-json', document: name, specVersion: '', components, findings };
  }
  const specVersion = input['spdxVersion'];
  const document = text(input['documentNamespace']) ?? name;
  if (specVersion !== 'SPDX-2.3') findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, '$.spdxVersion', `"${specVersion}" is not SPDX-2.3; read as far as it goes`, 'warning'));
  const packages = input['packages'];
  if (packages !== undefined && !Array.isArray(packages)) findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, '$.packages', 'packages is an array'));
  (Array.isArray(packages) ? packages : []).forEach((pkg, i) => {
    const path = `$.packages[${i}]`;
    if (!isObject(pkg)) {
      findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, path, 'a package is an object'));
      return;
    }
    const purls = refsOf(pkg, 'purl');
    const cpe = refsOf(pkg, 'cpe23Type')[0];
    const base = { name: text(pkg['name']), version: text(pkg['versionInfo']), ref: text(pkg['SPDXID']) ?? path, supplier: supplierOf(pkg['supplier']), cpe };
    for (const purl of purls.length > 0 ? purls : [undefined]) {
      const read = normaliseComponent({ ...base, purl }, document, path);
      findings.push(...read.findings);
      if (read.component) components.push(read.component);
    }
  });
  return { format: 'spdx-json', document, specVersion, components, findings };
}
