// Command-line flags shared by the benchmarks: `--name N` integer overrides and `--quick`, which
// divides every default size by QUICK_DIVISOR so the whole set can be smoke-run in about a minute.
export const QUICK_DIVISOR = 20;

export interface BenchArgs {
  readonly quick: boolean;
  /** A size: `--name N`, else the default divided by QUICK_DIVISOR under --quick (never below `min`). */
  size(name: string, fallback: number, min?: number): number;
  /** An integer setting that --quick leaves alone: `--name N`, else the default. */
  int(name: string, fallback: number, min?: number): number;
  /** A string flag: `--name VALUE`, else the default. */
  text(name: string, fallback: string): string;
}

export function parseArgs(argv: readonly string[] = process.argv.slice(2)): BenchArgs {
  const quick = argv.includes('--quick');
  const raw = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const integer = (name: string, fallback: number, min: number): number => {
    const given = raw(name);
    if (given === undefined) return fallback;
    const value = Number(given.replaceAll('_', ''));
    if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${name} must be an integer >= ${min} (got ${given})`);
    return value;
  };
  return {
    quick,
    size(name, fallback, min = 1) {
      return integer(name, quick ? Math.max(min, Math.round(fallback / QUICK_DIVISOR)) : fallback, min);
    },
    int(name, fallback, min = 1) {
      return integer(name, fallback, min);
    },
    text(name, fallback) {
      return raw(name) ?? fallback;
    },
  };
}
