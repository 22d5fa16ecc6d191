// A CliIo that records what a command prints, with a controllable clock.
import type { CliIo } from '../../src/cli/io.js';

export interface CapturedIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export function captureIo(start = Date.parse('2026-11-27T00:00:00.000Z')): CapturedIo {
  let out = '';
  let err = '';
  let now = start;
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    interactive: false,
    clock: () => now++,
    stdout: () => out,
    stderr: () => err,
  };
}
