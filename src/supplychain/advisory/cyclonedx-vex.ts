// CycloneDX VEX (1.4–1.6 vulnerabilities[], stand-alone or inside an SBOM) read into the advisory
// model. The statement's status is analysis.state (CYCLONEDX_ANALYSIS_STATUS); where affects[]
// lists versions with their own status, each version is a statement under CYCLONEDX_AFFECTS_STATUS.
// affects[].ref is a bom-ref or a BOM-Link "urn:cdx:<serial>/<version>#<bom-ref>": the bom-ref after
// '#' is what a component's bom-ref is compared with (a purl bom-ref is read as a purl).
import { finding } from '../errors.js';
import type { Finding } from '../errors.js';
import type { Affected, Advisory, AffectedRange, Status } from './model.js';
import { identityOf } from './openvex.js';
import { CYCLONEDX_AFFECTS_STATUS, CYCLONEDX_ANALYSIS_STATUS, lookup } from './status-tables.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The bom-ref a BOM-Link points at, or the ref itself. */
export function bomRefOf(ref: string): string {
  const hash = ref.startsWith('urn:cdx:') ? ref.indexOf('#') : -1;
  if (hash < 0) return ref;
  const fragment = ref.slice(hash + 1);
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment; // not percent-encoded as a URI fragment: compared as written
  }
}

export function readCycloneDxVex(input: unknown, name = 'cyclonedx-vex'): Advisory {
  const findings: Finding[] = [];
  const affected: Affected[] = [];
  if (!isObject(input) || input['bomFormat'] !== 'CycloneDX') {
    findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', name, '$.bomFormat', 'a CycloneDX document is an object with "bomFormat": "CycloneDX"'));
    return { format: 'cyclonedx-vex', document: name, vex: true, vulnerabilities: [], affected, findings };
  }
  const document = text(input['serialNumber']) ?? name;
  const all = new Set<string>();
  const vulns = Array.isArray(input['vulnerabilities']) ? input['vulnerabilities'] : [];
  vulns.forEach((v, i) => {
    const at = `$.vulnerabilities[${i}]`;
    if (!isObject(v)) return;
    const id = text(v['id']);
    if (id === undefined) return void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, `${at}.id`, 'a vulnerability has an id'));
    all.add(id);
    const analysis = isObject(v['analysis']) ? v['analysis'] : undefined;
    const state = analysis?.['state'];
    const stated = state === undefined ? undefined : lookup(CYCLONEDX_ANALYSIS_STATUS, state);
    if (state !== undefined && stated === undefined) findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, `${at}.analysis.state`, `analysis.state ${JSON.stringify(state)} is not a CycloneDX impact analysis state`));
    const affects = Array.isArray(v['affects']) ? v['affects'] : [];
    affects.forEach((a, k) => {
      const ref = isObject(a) ? text(a['ref']) : undefined;
      if (ref === undefined) return void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, `${at}.affects[${k}].ref`, 'an affects entry has a ref'));
      const identity = identityOf(bomRefOf(ref));
      const versions = isObject(a) && Array.isArray(a['versions']) ? a['versions'].filter(isObject) : [];
      const push = (range: AffectedRange, status: Status, clause: string, statedAs: string): void => void affected.push({ product: identity.product, range, status, vulnerabilities: [id], clause, statedAs });
      if (versions.length === 0) {
        if (stated === undefined) return void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, `${at}.analysis.state`, 'a vulnerability without analysis.state or affects versions states no status'));
        return push(identity.range, stated, `${at}.affects[${k}]`, String(state));
      }
      versions.forEach((ver, n) => {
        const clause = `${at}.affects[${k}].versions[${n}]`;
        const own = ver['status'] === undefined ? undefined : lookup(CYCLONEDX_AFFECTS_STATUS, ver['status']);
        const status = own ?? stated ?? CYCLONEDX_AFFECTS_STATUS.affected;
        const range: AffectedRange = text(ver['range']) !== undefined ? { kind: 'vers', vers: text(ver['range'])! } : text(ver['version']) !== undefined ? { kind: 'exact', version: text(ver['version'])! } : identity.range;
        push(range, status, clause, own === undefined ? String(state ?? 'affected') : String(ver['status']));
      });
    });
  });
  return { format: 'cyclonedx-vex', document, vex: true, vulnerabilities: [...all], affected, findings };
}
