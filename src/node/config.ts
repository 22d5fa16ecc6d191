// A node's tunable settings, kept in DIR/node.json beside its database. Absent keys take the
// defaults below, so an old file keeps working when a setting is added.
import { readFile, writeFile } from 'node:fs/promises';
import { SetuError } from '../errors/index.js';
import type { NodeInfo } from '../store/index.js';
import { slugify } from './admin.js';

export interface NodeConfig {
  /** Name of the TAXII API root: it is served at /taxii2/<name>/. */
  readonly apiRootName: string;
  readonly title: string;
  readonly description: string;
  readonly contact: string | null;
  /** TAXII max_content_length: the largest request body accepted, in bytes. */
  readonly maxContentLength: number;
  /** Requests a token may make per minute before answers become 429. */
  readonly rateLimitPerMinute: number;
  /**
   * Id of the node's own organisation (`setu init --org-id`): it owns what the node imports and
   * is the acting organisation of what the node passes on. Absent in nodes made before the
   * option existed, whose own organisation is the one `setu init` named after the node.
   */
  readonly organisation?: string;
  /**
   * How often a running node signs a checkpoint of its audit log and pushes it to its Setu peers
   * (docs/audit.md), in minutes; 0 = only on demand (`setu audit checkpoint --push`).
   */
  readonly auditCheckpointMinutes: number;
  /** A browser session ends after this many minutes without a request (absent: 30). */
  readonly sessionIdleMinutes?: number;
  /** A browser session ends this many minutes after sign-in, however busy (absent: 720). */
  readonly sessionAbsoluteMinutes?: number;
  /**
   * Behind a reverse proxy: whose X-Forwarded-For to believe for the client address (sign-in
   * throttling, logs). false (absent): none, the TCP peer is the client; true: any; a list of
   * addresses or CIDR ranges: those proxies only. Passed to Fastify's `trustProxy`.
   */
  readonly trustProxy?: boolean | readonly string[];
  /** SSO links a person of the provider's organisation by an e-mail the provider verified (absent: true). */
  readonly ssoLinkVerifiedEmail?: boolean;
}

export const DEFAULT_NODE_CONFIG: NodeConfig = {
  apiRootName: 'setu',
  title: 'Setu TAXII 2.1 API root',
  description: 'Threat intelligence shared through this Setu node',
  contact: null,
  maxContentLength: 100 * 1024 * 1024,
  rateLimitPerMinute: 300_000,
  auditCheckpointMinutes: 60,
};

function checkConfig(value: unknown, path: string): NodeConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SetuError('SETU_ERR_NODE_CONFIG_INVALID', `${path}: expected a JSON object`, { path });
  }
  const merged = { ...DEFAULT_NODE_CONFIG, ...(value as Partial<NodeConfig>) };
  const bad = (field: string, rule: string) =>
    new SetuError('SETU_ERR_NODE_CONFIG_INVALID', `${path}: "${field}" ${rule}`, { path, field });
  if (typeof merged.apiRootName !== 'string' || !/^[A-Za-z0-9._~-]{1,64}$/.test(merged.apiRootName)) throw bad('apiRootName', 'must be 1-64 URL-safe characters (letters, digits, . _ ~ -)');
  if (typeof merged.title !== 'string' || merged.title === '') throw bad('title', 'must be a non-empty string');
  if (typeof merged.description !== 'string') throw bad('description', 'must be a string');
  if (merged.contact !== null && typeof merged.contact !== 'string') throw bad('contact', 'must be a string or null');
  if (!Number.isInteger(merged.maxContentLength) || merged.maxContentLength < 1024) throw bad('maxContentLength', 'must be an integer of at least 1024 bytes');
  if (!Number.isInteger(merged.rateLimitPerMinute) || merged.rateLimitPerMinute < 1) throw bad('rateLimitPerMinute', 'must be a positive integer');
  if (!Number.isInteger(merged.auditCheckpointMinutes) || merged.auditCheckpointMinutes < 0) throw bad('auditCheckpointMinutes', 'must be a whole number of minutes, 0 or more (0: only on demand)');
  for (const field of ['sessionIdleMinutes', 'sessionAbsoluteMinutes'] as const) {
    const minutes = merged[field];
    if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1)) throw bad(field, 'must be a whole number of minutes, 1 or more');
  }
  const proxy = merged.trustProxy;
  if (proxy !== undefined && typeof proxy !== 'boolean' && !(Array.isArray(proxy) && proxy.every((p) => typeof p === 'string' && p !== ''))) throw bad('trustProxy', 'must be true, false or a list of proxy addresses / CIDR ranges');
  if (merged.ssoLinkVerifiedEmail !== undefined && typeof merged.ssoLinkVerifiedEmail !== 'boolean') throw bad('ssoLinkVerifiedEmail', 'must be true or false');
  if (merged.organisation !== undefined && (typeof merged.organisation !== 'string' || merged.organisation === '')) throw bad('organisation', 'must be an organisation id');
  return merged;
}

/** The id of the node's own organisation (see NodeConfig.organisation). */
export function nodeOrganisationId(config: NodeConfig, info: NodeInfo): string {
  return config.organisation ?? slugify(info.nodeName);
}

/** The API root's URL path, e.g. '/taxii2/setu/'. */
export function apiRootPath(config: NodeConfig): string {
  return `${TAXII_BASE_PATH}/${config.apiRootName}/`;
}

export const TAXII_BASE_PATH = '/taxii2';

export async function readNodeConfig(path: string): Promise<NodeConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_NODE_CONFIG;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SetuError('SETU_ERR_NODE_CONFIG_INVALID', `${path}: not valid JSON: ${(error as Error).message}`, { path });
  }
  return checkConfig(parsed, path);
}

export async function writeNodeConfig(path: string, config: NodeConfig): Promise<void> {
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}
