import { ApiProblem, CSRF_HEADER, api, parseJson, readCookie, stringifyJson, whenSignedOut } from './api';

type Call = { url: string; init: RequestInit };

function stubFetch(answers: Array<(call: Call) => Response>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call = { url, init };
      calls.push(call);
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected fetch ${url}`);
      return answer(call);
    }),
  );
  return calls;
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

function clearCookies() {
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

describe('api', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    clearCookies();
  });

  it('reads cookies by name', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=abc%3D; b=2')).toBe('abc=');
    expect(readCookie('XSRF-TOKEN', 'a=1')).toBeNull();
  });

  it('sends the XSRF-TOKEN cookie as X-XSRF-TOKEN on a state-changing request, not on a GET', async () => {
    document.cookie = 'XSRF-TOKEN=token-1; path=/';
    const calls = stubFetch([() => json(200, { ok: true }), () => json(200, { ok: true })]);

    await api('GET', '/api/portal/me');
    await api('POST', '/api/portal/partner/customers/customer:bistro/credits', { commandId: 'c' });

    expect((calls[0].init.headers as Record<string, string>)[CSRF_HEADER]).toBeUndefined();
    expect((calls[1].init.headers as Record<string, string>)[CSRF_HEADER]).toBe('token-1');
    expect(calls[1].init.credentials).toBe('same-origin');
  });

  it('asks the server for the CSRF cookie first when it is absent', async () => {
    const calls = stubFetch([
      () => {
        document.cookie = 'XSRF-TOKEN=fresh; path=/';
        return json(200, { token: 'fresh' });
      },
      () => json(200, { email: 'x' }),
    ]);

    await api('POST', '/api/portal/session', { email: 'x', password: 'y' });

    expect(calls.map((c) => c.url)).toEqual(['/api/portal/csrf', '/api/portal/session']);
    expect((calls[1].init.headers as Record<string, string>)[CSRF_HEADER]).toBe('fresh');
  });

  it('turns a problem body into an ApiProblem naming its code and field', async () => {
    document.cookie = 'XSRF-TOKEN=t; path=/';
    stubFetch([
      () =>
        json(
          400,
          { code: 'INVALID_TEXT', detail: 'the note has a control character', field: 'note' },
          'application/problem+json',
        ),
    ]);

    const error = await api('POST', '/x', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 400, code: 'INVALID_TEXT', field: 'note', message: 'the note has a control character' });
  });

  it('sends the user to sign-in on a 401, but not for a refused sign-in', async () => {
    document.cookie = 'XSRF-TOKEN=t; path=/';
    const signedOut = vi.fn();
    whenSignedOut(signedOut);
    stubFetch([() => json(401, { code: 'UNAUTHENTICATED' }), () => json(401, { code: 'INVALID_CREDENTIALS' })]);

    await api('GET', '/api/portal/me').catch(() => undefined);
    expect(signedOut).toHaveBeenCalledTimes(1);
    await api('POST', '/api/portal/session', { email: 'a', password: 'b' }).catch(() => undefined);
    expect(signedOut).toHaveBeenCalledTimes(1);
  });

  it('reports an unreachable portal in words', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api('GET', '/api/portal/me')).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('keeps amounts as BigInt both ways, as JSON numbers', () => {
    expect(parseJson('{"balanceUcr": 723750000, "name": "x"}')).toEqual({ balanceUcr: 723_750_000n, name: 'x' });
    expect(stringifyJson({ amountUcr: 12_500_000n, note: 'n' })).toBe('{"amountUcr":12500000,"note":"n"}');
  });
});
