// Public face of practices/: "what to do" about an object (ATT&CK techniques, their mitigations,
// partners' shared practices, translated by language-content), a pure engine over STIX objects,
// and the loader that feeds it only what a reader may read.
export { PRACTICES_ERRORS, type PracticesErrorCode } from './errors.js';
export { PRACTICE_LANGUAGES, isPracticeLanguage, type PracticeLanguage } from './languages.js';
export { attackIdOf, buildGraph, type PracticeGraph, type StixObject } from './graph.js';
export { localise, type LocalisedText } from './translate.js';
export { whatToDo, type Mitigation, type SharedPractice, type Skipped, type Step, type TechniqueAdvice, type WhatToDo } from './what-to-do.js';
export { PRACTICE_TYPES, loadReadable, type ReadableSource } from './load.js';
export { attackContent, type AttackContent } from './attack-content.js';
export { adviceFor, readableCollections, type AdviceRequest } from './advice.js';
