// TAXII 2.1 media types and content negotiation: which Accept headers this server can satisfy
// (else 406) and which request Content-Types it reads (else 415).

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const TAXII_BASE_TYPE = 'application/taxii+json';
export const TAXII_VERSION = '2.1';

/** The STIX media type of an object of a given spec_version, as manifests report it. */
export function stixMediaType(specVersion: string): string {
  return `application/stix+json;version=${specVersion}`;
}

interface MediaRange {
  readonly type: string;
  readonly params: ReadonlyMap<string, string>;
}

function parseMediaRange(text: string): MediaRange | undefined {
  const parts = text.split(';');
  const type = (parts[0] ?? '').trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+*-]+\/[a-z0-9!#$&^_.+*-]+$/.test(type)) return undefined;
  const params = new Map<string, string>();
  for (const raw of parts.slice(1)) {
    const eq = raw.indexOf('=');
    if (eq < 0) continue;
    const name = raw.slice(0, eq).trim().toLowerCase();
    let value = raw.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    params.set(name, value);
  }
  return { type, params };
}

/** True when a TAXII media type with these parameters means TAXII 2.1 (no version = the latest). */
function isTaxii21(range: MediaRange): boolean {
  const version = range.params.get('version');
  return range.type === TAXII_BASE_TYPE && (version === undefined || version === TAXII_VERSION);
}

/**
 * Whether an Accept header admits `application/taxii+json;version=2.1`. A missing or empty header
 * admits anything (RFC 9110); `* / *` and `application/*` admit it; a q of 0 excludes a range.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  for (const item of accept.split(',')) {
    const range = parseMediaRange(item);
    if (range === undefined) continue;
    const q = Number(range.params.get('q') ?? '1');
    if (!(q > 0)) continue;
    if (range.type === '*/*' || range.type === 'application/*' || isTaxii21(range)) return true;
  }
  return false;
}

/** Whether a request Content-Type is the TAXII 2.1 media type (version parameter optional). */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const range = parseMediaRange(contentType);
  return range !== undefined && isTaxii21(range);
}
