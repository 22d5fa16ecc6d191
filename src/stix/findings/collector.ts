// Collects findings for one validate() call: applies `disabled` (reference check names, their
// numbers and groups, or our own STIX_* codes for SHOULD-level findings) and `strict`.
import type { Finding, ValidateOptions, ValidationResult } from './finding.js';
import { FINDING_CODES, CHECK_NUMBERS, checkGroups, type FindingCode } from './codes.js';

const NAME_BY_NUMBER: ReadonlyMap<string, string> = new Map(Object.entries(CHECK_NUMBERS).map(([name, n]) => [n, name]));
const GROUPS_BY_CHECK: ReadonlyMap<string, readonly string[]> = new Map(Object.keys(CHECK_NUMBERS).map((c) => [c, checkGroups(c)]));

/** How custom names are policed: through 'extensions-use' (2.1 default) or the older prefix checks. */
export type CustomNamePolicy = 'extensions' | 'prefix-strict' | 'prefix-lax' | 'none';

export class Collector {
  readonly errors: Finding[] = [];
  readonly warnings: Finding[] = [];
  readonly strict: boolean;
  readonly customPolicy: CustomNamePolicy;
  private readonly disabled: ReadonlySet<string>;

  constructor(options: ValidateOptions) {
    this.strict = options.strict === true;
    const disabled = new Set<string>();
    for (const entry of Array.isArray(options.disabled) ? options.disabled : []) {
      if (typeof entry !== 'string') continue;
      const name = entry.trim();
      disabled.add(NAME_BY_NUMBER.get(name) ?? name);
    }
    this.disabled = disabled;
    this.customPolicy = !this.isCheckDisabled('extensions-use')
      ? 'extensions'
      : !this.isCheckDisabled('custom-prefix')
        ? 'prefix-strict'
        : !this.isCheckDisabled('custom-prefix-lax')
          ? 'prefix-lax'
          : 'none';
  }

  /** True when a SHOULD-level check is switched off by name, number, group or 'all'. */
  isCheckDisabled(check: string): boolean {
    const d = this.disabled;
    if (d.size === 0) return false;
    if (d.has('all') || d.has(check)) return true;
    const groups = GROUPS_BY_CHECK.get(check);
    if (groups !== undefined) for (const g of groups) if (d.has(g)) return true;
    return false;
  }

  report(code: FindingCode, objectId: string | null, path: string, message: string, check?: string): void {
    const info = FINDING_CODES[code];
    const effectiveCheck = check ?? ('check' in info ? info.check : undefined);
    if (info.severity === 'warning') {
      if (this.disabled.size > 0 && (this.disabled.has(code) || (effectiveCheck !== undefined && this.isCheckDisabled(effectiveCheck)))) return;
    }
    const severity = info.severity === 'error' || this.strict ? 'error' : 'warning';
    const finding: Finding = { code, severity, objectId, path, message };
    if (effectiveCheck !== undefined) finding.check = effectiveCheck;
    (severity === 'error' ? this.errors : this.warnings).push(finding);
  }

  result(): ValidationResult {
    return { valid: this.errors.length === 0, errors: this.errors, warnings: this.warnings };
  }
}
