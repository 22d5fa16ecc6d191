// The public face of supplychain/: package identity (purl), version ordering per ecosystem, and
// vers ranges. Pure: no I/O, no clock. Bad input comes back as a SupplyChainProblem, never thrown.
export { SUPPLYCHAIN_ERRORS } from './errors.js';
export type { Outcome, SupplyChainErrorCode, SupplyChainProblem } from './errors.js';
export { buildPurl, canonicalPurl, parsePurl } from './purl.js';
export type { Purl, PurlComponents, PurlInput } from './purl.js';
export { MAX_VERSION_LENGTH, compareParsed, compareVersions, parseVersion } from './compare.js';
export type { ComparisonProof, ParsedVersion, Relation, VersionComparison } from './compare.js';
export { SCHEME_NAMES, isSchemeName } from './versions/registry.js';
export type { SchemeName } from './versions/registry.js';
export { VERS_COMPARATORS, normaliseVers, parseVers } from './vers/parse.js';
export type { VersComparator, VersConstraint, VersRange } from './vers/parse.js';
export { versContains } from './vers/contains.js';
export { versFromNpm } from './vers/from-npm.js';
export { FROM_NATIVE_SCHEMES, versFromNative } from './vers/from-native.js';
export type { Containment, ContainmentProof } from './vers/contains.js';
