// STIX 2.0 -> 2.1: recognition and conversion, reported per object.
export { upgradeFrom20, upgradeObjects, createUpgrader, type Upgrader, type UpgradeOptions, type UpgradeResult, type UpgradedObject } from './upgrade.js';
export { isStix20Object, stix20Evidence } from './detect.js';
export type { UpgradeChange } from './tables.js';
