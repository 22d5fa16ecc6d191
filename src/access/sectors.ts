// Organisation kinds and the built-in sector vocabulary: India's NCIIPC critical sectors and
// Japan's 15 critical-infrastructure sectors (Cybersecurity Policy for Critical Infrastructure
// Protection, with ports added in 2024), plus a few common ones. Sectors are open: a node may use
// others, but these are offered and checked for spelling.

export const ORG_KINDS = ['government', 'cert', 'cii-operator', 'ict-vendor', 'other'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export function isOrgKind(value: unknown): value is OrgKind {
  return typeof value === 'string' && (ORG_KINDS as readonly string[]).includes(value);
}

/** India, NCIIPC critical sectors. */
export const SECTORS_IN = [
  'in-power-energy',
  'in-banking-financial-insurance',
  'in-telecom',
  'in-transport',
  'in-government',
  'in-strategic-public-enterprises',
] as const;

/** Japan, the 15 critical-infrastructure sectors. */
export const SECTORS_JP = [
  'jp-information-communication',
  'jp-finance',
  'jp-aviation',
  'jp-airports',
  'jp-railways',
  'jp-electric-power',
  'jp-gas',
  'jp-government-administrative',
  'jp-medical',
  'jp-water',
  'jp-logistics',
  'jp-chemical',
  'jp-credit-card',
  'jp-petroleum',
  'jp-ports',
] as const;

export const SECTORS_COMMON = ['ict-products', 'cybersecurity-services', 'academia', 'other'] as const;

export const SECTORS = [...SECTORS_IN, ...SECTORS_JP, ...SECTORS_COMMON] as const;
export type Sector = (typeof SECTORS)[number];

export function isSector(value: unknown): value is Sector {
  return typeof value === 'string' && (SECTORS as readonly string[]).includes(value);
}
