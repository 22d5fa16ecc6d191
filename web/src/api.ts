// Every request the console makes goes to the same JSON API (/api/v1) and TAXII 2.1 server the CLI
// and partners use, with the signed-in person's session cookie (plus X-Setu-CSRF on state-changing
// calls) or the token kept in sessionStorage (as a Bearer header, never in a URL).
export const TAXII_ACCEPT = 'application/taxii+json;version=2.1';

export type Credentials = { readonly kind: 'token'; readonly token: string } | { readonly kind: 'session' };

const TOKEN_KEY = 'setu.token';

export function storedToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function keepToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The CSRF token the node set in the readable setu_csrf cookie at sign-in. */
function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'setu_csrf') return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** A failed request: the HTTP status and the node's error body (error_code, description). */
export class RequestFailed extends Error {
  readonly status: number;
  readonly code: string | undefined;
  constructor(status: number, code: string | undefined, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  readonly taxii?: boolean;
}

export async function request<T>(credentials: Credentials | undefined, path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: options.taxii ? TAXII_ACCEPT : 'application/json' };
  if (credentials?.kind === 'token') headers.authorization = `Bearer ${credentials.token}`;
  if (credentials?.kind === 'session' && method !== 'GET') {
    const csrf = csrfToken();
    if (csrf !== undefined) headers['x-setu-csrf'] = csrf;
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    const body = (parsed ?? {}) as { error_code?: string; description?: string; title?: string };
    throw new RequestFailed(response.status, body.error_code, body.description ?? body.title ?? response.statusText);
  }
  return parsed as T;
}
