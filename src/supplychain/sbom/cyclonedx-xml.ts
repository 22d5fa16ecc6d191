// CycloneDX 1.4–1.6 XML SBOMs: checked for well-formedness and parsed with fast-xml-parser 5.12.1,
// then converted to the JSON shape (the spec version comes from the bom namespace
// http://cyclonedx.org/schema/bom/<version>, bom-ref and serialNumber are attributes) and read by the
// same walker as JSON. A document that is not well-formed XML is one finding, never a throw.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { finding } from '../errors.js';
import type { SbomReading } from './component.js';
import { readCycloneDx } from './cyclonedx-json.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (tag) => tag === 'component' || tag === 'url',
});

const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : isObject(v) && typeof v['#text'] === 'string' ? v['#text'] : undefined);

function componentShape(c: unknown): unknown {
  if (!isObject(c)) return c;
  const party = (p: unknown): unknown => (isObject(p) ? { name: textOf(p['name']), url: Array.isArray(p['url']) ? p['url'].map(textOf) : undefined } : undefined);
  const nested = isObject(c['components']) ? c['components']['component'] : undefined;
  return {
    'bom-ref': c['@bom-ref'],
    group: textOf(c['group']),
    name: textOf(c['name']),
    version: textOf(c['version']),
    purl: textOf(c['purl']),
    cpe: textOf(c['cpe']),
    author: textOf(c['author']),
    supplier: party(c['supplier']),
    manufacturer: party(c['manufacturer']),
    ...(Array.isArray(nested) ? { components: nested.map(componentShape) } : {}),
  };
}

export function readCycloneDxXml(xml: string, name = 'cyclonedx'): SbomReading {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const rule = `not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line}, column ${wellFormed.err.col})`;
    return { format: 'cyclonedx-xml', document: name, specVersion: '', components: [], findings: [finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', name, '/', rule)] };
  }
  let tree: unknown;
  try {
    tree = parser.parse(xml);
  } catch (error) {
    const rule = `XML the parser cannot read: ${error instanceof Error ? error.message : String(error)}`;
    return { format: 'cyclonedx-xml', document: name, specVersion: '', components: [], findings: [finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', name, '/', rule)] };
  }
  const bom = isObject(tree) ? tree['bom'] : undefined;
  if (!isObject(bom)) {
    return { format: 'cyclonedx-xml', document: name, specVersion: '', components: [], findings: [finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', name, '/bom', 'a CycloneDX XML document has the root element <bom>')] };
  }
  const namespace = typeof bom['@xmlns'] === 'string' ? bom['@xmlns'] : '';
  const specVersion = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/.exec(namespace)?.[1] ?? '';
  const metadata = isObject(bom['metadata']) ? bom['metadata'] : undefined;
  const metaComponent = metadata && Array.isArray(metadata['component']) ? metadata['component'][0] : undefined;
  const list = isObject(bom['components']) ? bom['components']['component'] : undefined;
  const shaped = {
    bomFormat: 'CycloneDX',
    specVersion,
    serialNumber: bom['@serialNumber'],
    ...(metaComponent === undefined ? {} : { metadata: { component: componentShape(metaComponent) } }),
    ...(Array.isArray(list) ? { components: list.map(componentShape) } : {}),
  };
  return readCycloneDx(shaped, name, 'cyclonedx-xml');
}
