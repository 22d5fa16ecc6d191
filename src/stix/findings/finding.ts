// The shape of one validation finding and of a validation result (returned data, never thrown).
export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable code from the catalogue in `codes.ts`, e.g. 'STIX_REQUIRED_PROPERTY'. */
  code: string;
  /** Severity after applying `strict`. */
  severity: Severity;
  /** The id of the object the finding is in (null when it has none). */
  objectId: string | null;
  /** JSON path from the input root, e.g. "$.objects[3].valid_from". */
  path: string;
  /** Readable: which object, which field, which rule. */
  message: string;
  /** The reference validator's (cti-stix-validator) check name, when it has one. */
  check?: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: Finding[];
  warnings: Finding[];
}

export interface ValidateOptions {
  /** Turn SHOULD-level warnings into errors. */
  strict?: boolean;
  /** Check names or numeric codes of the reference validator (or our own STIX_* codes) to skip. */
  disabled?: readonly string[];
  /** Called after each object of a bundle or list is checked (a caller's progress bar). */
  onObject?: () => void;
}
