// A progress bar on stderr for long work, drawn only when stderr is a terminal so that piped
// output and tests stay clean.
import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

export interface Progress {
  increment(by?: number): void;
  stop(): void;
}

export function startProgress(io: CliIo, label: string, total: number): Progress {
  if (!io.interactive || total <= 0) return { increment() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    increment: (by = 1) => bar.increment(by),
    stop: () => bar.stop(),
  };
}
