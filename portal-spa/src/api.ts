// The one way the SPA talks to portal-bff. The session is an HttpOnly cookie the browser sends by
// itself; state-changing requests carry the CSRF token Spring Security keeps in the readable
// XSRF-TOKEN cookie as the X-XSRF-TOKEN header; a 401 sends the user to sign-in; a refusal is the
// problem body of docs/errors.md (code, detail, field), thrown as an ApiProblem.
//
// Amounts (*Ucr fields) are micro-credits and become BigInt straight from the JSON text, so an
// amount above 2^53 keeps every digit; they travel back as JSON numbers (the BFF refuses "5").

export interface ProblemBody {
  code?: string;
  title?: string;
  detail?: string;
  field?: string;
  status?: number;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;

  constructor(status: number, body: ProblemBody | null) {
    super(body?.detail || body?.title || `The portal answered HTTP ${status}.`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = body?.code || `HTTP_${status}`;
    this.field = body?.field || undefined;
  }
}

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
const SESSION_PATH = '/api/portal/session';
const PRIME_PATH = '/api/portal/csrf';

let onUnauthenticated: () => void = () => {};

/** Called on any 401 but a failed sign-in: the app shows the sign-in page. */
export function whenSignedOut(handler: () => void): void {
  onUnauthenticated = handler;
}

export function readCookie(name: string, cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

const isSafe = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * The CSRF token for a state-changing request. When the cookie is absent (a first visit, or a
 * session just replaced), one GET of the CSRF endpoint lets the server set it.
 */
async function csrfToken(): Promise<string | null> {
  let token = readCookie(CSRF_COOKIE);
  if (token == null) {
    try {
      await fetch(PRIME_PATH, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    } catch {
      // The request itself reports an unreachable portal.
    }
    token = readCookie(CSRF_COOKIE);
  }
  return token;
}

type Reviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;

export function parseJson(text: string): unknown {
  const revive: Reviver = (key, value, context) => {
    if (key.endsWith('Ucr') && typeof value === 'number') {
      return context?.source ? BigInt(context.source) : BigInt(Math.trunc(value));
    }
    return value;
  };
  return JSON.parse(text, revive as (key: string, value: unknown) => unknown);
}

// A BigInt becomes a JSON number with every digit: JSON.rawJSON where the browser has it, else a
// marked string unquoted after stringifying.
const BIGINT_MARK = '\u0000bigint:';
export function stringifyJson(body: unknown): string {
  const raw = (JSON as unknown as { rawJSON?: (text: string) => unknown }).rawJSON;
  const text = JSON.stringify(body, (_key, value) => {
    if (typeof value !== 'bigint') return value;
    return raw ? raw(value.toString()) : BIGINT_MARK + value.toString();
  });
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = stringifyJson(body);
  }
  if (!isSafe(method)) {
    const token = await csrfToken();
    if (token != null) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiProblem(0, {
      code: 'NETWORK',
      detail: 'The portal cannot be reached. Check your connection and try again.',
    });
  }
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = parseJson(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const problem = new ApiProblem(response.status, (json as ProblemBody) ?? null);
    if (response.status === 401 && !(path === SESSION_PATH && method === 'POST')) {
      onUnauthenticated();
    }
    throw problem;
  }
  return json as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown) => api<T>('POST', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** One id per form submission, kept until it succeeds, so a retry is never applied twice. */
export function newCommandId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A user-facing message for anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
