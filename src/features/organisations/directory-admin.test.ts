import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';

let t: TestApp;
let office: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  await createOrganisation(t.db, { name: 'Stadt Altstadt', domains: ['altstadt.example'] });
  await createOrganisation(t.db, { name: 'Land Beispiel', level: 'land', state: 'BY', domains: ['land.example'] });
  const staff = await createUser(t.db, { role: 'office' });
  office = new TestClient(t.app);
  await office.signIn(staff.email, TEST_PASSWORD);
  await office.get('/geschaeftsstelle/organisationen/import');
});
afterAll(() => t.close());

const csv = [
  'name;short_name;level;state;type;domains;parent;allow_subdomains',
  'Stadt Neustadt;;Kommune;NW;stadt;neustadt.example;;nein',
  'Stadt Altstadt;Altst.;Kommune;NW;stadt;altstadt.example rathaus-altstadt.example;;ja',
  'Stadt Neustadt;;Kommune;NW;stadt;;;',
  'Kreis Konflikt;;Kommune;NW;kreis;land.example;;',
  ';;Kommune;NW;stadt;;;',
  'Amt Unbekannt;;Planet;XX;stadt;keine domain;;',
  'Ortsteil Neustadt-Süd;;Kommune;NW;gemeinde;;Stadt Neustadt;',
].join('\n');

describe('CSV import', () => {
  it('previews line by line and writes nothing before the office confirms', async () => {
    const before = await t.db.selectFrom('organisations').select('id').execute();
    const upload = await office.postMultipart('/geschaeftsstelle/organisationen/import', {}, { field: 'file', filename: 'orgs.csv', content: csv });
    expect(upload.statusCode).toBe(303);
    const preview = await office.get(upload.headers.location as string);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Neu: 2 · Aktualisiert: 1 · Abgelehnt: 4');
    expect(preview.body).toContain('Doppelt: dieselbe Organisation steht schon in Zeile 2.');
    expect(preview.body).toContain('Die Domain land.example gehört bereits zu einer anderen Organisation.');
    expect(preview.body).toContain('Der Name fehlt.');
    expect(preview.body).toContain('Unbekannte Ebene „Planet“');
    expect(await t.db.selectFrom('organisations').select('id').execute()).toHaveLength(before.length);

    const confirm = await office.post(upload.headers.location as string);
    expect(confirm.statusCode).toBe(303);
    const names = (await t.db.selectFrom('organisations').select('name').execute()).map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Stadt Neustadt', 'Ortsteil Neustadt-Süd']));
    expect(names).not.toContain('Kreis Konflikt');
    const domains = await t.db.selectFrom('organisationDomains as d').innerJoin('organisations as o', 'o.id', 'd.organisationId').select(['d.domain', 'o.name']).execute();
    expect(domains).toContainEqual({ domain: 'rathaus-altstadt.example', name: 'Stadt Altstadt' });
    expect(domains).toContainEqual({ domain: 'land.example', name: 'Land Beispiel' });
    const child = await t.db.selectFrom('organisations as c').innerJoin('organisations as p', 'p.id', 'c.parentId').select('p.name').where('c.name', '=', 'Ortsteil Neustadt-Süd').executeTakeFirst();
    expect(child?.name).toBe('Stadt Neustadt');
    expect((await office.post(upload.headers.location as string)).statusCode).toBe(409);
    const audit = await t.db.selectFrom('auditLog').select(['action', 'details']).where('action', '=', 'organisation.import').execute();
    expect(audit[0]!.details).toEqual({ created: 2, updated: 1, refused: 4 });
  });

  it('refuses an unreadable or empty upload with a message and 422', async () => {
    const empty = await office.postMultipart('/geschaeftsstelle/organisationen/import', { text: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Bitte wählen Sie eine CSV-Datei');
    const noHeader = await office.postMultipart('/geschaeftsstelle/organisationen/import', { text: 'a;b\n1;2' });
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.body).toContain('Spalte „name“');
    expect(noHeader.body).toContain('a;b');
  });

  it('needs the CSRF token and the office role', async () => {
    const foreign = new TestClient(t.app);
    const member = await createUser(t.db);
    await foreign.signIn(member.email, TEST_PASSWORD);
    expect((await foreign.postMultipart('/geschaeftsstelle/organisationen/import', { text: csv })).statusCode).toBe(404);
    const staff = new TestClient(t.app);
    await staff.signIn((await createUser(t.db, { role: 'office' })).email, TEST_PASSWORD);
    staff.csrf = 'forged';
    expect((await staff.postMultipart('/geschaeftsstelle/organisationen/import', { text: csv })).statusCode).toBe(403);
  });
});

describe('merging duplicates', () => {
  it('moves people, domains and children over and records it', async () => {
    const target = await createOrganisation(t.db, { name: 'Stadtverwaltung Musterhausen', domains: ['musterhausen.example'] });
    const dup = await createOrganisation(t.db, { name: 'Stadt Musterhausen', domains: ['stadt-musterhausen.example'] });
    const child = await createOrganisation(t.db, { name: 'Bürgeramt Musterhausen', parentId: dup.id });
    const person = await createUser(t.db, { organisationId: dup.id });
    await office.get(`/geschaeftsstelle/organisationen/${dup.id}/zusammenfuehren`);
    expect((await office.post(`/geschaeftsstelle/organisationen/${dup.id}/zusammenfuehren`, { targetId: dup.id })).statusCode).toBe(422);
    const res = await office.post(`/geschaeftsstelle/organisationen/${dup.id}/zusammenfuehren`, { targetId: target.id });
    expect(res.statusCode).toBe(303);
    expect((await t.db.selectFrom('users').select('organisationId').where('id', '=', person.id).executeTakeFirstOrThrow()).organisationId).toBe(target.id);
    expect((await t.db.selectFrom('organisationDomains').select('organisationId').where('domain', '=', 'stadt-musterhausen.example').executeTakeFirstOrThrow()).organisationId).toBe(target.id);
    expect((await t.db.selectFrom('organisations').select('parentId').where('id', '=', child.id).executeTakeFirstOrThrow()).parentId).toBe(target.id);
    expect(await t.db.selectFrom('organisations').select('id').where('id', '=', dup.id).executeTakeFirst()).toBeUndefined();
    expect(await t.db.selectFrom('auditLog').select('action').where('action', '=', 'organisation.merge').executeTakeFirst()).toBeDefined();
  });
});
