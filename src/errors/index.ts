// Thrown errors mean an operation failed (validation findings are returned data, never thrown).
// Each module declares its codes as const data in its own `errors.ts`; the catalogue test checks
// that every code is unique and documented. Codes are `SETU_ERR_<AREA>_<WHAT>` and are never
// renamed once shipped. HTTP status is mapped in taxii/, exit codes in cli/.

export class SetuError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'SetuError';
    this.code = code;
    this.details = details;
  }
}

export function isSetuError(value: unknown): value is SetuError {
  return value instanceof SetuError;
}
