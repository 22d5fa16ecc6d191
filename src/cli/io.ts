// What every command receives instead of touching process.* directly, so tests can call run()
// with captured output and a fixed clock.
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether progress bars may draw (stderr is a terminal). */
  readonly interactive: boolean;
  /** Where progress bars draw when `interactive` (default: process.stderr); tests pass a fake terminal. */
  readonly progressStream?: NodeJS.WritableStream;
  readonly clock: () => number;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY),
    clock: Date.now,
  };
}

/** Prints data as JSON (one document) or as readable lines. */
export function emit(io: CliIo, json: boolean, data: unknown, human: () => string): void {
  io.out(json ? `${JSON.stringify(data, null, 2)}\n` : human());
}
