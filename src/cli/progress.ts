// A progress bar on stderr for long work, drawn only when stderr is a terminal so that piped
// output and tests stay clean. main.ts turns `interactive` off under --json.
import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

export interface Progress {
  increment(by?: number): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { increment() {}, stop() {} };

/** `unit` names what is counted ("objects", "bytes"); without it the bar shows bare counts. */
export function startProgress(io: CliIo, label: string, total: number, unit?: string): Progress {
  if (!io.interactive || total <= 0) return NO_PROGRESS;
  const counted = unit === undefined ? '{value}/{total}' : `{value}/{total} ${unit}`;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | ${counted} | {eta_formatted} left`, stream: io.progressStream ?? process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    increment: (by = 1) => bar.increment(by),
    stop: () => bar.stop(),
  };
}
