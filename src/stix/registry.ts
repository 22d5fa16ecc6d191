// The registry of every STIX 2.1 object type: one TypeSpec per type, keyed by the StixType union so
// that a type without a spec (or a spec without a type) fails to compile.
import type { TypeSpec } from './spec.js';
import { attackPattern } from './types/attack-pattern.js';
import { campaign } from './types/campaign.js';
import { courseOfAction } from './types/course-of-action.js';
import { grouping } from './types/grouping.js';
import { identity } from './types/identity.js';
import { incident } from './types/incident.js';
import { indicator } from './types/indicator.js';
import { infrastructure } from './types/infrastructure.js';
import { intrusionSet } from './types/intrusion-set.js';
import { location } from './types/location.js';
import { malware } from './types/malware.js';
import { malwareAnalysis } from './types/malware-analysis.js';
import { note } from './types/note.js';
import { observedData } from './types/observed-data.js';
import { opinion } from './types/opinion.js';
import { report } from './types/report.js';
import { threatActor } from './types/threat-actor.js';
import { tool } from './types/tool.js';
import { vulnerability } from './types/vulnerability.js';
import { relationship } from './types/relationship.js';
import { sighting } from './types/sighting.js';
import { artifact } from './types/artifact.js';
import { autonomousSystem } from './types/autonomous-system.js';
import { directory } from './types/directory.js';
import { domainName } from './types/domain-name.js';
import { emailAddr } from './types/email-addr.js';
import { emailMessage } from './types/email-message.js';
import { file } from './types/file.js';
import { ipv4Addr } from './types/ipv4-addr.js';
import { ipv6Addr } from './types/ipv6-addr.js';
import { macAddr } from './types/mac-addr.js';
import { mutex } from './types/mutex.js';
import { networkTraffic } from './types/network-traffic.js';
import { process } from './types/process.js';
import { software } from './types/software.js';
import { url } from './types/url.js';
import { userAccount } from './types/user-account.js';
import { windowsRegistryKey } from './types/windows-registry-key.js';
import { x509Certificate } from './types/x509-certificate.js';
import { markingDefinition } from './types/marking-definition.js';
import { languageContent } from './types/language-content.js';
import { extensionDefinition } from './types/extension-definition.js';

export const SDO_TYPES = [
  'attack-pattern', 'campaign', 'course-of-action', 'grouping', 'identity', 'incident', 'indicator',
  'infrastructure', 'intrusion-set', 'location', 'malware', 'malware-analysis', 'note', 'observed-data',
  'opinion', 'report', 'threat-actor', 'tool', 'vulnerability',
] as const;
export const SRO_TYPES = ['relationship', 'sighting'] as const;
export const SCO_TYPES = [
  'artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message', 'file',
  'ipv4-addr', 'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'url',
  'user-account', 'windows-registry-key', 'x509-certificate',
] as const;
export const META_TYPES = ['marking-definition', 'language-content', 'extension-definition'] as const;

export const STIX_TYPES = [...SDO_TYPES, ...SRO_TYPES, ...SCO_TYPES, ...META_TYPES] as const;
export type StixType = (typeof STIX_TYPES)[number];

export const REGISTRY: Readonly<Record<StixType, TypeSpec>> = {
  'attack-pattern': attackPattern,
  campaign,
  'course-of-action': courseOfAction,
  grouping,
  identity,
  incident,
  indicator,
  infrastructure,
  'intrusion-set': intrusionSet,
  location,
  malware,
  'malware-analysis': malwareAnalysis,
  note,
  'observed-data': observedData,
  opinion,
  report,
  'threat-actor': threatActor,
  tool,
  vulnerability,
  relationship,
  sighting,
  artifact,
  'autonomous-system': autonomousSystem,
  directory,
  'domain-name': domainName,
  'email-addr': emailAddr,
  'email-message': emailMessage,
  file,
  'ipv4-addr': ipv4Addr,
  'ipv6-addr': ipv6Addr,
  'mac-addr': macAddr,
  mutex,
  'network-traffic': networkTraffic,
  process,
  software,
  url,
  'user-account': userAccount,
  'windows-registry-key': windowsRegistryKey,
  'x509-certificate': x509Certificate,
  'marking-definition': markingDefinition,
  'language-content': languageContent,
  'extension-definition': extensionDefinition,
};

const BY_TYPE: ReadonlyMap<string, TypeSpec> = new Map(Object.entries(REGISTRY));
const SCO_SET: ReadonlySet<string> = new Set(SCO_TYPES);
const SDO_SET: ReadonlySet<string> = new Set(SDO_TYPES);

/** The spec of a registered type, or undefined for custom / unknown types. */
export function specFor(type: string): TypeSpec | undefined {
  return BY_TYPE.get(type);
}

export function isStixType(type: string): type is StixType {
  return BY_TYPE.has(type);
}

export function isScoType(type: string): boolean {
  return SCO_SET.has(type);
}

export function isSdoType(type: string): boolean {
  return SDO_SET.has(type);
}
