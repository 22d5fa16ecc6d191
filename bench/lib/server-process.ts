// Runs the Setu server in a child process (so the load generator never shares its event loop),
// and reads its memory and CPU time from /proc/<pid>.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  readonly pid: number;
  readonly baseUrl: string;
  readonly apiRootUrl: string;
  /** VmRSS and VmHWM (peak RSS) in MiB. */
  memory(): { rssMiB: number; peakMiB: number };
  /** user + system CPU seconds used so far. */
  cpuSeconds(): number;
  /** SIGTERM, then wait for a clean exit (at most 30 s, then SIGKILL). */
  stop(): Promise<void>;
}

export interface ServerStartOptions {
  readonly dataDir: string;
  readonly logLevel: string;
  /** Where server logs (stderr) go. */
  readonly logFile: string;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir', DIR]. */
  readonly nodeFlags?: readonly string[];
}

const CHILD = fileURLToPath(new URL('./serve-child.ts', import.meta.url));
const CLK_TCK = 100;

function statusField(pid: number, field: string): number {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

export async function startServerProcess(options: ServerStartOptions): Promise<ServerProcess> {
  const log = openSync(options.logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', CHILD, options.dataDir, options.logLevel], {
    stdio: ['ignore', 'pipe', log],
  });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the server process');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ baseUrl: string; apiRootUrl: string }>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s (log: ${options.logFile})`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const nl = buffered.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(JSON.parse(buffered.slice(0, nl)) as { baseUrl: string; apiRootUrl: string });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const log = existsSync(options.logFile) ? readFileSync(options.logFile, 'utf8').slice(-4000) : '';
      reject(new Error(`server exited with code ${code} before listening; its log ends with:\n${log}`));
    });
  });
  return {
    pid,
    ...ready,
    memory: () => ({ rssMiB: statusField(pid, 'VmRSS'), peakMiB: statusField(pid, 'VmHWM') }),
    cpuSeconds() {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
