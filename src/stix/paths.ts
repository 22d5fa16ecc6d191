// JSON path strings for findings: $.a.b[3]["odd-key"].
const SIMPLE_KEY_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function childPath(path: string, key: string): string {
  return SIMPLE_KEY_RE.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
