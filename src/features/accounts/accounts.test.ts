import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, fieldError, inputValue } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createOrganisation(t.db, { name: 'Stadt Musterstadt', domains: ['musterstadt.example'] });
});
afterAll(() => t.close());

describe('registration', () => {
  it('makes a person with a directory domain a member once the address is confirmed', async () => {
    const client = new TestClient(t.app);
    await client.get('/registrieren');
    const res = await client.post('/registrieren', { name: 'Erika Muster', email: 'Erika.Muster@MusterStadt.example', password: 'ein langes passwort', organisationId: 'other', organisationOther: 'Stadt' });
    expect(res.statusCode).toBe(303);
    const link = await t.outbox.link('erika.muster@musterstadt.example', '/registrieren/bestaetigen/');
    const path = new URL(link).pathname;
    expect((await client.get(path)).statusCode).toBe(200);
    expect((await client.post(path)).statusCode).toBe(303);
    const me = await client.api('GET', '/api/v1/me');
    expect(me.json()).toMatchObject({ role: 'member', email: 'erika.muster@musterstadt.example', verification: { state: 'verified', via: 'domain' } });
  });

  it('keeps what was typed and names the field when the form has errors', async () => {
    const client = new TestClient(t.app);
    await client.get('/registrieren');
    const res = await client.post('/registrieren', { name: 'Max <b>Muster</b>', email: 'kein-at-zeichen', password: 'kurz', reason: 'Ich arbeite im Bauamt' });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, 'email')).toContain('gültige E-Mail-Adresse');
    expect(fieldError(res.body, 'password')).toContain('12 bis 200 Zeichen');
    expect(inputValue(res.body, 'name')).toBe('Max <b>Muster</b>');
    expect(res.body).not.toContain('<b>Muster</b>');
    expect(inputValue(res.body, 'email')).toBe('kein-at-zeichen');
    expect(res.body).toContain('Ich arbeite im Bauamt</textarea>');
    expect(res.body).not.toContain(TEST_PASSWORD);
  });
});

describe('sign-in', () => {
  it('signs in with the right password and refuses the wrong one with the same message for unknown addresses', async () => {
    const user = await createUser(t.db, { email: 'anna@musterstadt.example' });
    const client = new TestClient(t.app);
    await client.get('/anmelden');
    const wrong = await client.post('/anmelden', { email: user.email, password: 'falsches passwort' });
    const unknown = await client.post('/anmelden', { email: 'niemand@musterstadt.example', password: 'falsches passwort' });
    expect(wrong.statusCode).toBe(422);
    expect(unknown.statusCode).toBe(422);
    expect(fieldError(wrong.body, 'password')).toBe(fieldError(unknown.body, 'password'));
    const ok = await client.post('/anmelden', { email: user.email, password: TEST_PASSWORD });
    expect(ok.statusCode).toBe(303);
    expect((await client.api('GET', '/api/v1/me')).json().id).toBe(user.id);
  });
});

describe('one-time links', () => {
  it('signs in once with a link from the mail; the link then no longer works', async () => {
    const user = await createUser(t.db, { email: 'link@musterstadt.example' });
    const client = new TestClient(t.app);
    await client.get('/anmelden/link');
    expect((await client.post('/anmelden/link', { email: 'LINK@musterstadt.example' })).statusCode).toBe(303);
    const path = new URL(await t.outbox.link(user.email, '/anmelden/link/')).pathname;
    expect((await client.get(path)).statusCode).toBe(200);
    expect((await client.post(path)).statusCode).toBe(303);
    expect((await client.api('GET', '/api/v1/me')).json().id).toBe(user.id);
    const again = new TestClient(t.app);
    expect((await again.post(path)).statusCode).toBe(410);
  });

  it('answers the same for unknown addresses and sends nothing', async () => {
    const client = new TestClient(t.app);
    await client.get('/anmelden/link');
    const before = (await t.outbox.all()).length;
    const res = await client.post('/anmelden/link', { email: 'unbekannt@musterstadt.example' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/anmelden/link/gesendet');
    expect((await t.outbox.all()).length).toBe(before);
  });

  it('resets the password with a single-use link and ends all sessions', async () => {
    const user = await createUser(t.db, { email: 'reset@musterstadt.example' });
    const signedIn = new TestClient(t.app);
    await signedIn.signIn(user.email, TEST_PASSWORD);
    const client = new TestClient(t.app);
    await client.get('/passwort-vergessen');
    await client.post('/passwort-vergessen', { email: user.email });
    const mail = await t.outbox.last(user.email);
    expect(mail.subject).toBe('Passwort für Knotenpunkt zurücksetzen');
    expect(mail.html).toContain('<a href="http://127.0.0.1');
    const path = new URL(await t.outbox.link(user.email, '/passwort-zuruecksetzen/')).pathname;
    expect((await client.get(path)).statusCode).toBe(200);
    expect((await client.post(path, { password: 'kurz' })).statusCode).toBe(422);
    expect((await client.post(path, { password: 'das neue lange passwort' })).statusCode).toBe(303);
    expect((await client.post(path, { password: 'noch ein anderes passwort' })).statusCode).toBe(410);
    expect((await signedIn.api('GET', '/api/v1/me')).statusCode).toBe(401);
    const fresh = new TestClient(t.app);
    await fresh.get('/anmelden');
    expect((await fresh.post('/anmelden', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(422);
    expect((await fresh.post('/anmelden', { email: user.email, password: 'das neue lange passwort' })).statusCode).toBe(303);
  });

  it('registering an existing address tells its owner instead of the visitor', async () => {
    await createUser(t.db, { email: 'vorhanden@musterstadt.example' });
    const client = new TestClient(t.app);
    await client.get('/registrieren');
    const res = await client.post('/registrieren', { name: 'Fremd', email: 'vorhanden@musterstadt.example', password: 'ein langes passwort', organisationId: 'other', organisationOther: 'X' });
    expect(res.statusCode).toBe(303);
    expect((await t.outbox.last('vorhanden@musterstadt.example')).subject).toBe('Registrierung bei Knotenpunkt');
  });

  it('sends well-formed German mail with both parts', async () => {
    const mail = await t.outbox.last('reset@musterstadt.example');
    expect(mail.from).toContain('Knotenpunkt');
    expect(mail.text).toContain('Guten Tag');
    expect(mail.html).toContain('lang="de"');
    expect(mail.headers.get('message-id')).toBeTruthy();
  });
});
