// Public face of the STIX 2.1 language module. Other modules import only from here.
export type { Severity, Finding, ValidationResult, ValidateOptions } from './findings/finding.js';
export { validate } from './validate.js';
export { isScoType } from './registry.js';
export { deterministicScoId, withDeterministicId } from './sco-ids.js';
export { objectVersion, isStixTimestamp, normalizeTimestamp } from './timestamps.js';
export { TLP_MARKINGS, tlpLevelOf, type TlpLevel } from './markings.js';
export { STIX_ERRORS, type StixErrorCode } from './errors.js';
export { STIX_2_0_CONTENT } from './stix20.js';
export { upgradeFrom20, upgradeObjects, createUpgrader, type Upgrader, isStix20Object, stix20Evidence, type UpgradeChange, type UpgradeOptions, type UpgradeResult, type UpgradedObject } from './upgrade/index.js';
export { childPath, indexPath } from './paths.js';
