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

// A BigInt travels as a decimal string ("12500000"); the BFF reads it as a whole number.
function stringify(body) {
  return JSON.stringify(body, (key, value) => (typeof value === 'bigint'
    ? value.toString() : value));
}

export async function api(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
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
