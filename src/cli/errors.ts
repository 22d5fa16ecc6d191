// The CLI's failure types. Commands throw these; only main.ts turns them into exit codes:
// 0 success, 1 the work failed (e.g. a bundle with MUST errors), 2 usage or configuration error.

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The command ran but its work failed; the message has already been printed when `reported`. */
export class ExitError extends Error {
  readonly exitCode: ExitCode;
  readonly reported: boolean;
  constructor(exitCode: ExitCode, message: string, reported = false) {
    super(message);
    this.name = 'ExitError';
    this.exitCode = exitCode;
    this.reported = reported;
  }
}

/** Bad flags, a missing file, an uninitialised data directory: the user must change the call. */
export class UsageError extends ExitError {
  constructor(message: string) {
    super(EXIT.usage, message);
    this.name = 'UsageError';
  }
}
