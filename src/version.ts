// The running Setu version, read from package.json (one level above both src/ and dist/).
import { readFileSync } from 'node:fs';

export function setuVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
