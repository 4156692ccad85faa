import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, decodeEntities, fieldError, inputValue } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';

let t: TestApp;
let office: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const staff = await createUser(t.db, { role: 'office' });
  office = new TestClient(t.app);
  await office.signIn(staff.email, TEST_PASSWORD);
});
afterAll(() => t.close());

const LIST = '/geschaeftsstelle/organisationen';
/** The value of the visible field (the remove buttons carry hidden inputs of the same name). */
const fieldValue = (html: string, name: string) => decodeEntities(/value="([^"]*)"/.exec(new RegExp(`<input[^>]*id="f-${name}"[^>]*>`).exec(html)?.[0] ?? '')?.[1] ?? '');
const domainsOf = async (id: string) => (await t.db.selectFrom('organisationDomains').select('domain').where('organisationId', '=', id).orderBy('domain').execute()).map((r) => r.domain);

describe('creating an organisation', () => {
  it('names each wrong field (422) and keeps what was typed', async () => {
    const form = await office.get(`${LIST}/neu`);
    expect(form.statusCode).toBe(200);
    const res = await office.post(`${LIST}/neu`, { name: 'Stadt <Beispielhausen>', shortName: 'x'.repeat(41), level: 'galaxis', state: 'XX', type: '', allowSubdomains: 'on' });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, 'shortName')).toContain('höchstens 40 Zeichen');
    expect(fieldError(res.body, 'level')).toBe(decodeEntities('Bitte wählen Sie die Ebene: Bund, Land, Kommune oder sonstige öffentliche Stelle.'));
    expect(decodeEntities(fieldError(res.body, 'state') ?? '')).toBe('Bitte wählen Sie ein Bundesland aus der Liste.');
    expect(fieldError(res.body, 'type')).toBe('Bitte füllen Sie dieses Feld aus.');
    expect(fieldError(res.body, 'name')).toBeUndefined();
    expect(inputValue(res.body, 'name')).toBe('Stadt <Beispielhausen>');
    expect(inputValue(res.body, 'shortName')).toBe('x'.repeat(41));
    expect(res.body).toMatch(/name="allowSubdomains" checked/);
    expect(res.body).toContain('href="#f-level"');
    expect(await t.db.selectFrom('organisations').select('id').where('name', '=', 'Stadt <Beispielhausen>').execute()).toEqual([]);
  });

  it('creates it, logs it, and refuses a second one with the same name', async () => {
    const parent = await createOrganisation(t.db, { name: 'Land Elternland', level: 'land', state: 'HE', type: 'ministerium' });
    const res = await office.post(`${LIST}/neu`, { name: 'Stadt Neugründung', shortName: 'SN', level: 'kommune', state: 'HE', type: 'stadt', parentId: parent.id, allowSubdomains: 'on' });
    expect(res.statusCode).toBe(303);
    const id = /\/geschaeftsstelle\/organisationen\/([A-Za-z0-9_-]+)$/.exec(res.headers.location as string)![1]!;
    const row = await t.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Stadt Neugründung', shortName: 'SN', level: 'kommune', state: 'HE', type: 'stadt', parentId: parent.id, allowSubdomains: true });
    const page = await office.get(res.headers.location as string);
    expect(decodeEntities(page.body)).toContain('Die Organisation „Stadt Neugründung“ ist angelegt.');
    expect(inputValue(page.body, 'name')).toBe('Stadt Neugründung');
    expect(page.body).toContain(`<option value="${parent.id}" selected>`);
    // An organisation cannot be its own parent: it is not offered.
    expect(page.body).not.toContain(`<option value="${id}"`);
    expect(await t.db.selectFrom('auditLog').select('action').where('targetId', '=', id).execute()).toEqual([{ action: 'organisation.create' }]);

    const twice = await office.post(`${LIST}/neu`, { name: 'stadt neugründung', level: 'kommune', type: 'stadt' });
    expect(twice.statusCode).toBe(422);
    expect(fieldError(twice.body, 'name')).toBe('Eine Organisation mit diesem Namen gibt es bereits.');
  });
});

describe('editing an organisation', () => {
  it('saves changes and refuses itself as parent', async () => {
    const org = await createOrganisation(t.db, { name: 'Kreis Altname', level: 'kommune', type: 'kreis' });
    const self = await office.post(`${LIST}/${org.id}`, { name: 'Kreis Neuname', level: 'kommune', type: 'kreis', parentId: org.id });
    expect(self.statusCode).toBe(422);
    expect(fieldError(self.body, 'parentId')).toContain('andere übergeordnete Organisation');
    expect(inputValue(self.body, 'name')).toBe('Kreis Neuname');

    const ok = await office.post(`${LIST}/${org.id}`, { name: 'Kreis Neuname', level: 'kommune', state: 'BY', type: 'kreis' });
    expect(ok.statusCode).toBe(303);
    expect(await t.db.selectFrom('organisations').select(['name', 'state', 'allowSubdomains']).where('id', '=', org.id).executeTakeFirstOrThrow()).toEqual({ name: 'Kreis Neuname', state: 'BY', allowSubdomains: false });
  });
});

describe('domains', () => {
  it('adds a domain (normalised), refuses one owned elsewhere naming the owner, and removes one', async () => {
    await createOrganisation(t.db, { name: 'Stadt Musterstadt', domains: ['musterstadt.example'] });
    const org = await createOrganisation(t.db, { name: 'Gemeinde Domainhausen' });

    const add = await office.post(`${LIST}/${org.id}/domains`, { domain: '@Domainhausen.EXAMPLE' });
    expect(add.statusCode).toBe(303);
    expect(await domainsOf(org.id)).toEqual(['domainhausen.example']);
    expect(decodeEntities((await office.get(`${LIST}/${org.id}`)).body)).toContain('Die Domain domainhausen.example gehört jetzt zu dieser Organisation.');

    const taken = await office.post(`${LIST}/${org.id}/domains`, { domain: 'musterstadt.example' });
    expect(taken.statusCode).toBe(422);
    expect(decodeEntities(fieldError(taken.body, 'domain') ?? '')).toBe('Diese Domain gehört bereits zur Organisation „Stadt Musterstadt“. Eine Domain kann nur zu einer Organisation gehören.');
    expect(fieldValue(taken.body, 'domain')).toBe('musterstadt.example');
    expect(inputValue(taken.body, 'name')).toBe('Gemeinde Domainhausen');

    const invalid = await office.post(`${LIST}/${org.id}/domains`, { domain: 'kein domain' });
    expect(invalid.statusCode).toBe(422);
    expect(decodeEntities(fieldError(invalid.body, 'domain') ?? '')).toContain('Bitte geben Sie eine Domain wie');
    expect(await domainsOf(org.id)).toEqual(['domainhausen.example']);

    const page = await office.get(`${LIST}/${org.id}`);
    expect(page.body).toContain('aria-label="Domain domainhausen.example entfernen"');
    expect((await office.post(`${LIST}/${org.id}/domains/entfernen`, { domain: 'domainhausen.example' })).statusCode).toBe(303);
    expect(await domainsOf(org.id)).toEqual([]);
    expect((await office.post(`${LIST}/${org.id}/domains/entfernen`, { domain: 'domainhausen.example' })).statusCode).toBe(404);
    const log = await t.db.selectFrom('auditLog').select('action').where('targetId', '=', org.id).orderBy('id').execute();
    expect(log.map((r) => r.action)).toEqual(['organisation.domain.add', 'organisation.domain.remove']);
  });
});

describe('the office list', () => {
  it('filters by name, level and state and links to the edit page', async () => {
    const a = await createOrganisation(t.db, { name: 'Filteramt Hessen', level: 'land', state: 'HE', type: 'landesbehoerde' });
    await createOrganisation(t.db, { name: 'Filteramt Bayern', level: 'land', state: 'BY', type: 'landesbehoerde' });
    const res = await office.get(`${LIST}?q=filteramt&level=land&state=HE`);
    expect(res.statusCode).toBe(200);
    expect(decodeEntities(res.body)).toContain('1 Organisation');
    expect(res.body).toContain(`href="${LIST}/${a.id}"`);
    expect(res.body).not.toContain('Filteramt Bayern');
    expect(res.body).toContain(`href="${LIST}/neu"`);
    expect(res.body).toContain('<option value="HE" selected>');
  });
});
