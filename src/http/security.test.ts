/**
 * The protected space at the HTTP level: CSRF, foreign origins, deny by default, address
 * tricks at registration, rate limits, and the API's error answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { TestClient, fieldError } from '../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_MAX_PER_IP: 1000 } });
  await createOrganisation(t.db, { name: 'Stadt Musterstadt', domains: ['musterstadt.example'] });
  await createOrganisation(t.db, { name: 'Land Beispiel', level: 'land', domains: ['land-beispiel.example'], allowSubdomains: true });
});
afterAll(() => t.close());

describe('CSRF and origins', () => {
  it('refuses a form post without a token, also for sign-in and sign-out', async () => {
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    await client.get('/anmelden');
    expect((await client.post('/anmelden', { email: user.email, password: TEST_PASSWORD }, { csrf: false })).statusCode).toBe(403);
    expect((await client.post('/anmelden', { email: user.email, password: TEST_PASSWORD }, { csrf: 'forged-token' })).statusCode).toBe(403);
    await client.signIn(user.email, TEST_PASSWORD);
    expect((await client.post('/abmelden', {}, { csrf: false })).statusCode).toBe(403);
    expect((await client.api('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('refuses cookie-authenticated API writes without the x-csrf-token header', async () => {
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD);
    client.csrf = '';
    const res = await client.api('DELETE', '/api/v1/session');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf' });
  });

  it('refuses the JSON sign-in from a foreign origin and accepts it from ours', async () => {
    const user = await createUser(t.db);
    const body = JSON.stringify({ email: user.email, password: TEST_PASSWORD });
    const foreign = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, payload: body });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('foreign_origin');
    const ours = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json', origin: t.config.baseUrl.origin }, payload: body });
    expect(ours.statusCode).toBe(200);
    expect(ours.json()).toMatchObject({ user: { id: user.id, role: 'member' }, csrfToken: expect.any(String) });
  });
});

describe('deny by default', () => {
  it('sends visitors of member pages to sign-in, API callers get 401, applicants 403, office pages 404', async () => {
    const visitor = new TestClient(t.app);
    const page = await visitor.get('/organisationen');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/anmelden?next=%2Forganisationen');
    expect((await visitor.get('/api/v1/me')).statusCode).toBe(401);

    const applicant = await createUser(t.db, { role: 'applicant' });
    const client = new TestClient(t.app);
    await client.signIn(applicant.email, TEST_PASSWORD);
    expect((await client.get('/organisationen')).statusCode).toBe(403);
    expect((await client.get('/geschaeftsstelle/pruefung')).statusCode).toBe(404);
    expect((await client.get('/konto')).statusCode).toBe(200);
  });

  it('only redirects to paths on our own origin after sign-in', async () => {
    const user = await createUser(t.db);
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const client = new TestClient(t.app);
      await client.get('/anmelden');
      const res = await client.post('/anmelden', { email: user.email, password: TEST_PASSWORD, next });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/');
    }
  });
});

describe('verification by domain withstands address tricks', () => {
  async function registerAndConfirm(email: string): Promise<string> {
    const client = new TestClient(t.app);
    await client.get('/registrieren');
    const res = await client.post('/registrieren', { name: 'Test', email, password: 'ein langes passwort', organisationId: 'other', organisationOther: 'Irgendwo' });
    if (res.statusCode === 422) return 'refused';
    expect(res.statusCode).toBe(303);
    const mails = await t.outbox.all();
    const mail = mails.filter((m) => m.subject.includes('bestätigen')).at(-1)!;
    const link = mail.links.find((l) => l.includes('/registrieren/bestaetigen/'))!;
    await client.post(new URL(link).pathname);
    return (await client.api('GET', '/api/v1/me')).json().role as string;
  }

  it.each([
    'evil@musterstadt.example.attacker.example',
    'evil@evilmusterstadt.example',
    'evil@musterst\u0430dt.example',
    'evil@xn--musterstadt-9db.example',
    'musterstadt.example+evil@attacker.example',
    'evil@sub.musterstadt.example',
    '"evil@attacker.example"@musterstadt.example',
    'evil%40attacker.example@musterstadt.example',
    'evil@musterstadt%2Eexample',
    'evil@musterstadt.example.',
    'evil@attacker.example(musterstadt.example)',
  ])('%s does not become a member', async (email) => {
    expect(await registerAndConfirm(email)).not.toBe('member');
  });

  it('accepts mixed case and the subdomains of an organisation that allows them', async () => {
    expect(await registerAndConfirm('Ida.Klein@MUSTERSTADT.example')).toBe('member');
    expect(await registerAndConfirm('amt@finanzen.land-beispiel.example')).toBe('member');
  });
});

describe('rate limits', () => {
  it('answer 429 with a German message and let the real person in after the window', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_WINDOW_SECONDS: 2, RATE_LIMIT_MAX_PER_ACCOUNT: 3 } });
    try {
      const user = await createUser(limited.db, { email: 'ziel@musterstadt.example' });
      const attacker = new TestClient(limited.app);
      await attacker.get('/anmelden');
      for (let i = 0; i < 3; i++) expect((await attacker.post('/anmelden', { email: user.email, password: `falsch-${i}` })).statusCode).toBe(422);
      const blocked = await attacker.post('/anmelden', { email: user.email, password: TEST_PASSWORD });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      expect(blocked.body).toContain('Zu viele Versuche');
      const api = await limited.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password: TEST_PASSWORD } });
      expect(api.statusCode).toBe(429);
      expect(api.json()).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('Zu viele Versuche') });

      await new Promise((resolve) => setTimeout(resolve, 2100)); // let the 2-second window pass
      const person = new TestClient(limited.app);
      await person.get('/anmelden');
      expect((await person.post('/anmelden', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(303);
    } finally {
      await limited.close();
    }
  });

  it('limits password reset and link requests per address too', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_MAX_PER_ACCOUNT: 2 } });
    try {
      const client = new TestClient(limited.app);
      await client.get('/passwort-vergessen');
      for (let i = 0; i < 2; i++) expect((await client.post('/passwort-vergessen', { email: 'x@musterstadt.example' })).statusCode).toBe(303);
      const res = await client.post('/passwort-vergessen', { email: 'x@musterstadt.example' });
      expect(res.statusCode).toBe(429);
      expect(fieldError(res.body, 'email')).toBeUndefined();
      expect(res.body).toContain('Zu viele Versuche');
      expect(res.body).toContain('value="x@musterstadt.example"');
      for (let i = 0; i < 2; i++) await client.post('/anmelden/link', { email: 'y@musterstadt.example' });
      expect((await client.post('/anmelden/link', { email: 'y@musterstadt.example' })).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('API errors', () => {
  it('answers {code, message} with 400, 401, 404 and 422 as documented', async () => {
    const badJson = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ code: 'bad_request', message: expect.any(String) });

    const wrongShape = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: ['a'], password: 5 } });
    expect(wrongShape.statusCode).toBe(422);
    expect(wrongShape.json().code).toBe('validation_failed');

    const proto = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"admin":true},"email":"a@b.example","password":"x"}' });
    expect(proto.statusCode).toBe(400);

    const wrongPassword = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'nobody@musterstadt.example', password: 'nope' } });
    expect(wrongPassword.statusCode).toBe(422);
    expect(wrongPassword.json().code).toBe('invalid_credentials');

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).json()).toMatchObject({ code: 'unauthenticated' });
    // Unknown API paths look like every protected one to a visitor, and are 404 for members.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/does-not-exist' })).statusCode).toBe(401);
    const member = new TestClient(t.app);
    await member.signIn((await createUser(t.db)).email, TEST_PASSWORD);
    const missing = await member.api('GET', '/api/v1/does-not-exist');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    expect(missing.body).not.toMatch(/stack|at .*\.ts/);
  });

  it('answers 413 for oversized bodies and never 500 for garbage', async () => {
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'a'.repeat(2_000_000), password: 'x' } });
    expect(huge.statusCode).toBe(413);
    const formProto = new TestClient(t.app);
    await formProto.get('/registrieren');
    const res = await formProto.post('/registrieren', { __proto__: 'x', constructor: 'y', name: ['a', 'b'], email: 'a@b.example' } as Record<string, string | string[]>);
    expect(res.statusCode).toBe(422);
  });

  it('serves the OpenAPI document with the session and me routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/session', '/api/v1/me']));
  });
});

describe('security headers', () => {
  it('sends a strict CSP without inline scripts or other hosts, no framing, and no-store pages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sets HSTS and Secure cookies when BASE_URL is https', async () => {
    const https = await createTestApp({ env: { BASE_URL: 'https://knotenpunkt.example.org' } });
    try {
      const res = await https.app.inject({ method: 'GET', url: '/anmelden' });
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      const cookies = res.cookies as { name: string; secure?: boolean; httpOnly?: boolean; sameSite?: string }[];
      expect(cookies.length).toBeGreaterThan(0);
      for (const c of cookies) expect(c).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    } finally {
      await https.close();
    }
  });
});
