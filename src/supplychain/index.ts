// The public face of supplychain/: package identity (purl, CPE 2.3), version ordering per
// ecosystem, vers ranges, SBOM readers (CycloneDX JSON/XML, SPDX 2.3 JSON), advisory readers (OSV,
// CSAF 2.0 with its validator, OpenVEX, CycloneDX VEX) and the matcher with its proofs. Pure: no
// I/O, no clock. Bad input comes back as a SupplyChainProblem or a Finding, never thrown.
export { SUPPLYCHAIN_ERRORS } from './errors.js';
export type { Finding, Outcome, Severity, SupplyChainErrorCode, SupplyChainProblem } from './errors.js';
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
export { CPE_ATTRIBUTES, compareCpeValues, matchCpe, parseCpe, withoutVersion } from './cpe.js';
export type { Cpe, CpeAttribute, CpeMatch, CpeRelation, CpeValue } from './cpe.js';
export { REGISTERED_PURL_TYPES, normaliseComponent } from './sbom/component.js';
export type { Component, RawComponent, SbomFormat, SbomReading } from './sbom/component.js';
export { CYCLONEDX_VERSIONS, readCycloneDx, readCycloneDxJson } from './sbom/cyclonedx-json.js';
export { readCycloneDxXml } from './sbom/cyclonedx-xml.js';
export { readSpdxJson } from './sbom/spdx.js';
export { STATUSES } from './advisory/model.js';
export type { Advisory, AdvisoryFormat, Affected, AffectedRange, OsvEvent, ProductIdentity, Status } from './advisory/model.js';
export {
  CSAF_STATUS,
  CSAF_STATUS_LISTS,
  CYCLONEDX_AFFECTS_STATES,
  CYCLONEDX_AFFECTS_STATUS,
  CYCLONEDX_ANALYSIS_STATES,
  CYCLONEDX_ANALYSIS_STATUS,
  OPENVEX_STATUS,
  OPENVEX_STATUSES,
} from './advisory/status-tables.js';
export type { CsafStatusList, CycloneDxAffectsState, CycloneDxAnalysisState, OpenVexStatus } from './advisory/status-tables.js';
export { ECOSYSTEM_WITH_SUFFIX, OSV_ECOSYSTEMS, OSV_ECOSYSTEM_MAP, readEcosystem } from './advisory/osv-ecosystems.js';
export type { EcosystemMapping, EcosystemReading, OsvEcosystem } from './advisory/osv-ecosystems.js';
export { readOsv } from './advisory/osv.js';
export { readCsaf } from './advisory/csaf.js';
export { readProductTree } from './advisory/csaf-products.js';
export type { CsafProduct } from './advisory/csaf-products.js';
export { csafMandatorySections, validateCsaf } from './advisory/csaf-validate.js';
export type { CsafValidation } from './advisory/csaf-validate.js';
export { identityOf, readOpenVex } from './advisory/openvex.js';
export { bomRefOf, readCycloneDxVex } from './advisory/cyclonedx-vex.js';
export { describeRange, memoReader, rangeContains } from './match/range.js';
export type { RangeAnswer, RangeProof, VersionReader } from './match/range.js';
export { PRECEDENCE_RULES, decide, rankOf } from './match/precedence.js';
export type { PrecedenceRank, Statement } from './match/precedence.js';
export { matchSbom } from './match/match.js';
export type { IdentityProof, Match, MatchProof, MatchResult, StatementProof } from './match/match.js';
