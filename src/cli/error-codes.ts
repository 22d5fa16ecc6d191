// Codes for what the command line itself reports (not a module's SetuError), so that `--json`
// callers always get a stable `error.code`.
export const CLI_ERRORS = {
  SETU_ERR_CLI_USAGE: 'the command line was wrong: an unknown command or option, a missing argument, an unreadable file',
  SETU_ERR_CLI_FAILED: 'the command ran but its work failed (the message says what)',
  SETU_ERR_CLI_INTERNAL: 'an unexpected failure inside Setu: a bug, please report it with the stack printed on standard error',
} as const;

export type CliErrorCode = keyof typeof CLI_ERRORS;
