// Suggested relationships of STIX 2.1 (section 4.x "Relationships" tables): source type -> relationship
// type -> target types. Anything else is permitted but draws a 'relationship-types' warning.

export const COMMON_RELATIONSHIPS: ReadonlySet<string> = new Set(['derived-from', 'duplicate-of', 'related-to']);

const ADDRESSES = ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url'];
const ATTACK_TARGETS = ['identity', 'location', 'vulnerability'];
const USES = ['attack-pattern', 'infrastructure', 'malware', 'tool'];

export const SUGGESTED_RELATIONSHIPS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'attack-pattern': { delivers: ['malware'], targets: ATTACK_TARGETS, uses: ['malware', 'tool'] },
  campaign: {
    'attributed-to': ['intrusion-set', 'threat-actor'], compromises: ['infrastructure'], 'originates-from': ['location'],
    targets: ATTACK_TARGETS, uses: USES,
  },
  'course-of-action': {
    investigates: ['indicator'], mitigates: ['attack-pattern', 'indicator', 'malware', 'tool', 'vulnerability'],
    remediates: ['malware', 'vulnerability'],
  },
  identity: { 'located-at': ['location'] },
  indicator: {
    indicates: ['attack-pattern', 'campaign', 'infrastructure', 'intrusion-set', 'malware', 'threat-actor', 'tool'],
    'based-on': ['observed-data'],
  },
  infrastructure: {
    'communicates-with': ['infrastructure', ...ADDRESSES], 'consists-of': ['infrastructure', 'observed-data'],
    controls: ['infrastructure', 'malware'], delivers: ['malware'], has: ['vulnerability'], hosts: ['tool', 'malware'],
    'located-at': ['location'], uses: ['infrastructure'],
  },
  'intrusion-set': {
    'attributed-to': ['threat-actor'], compromises: ['infrastructure'], hosts: ['infrastructure'], owns: ['infrastructure'],
    'originates-from': ['location'], targets: ATTACK_TARGETS, uses: USES,
  },
  malware: {
    'authored-by': ['threat-actor', 'intrusion-set'], 'beacons-to': ['infrastructure'], 'exfiltrates-to': ['infrastructure'],
    'communicates-with': ADDRESSES, controls: ['malware'], downloads: ['malware', 'tool', 'file'],
    drops: ['malware', 'tool', 'file'], exploits: ['vulnerability'], 'originates-from': ['location'],
    targets: ['identity', 'infrastructure', 'location', 'vulnerability'], uses: USES, 'variant-of': ['malware'],
  },
  'malware-analysis': {
    characterizes: ['malware'], 'analysis-of': ['malware'], 'static-analysis-of': ['malware'], 'dynamic-analysis-of': ['malware'],
  },
  'threat-actor': {
    'attributed-to': ['identity'], compromises: ['infrastructure'], hosts: ['infrastructure'], owns: ['infrastructure'],
    impersonates: ['identity'], 'located-at': ['location'], targets: ATTACK_TARGETS, uses: USES,
  },
  tool: {
    delivers: ['malware'], drops: ['malware'], has: ['vulnerability'],
    targets: ['identity', 'infrastructure', 'location', 'vulnerability'], uses: ['infrastructure'],
  },
};
