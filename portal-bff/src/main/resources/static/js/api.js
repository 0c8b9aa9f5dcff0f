// The portal BFF's JSON API. Fields named *Ucr become BigInt straight from the JSON text, so
// micro-credit amounts above 2^53 keep every digit.
export class ApiProblem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.code = body?.code || `HTTP_${status}`;
  }
}

let onUnauthenticated = () => {};
export function whenSignedOut(handler) {
  onUnauthenticated = handler;
}

function parse(text) {
  return JSON.parse(text, function revive(key, value, context) {
    if (key.endsWith('Ucr') && typeof value === 'number') {
      return context?.source ? BigInt(context.source) : BigInt(value);
    }
    return value;
  });
}

// A BigInt travels as a JSON number with every digit: the BFF refuses a number in quotes
// ("12500000") as MALFORMED_JSON. Browsers without JSON.rawJSON get a marked string that is
// unquoted after stringifying (a typed text matches only if it is a NUL and the mark, a body the
// BFF refuses either way).
const BIGINT_MARK = '\u0000bigint:';
function stringify(body) {
  const text = JSON.stringify(body, (key, value) => {
    if (typeof value !== 'bigint') return value;
    return JSON.rawJSON ? JSON.rawJSON(value.toString()) : BIGINT_MARK + value.toString();
  });
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}

// CSRF: every state-changing request carries the XSRF-TOKEN cookie's value as X-XSRF-TOKEN (sign-in
// and sign-out too). Another site can neither read the cookie nor set the header. With no cookie
// yet (first visit, after sign-out), GET /api/portal/csrf sets one.
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function csrfCookie() {
  const found = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return found ? decodeURIComponent(found.slice('XSRF-TOKEN='.length)) : null;
}

async function csrfToken() {
  const cookie = csrfCookie();
  if (cookie) return cookie;
  const response = await fetch('/api/portal/csrf', { credentials: 'same-origin' });
  return (await response.json()).token;
}

async function send(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = stringify(body);
  }
  if (!READS.has(method)) init.headers['X-XSRF-TOKEN'] = await csrfToken();
  return fetch(path, init);
}

export async function api(method, path, body) {
  let response;
  try {
    response = await send(method, path, body);
    // A token gone stale (the session expired, another tab signed in) is fetched anew, once.
    if (response.status === 403 && !READS.has(method)) {
      const refused = await response.clone().json().catch(() => null);
      if (refused?.code === 'FORBIDDEN') {
        document.cookie = 'XSRF-TOKEN=; Max-Age=0; Path=/; SameSite=Lax';
        response = await send(method, path, body);
      }
    }
  } catch (e) {
    throw new ApiProblem(0, { code: 'NETWORK', detail: 'The portal is not reachable. Try again.' });
  }
  const text = await response.text();
  const json = text ? parse(text) : null;
  if (!response.ok) {
    const problem = new ApiProblem(response.status, json);
    if (response.status === 401 && path !== '/api/portal/session') onUnauthenticated();
    throw problem;
  }
  return json;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);
