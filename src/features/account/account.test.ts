import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, fieldError } from '../../../test/helpers/client.js';
import { createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function tokenFrom(html: string): string {
  const match = /id="new-token">([^<]+)</.exec(html);
  if (!match) throw new Error('no token shown');
  return match[1]!;
}

describe('sessions', () => {
  it('lists my sessions and ends another one, which signs that device out', async () => {
    const user = await createUser(t.db);
    const laptop = new TestClient(t.app);
    const phone = new TestClient(t.app);
    await laptop.signIn(user.email, TEST_PASSWORD);
    await phone.signIn(user.email, TEST_PASSWORD);
    const page = await laptop.get('/konto/sitzungen');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Aktive Sitzungen: 2');
    expect(page.body).toContain('Diese Sitzung');
    const other = /action="\/konto\/sitzungen\/([^/]+)\/beenden"/.exec(page.body)![1]!;
    expect((await laptop.post(`/konto/sitzungen/${other}/beenden`)).statusCode).toBe(303);
    expect((await phone.api('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await laptop.api('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it("cannot end someone else's session (404)", async () => {
    const a = await createUser(t.db);
    const b = await createUser(t.db);
    const ca = new TestClient(t.app);
    const cb = new TestClient(t.app);
    await ca.signIn(a.email, TEST_PASSWORD);
    await cb.signIn(b.email, TEST_PASSWORD);
    const bSession = /action="\/konto\/sitzungen\/([^/]+)\/beenden"/.exec((await cb.get('/konto/sitzungen')).body);
    const bRows = await t.db.selectFrom('sessions').select('id').where('userId', '=', b.id).execute();
    expect(bSession).toBeNull(); // only one session: nothing to end
    expect((await ca.post(`/konto/sitzungen/${bRows[0]!.id}/beenden`)).statusCode).toBe(404);
    expect((await cb.api('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('issues a new session identifier at every sign-in and drops it at sign-out', async () => {
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD);
    const first = await t.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute();
    await client.get('/anmelden');
    await client.post('/abmelden');
    expect(await t.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute()).toHaveLength(0);
    await client.signIn(user.email, TEST_PASSWORD);
    const second = await t.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute();
    expect(second).toHaveLength(1);
    expect(second[0]!.id).not.toBe(first[0]!.id);
  });
});

describe('personal access tokens', () => {
  it('creates a token shown once, which reads the API without CSRF and can be revoked', async () => {
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD);
    await client.get('/konto/zugangstoken');
    const created = await client.post('/konto/zugangstoken', { name: 'Auswertung', scopes: ['read'] });
    expect(created.statusCode).toBe(201);
    const token = tokenFrom(created.body);
    expect((await client.get('/konto/zugangstoken')).body).not.toContain(token);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(user.id);
    // A read-only token cannot write; tokens do not open HTML pages.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/konto', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(303);

    const id = /action="\/konto\/zugangstoken\/([^/]+)\/widerrufen"/.exec((await client.get('/konto/zugangstoken')).body)![1]!;
    expect((await client.post(`/konto/zugangstoken/${id}/widerrufen`)).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('asks for a name and at least one scope, keeping what was typed', async () => {
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD);
    await client.get('/konto/zugangstoken');
    const res = await client.post('/konto/zugangstoken', { name: 'Skript', scopes: [] });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('mindestens eine Berechtigung');
    expect(res.body).toContain('value="Skript"');
    const tooLong = await client.post('/konto/zugangstoken', { name: 'x'.repeat(81), scopes: ['read', 'admin'] });
    expect(tooLong.statusCode).toBe(422);
    expect(fieldError(tooLong.body, 'name')).toContain('höchstens 80 Zeichen');
  });
});

describe('password and address changes', () => {
  it('needs the current password, then ends the other sessions', async () => {
    const user = await createUser(t.db);
    const here = new TestClient(t.app);
    const elsewhere = new TestClient(t.app);
    await here.signIn(user.email, TEST_PASSWORD);
    await elsewhere.signIn(user.email, TEST_PASSWORD);
    await here.get('/konto/passwort');
    const wrong = await here.post('/konto/passwort', { currentPassword: 'falsch', password: 'ein neues langes passwort' });
    expect(wrong.statusCode).toBe(422);
    expect(fieldError(wrong.body, 'currentPassword')).toContain('nicht richtig');
    expect((await here.post('/konto/passwort', { currentPassword: TEST_PASSWORD, password: 'ein neues langes passwort' })).statusCode).toBe(303);
    expect((await elsewhere.api('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await here.api('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('changes the address only after the new one confirms, and the old reset links die', async () => {
    const user = await createUser(t.db, { email: 'alt@stadt.example' });
    const client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD);
    await client.get('/passwort-vergessen');
    await client.post('/passwort-vergessen', { email: 'alt@stadt.example' });
    const resetLink = await t.outbox.link('alt@stadt.example', '/passwort-zuruecksetzen/');

    await client.get('/konto/email');
    expect((await client.post('/konto/email', { email: 'neu@stadt.example', currentPassword: 'falsch' })).statusCode).toBe(422);
    expect((await client.post('/konto/email', { email: 'neu@stadt.example', currentPassword: TEST_PASSWORD })).statusCode).toBe(303);
    expect((await client.api('GET', '/api/v1/me')).json().email).toBe('alt@stadt.example');
    expect((await t.outbox.last('alt@stadt.example')).text).toContain('neu@stadt.example');

    const confirm = new URL(await t.outbox.link('neu@stadt.example', '/konto/email/bestaetigen/')).pathname;
    expect((await client.post(confirm)).statusCode).toBe(303);
    expect((await client.api('GET', '/api/v1/me')).json().email).toBe('neu@stadt.example');
    expect((await client.post(confirm)).statusCode).toBe(410);

    const stranger = new TestClient(t.app);
    expect((await stranger.get(new URL(resetLink).pathname)).statusCode).toBe(410);
  });
});
