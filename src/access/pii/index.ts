// Public face of access/pii: detectors of personal data in STIX objects (pure: no I/O, no clock).
export { PII_KINDS, OBJECT_KINDS, EXEMPTIONS, type PiiKind, type PiiFinding, type Exemption, type TextMatch } from './kinds.js';
export { verhoeffValid, verhoeffCheckDigit } from './verhoeff.js';
export { myNumberValid, myNumberCheckDigit } from './my-number.js';
export { findEmails, refangEmail, isRoleMailbox } from './email.js';
export { findPhones } from './phone.js';
export { findNationalIds } from './national-ids.js';
export { findInText } from './text.js';
export { jsonPath, type PathStep } from './json-path.js';
export { NO_THREATS, threatContextOf, mergeThreats, patternLiterals, threatValueNormal, scoValues, type ThreatContext } from './threat.js';
export { detectPersonalData } from './detect.js';
