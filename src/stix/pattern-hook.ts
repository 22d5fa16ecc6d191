// The STIX validator's view of an indicator's STIX pattern: syntax and literal checks (through the
// patterning engine), the naming rules the specification sets for the object types and properties
// a pattern names, and comparisons that can never hold. Pure and never throws; the caller turns
// problems into findings.
import { checkPattern, isNonObservableType, objectPaths, parsePattern, SCO_PROPERTIES } from '../pattern/index.js';

export type PatternProblem =
  /** A MUST-level problem: the pattern does not parse, or names a type/property illegally. */
  | { readonly kind: 'invalid'; readonly message: string }
  /** A custom (non-SCO) object type: subject to the custom-name policy of the caller. */
  | { readonly kind: 'custom-type'; readonly objectType: string }
  /** A SHOULD-level problem: a comparison that can never hold (no MUST forbids it). */
  | { readonly kind: 'never-matches'; readonly message: string }
  /** A SHOULD-level problem: a construct the engine cannot run (the matcher and scan refuse the pattern). */
  | { readonly kind: 'unsupported'; readonly message: string };

const NEVER_MATCHES: ReadonlySet<string> = new Set(['LITERAL_TYPE_MISMATCH', 'NOT_OBSERVABLE_TYPE']);
const UNSUPPORTED: ReadonlySet<string> = new Set(['UNSUPPORTED_REGEX']);

// Section 2.x naming rules: type names 3-250 of [a-z0-9-] with no leading, trailing or double
// hyphen; property names 3-250 of [a-z0-9_] (applied to names the SCO tables do not define).
const TYPE_NAME_RE = /^(?=.{3,250}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PROPERTY_NAME_RE = /^[a-z0-9_]{3,250}$/;
const SCO_COMMON_PROPERTIES: ReadonlySet<string> = new Set(['type', 'id', 'spec_version', 'object_marking_refs', 'granular_markings', 'defanged', 'extensions']);

function isDefinedProperty(type: string, property: string): boolean {
  if (SCO_COMMON_PROPERTIES.has(property)) return true;
  const table = (SCO_PROPERTIES as Readonly<Record<string, readonly string[]>>)[type];
  return table !== undefined && table.includes(property);
}

export function checkStixPattern(pattern: string): readonly PatternProblem[] {
  const checked = checkPattern(pattern);
  if (!checked.valid) {
    return checked.errors.map((e) => ({ kind: 'invalid', message: `${e.message} (line ${e.line}, column ${e.column})` }));
  }
  const parsed = parsePattern(pattern);
  if (!parsed.ok) return [{ kind: 'invalid', message: parsed.error.message }];
  const problems: PatternProblem[] = checked.warnings
    .filter((w) => NEVER_MATCHES.has(w.code))
    .map((w) => ({ kind: 'never-matches', message: `${w.message} (line ${w.line}, column ${w.column})` }));
  for (const w of checked.warnings) {
    if (UNSUPPORTED.has(w.code)) problems.push({ kind: 'unsupported', message: `${w.message} (line ${w.line}, column ${w.column}); Setu's engine cannot run it, so pattern match and scan refuse this pattern` });
  }
  const seenCustom = new Set<string>();
  for (const path of objectPaths(parsed.ast)) {
    const type = path.objectType;
    const isSco = Object.hasOwn(SCO_PROPERTIES, type);
    if (!isSco && !TYPE_NAME_RE.test(type)) {
      problems.push({ kind: 'invalid', message: `'${type}' is not a valid object type name (3-250 characters of a-z, 0-9 and single inner hyphens)` });
    } else if (!isSco && !isNonObservableType(type) && !seenCustom.has(type)) {
      seenCustom.add(type);
      problems.push({ kind: 'custom-type', objectType: type });
    }
    const first = path.steps[0];
    if (first?.type === 'key' && !isDefinedProperty(type, first.name) && !PROPERTY_NAME_RE.test(first.name)) {
      problems.push({ kind: 'invalid', message: `'${first.name}' is not a valid property name for '${type}' (3-250 characters of a-z, 0-9 and underscore)` });
    }
  }
  return problems;
}
