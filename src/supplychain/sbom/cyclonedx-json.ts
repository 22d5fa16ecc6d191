// CycloneDX 1.4–1.6 JSON SBOMs read into the normalised component list. @cyclonedx/cyclonedx-library
// 10.3.0 serialises and validates but has no deserialiser (its serialize/index.common.ts lists them
// as to do), so the JSON is walked here: metadata.component, components[] and their nested
// components[], each by bom-ref. A document of another spec version is read with a warning.
import { finding } from '../errors.js';
import type { Finding } from '../errors.js';
import { normaliseComponent } from './component.js';
import type { Component, SbomFormat, SbomReading } from './component.js';

export const CYCLONEDX_VERSIONS = ['1.4', '1.5', '1.6'] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A supplier or manufacturer: its name, else its first url. */
export function partyName(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  const url = Array.isArray(v['url']) ? text(v['url'][0]) : text(v['url']);
  return text(v['name']) ?? url;
}

export function readCycloneDxJson(input: unknown, name = 'cyclonedx'): SbomReading {
  return readCycloneDx(input, name, 'cyclonedx-json');
}

/** Read a CycloneDX document already in the JSON shape (the XML reader converts to it first). */
export function readCycloneDx(input: unknown, name: string, format: SbomFormat): SbomReading {
  const findings: Finding[] = [];
  const components: Component[] = [];
  if (!isObject(input) || input['bomFormat'] !== 'CycloneDX') {
    findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', name, '$.bomFormat', 'a CycloneDX JSON document is an object with "bomFormat": "CycloneDX"'));
    return { format, document: name, specVersion: '', components, findings };
  }
  const document = text(input['serialNumber']) ?? name;
  const specVersion = text(input['specVersion']) ?? '';
  if (!(CYCLONEDX_VERSIONS as readonly string[]).includes(specVersion)) {
    findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, '$.specVersion', `specVersion "${specVersion}" is outside CycloneDX ${CYCLONEDX_VERSIONS.join(', ')}; read as far as it goes`, 'warning'));
  }
  const visit = (c: unknown, path: string): void => {
    if (!isObject(c)) {
      findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, path, 'a component is an object'));
      return;
    }
    const read = normaliseComponent(
      {
        purl: text(c['purl']),
        cpe: text(c['cpe']),
        name: [text(c['group']), text(c['name'])].filter((s) => s).join('/') || undefined,
        version: text(c['version']),
        ref: text(c['bom-ref']) ?? path,
        supplier: partyName(c['supplier']) ?? partyName(c['manufacturer']) ?? text(c['author']),
      },
      document,
      path,
    );
    findings.push(...read.findings);
    if (read.component) components.push(read.component);
    const nested = c['components'];
    if (Array.isArray(nested)) nested.forEach((n, i) => visit(n, `${path}.components[${i}]`));
  };
  const metadata = input['metadata'];
  if (isObject(metadata) && metadata['component'] !== undefined) visit(metadata['component'], '$.metadata.component');
  const list = input['components'];
  if (list !== undefined && !Array.isArray(list)) findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, '$.components', 'components is an array'));
  if (Array.isArray(list)) list.forEach((c, i) => visit(c, `$.components[${i}]`));
  return { format, document, specVersion, components, findings };
}
