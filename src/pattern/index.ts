// Public face of the STIX 2.1 patterning engine. Pure: no I/O, no clock.
export { parsePattern } from './parser.js';
export type { PatternError, ParseResult } from './parser.js';
export { checkPattern } from './checker.js';
export type { PatternWarning, CheckResult } from './checker.js';
export { compilePattern } from './compiler.js';
export type { CompiledPattern } from './compiler.js';
export { matchPattern } from './matcher.js';
export type { ObservedData, MatchResult } from './matcher.js';
export { printPattern } from './printer.js';
export { PATTERN_ERROR_CODES, PATTERN_WARNING_CODES } from './errors.js';
export type { PatternErrorCode, PatternWarningCode } from './errors.js';
export { SCO_PROPERTIES, isNonObservableType } from './objects.js';
export * from './ast/index.js';
export { objectPaths } from './object-paths.js';
