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
