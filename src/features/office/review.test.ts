import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, decodeEntities, fieldError } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';

let t: TestApp;
let office: TestClient;
let officeId: string;

beforeAll(async () => {
  t = await createTestApp();
  const staff = await createUser(t.db, { role: 'office', name: 'Gesa Geschäftsstelle' });
  officeId = staff.id;
  office = new TestClient(t.app);
  await office.signIn(staff.email, TEST_PASSWORD);
});
afterAll(() => t.close());

async function applicant(overrides: Parameters<typeof createUser>[1] = {}) {
  return createUser(t.db, { role: 'applicant', ...overrides });
}

const userRow = (id: string) =>
  t.db.selectFrom('users').select(['role', 'reviewStatus', 'reviewMessage', 'verifiedVia', 'verifiedBy', 'verifiedAt', 'organisationId', 'organisationOther']).where('id', '=', id).executeTakeFirstOrThrow();
const auditFor = (id: string) => t.db.selectFrom('auditLog').select(['action', 'actorId', 'details']).where('targetId', '=', id).orderBy('id').execute();

describe('the review queue', () => {
  it('lists confirmed applicants with their details, oldest first, and not unconfirmed ones', async () => {
    const org = await createOrganisation(t.db, { name: 'Amt für Warteschlangen' });
    const older = await applicant({ email: 'aelter@privat.example', name: 'Olga Älter', organisationId: org.id });
    const newer = await applicant({ email: 'neuer@privat.example', name: 'Nils Neuer' });
    const unconfirmed = await applicant({ email: 'unbestaetigt@privat.example', confirmed: false });
    await t.db.updateTable('users').set({ createdAt: new Date('2026-01-02T09:30:00Z'), applicationReason: 'Ich leite das <b>Bauamt</b>.' }).where('id', '=', older.id).execute();
    await t.db.updateTable('users').set({ createdAt: new Date('2026-01-03T09:30:00Z'), organisationOther: 'Kreisverwaltung Nirgendwo' }).where('id', '=', newer.id).execute();

    const res = await office.get('/geschaeftsstelle/pruefung');
    expect(res.statusCode).toBe(200);
    const body = decodeEntities(res.body);
    expect(body.indexOf('aelter@privat.example')).toBeGreaterThan(0);
    expect(body.indexOf('aelter@privat.example')).toBeLessThan(body.indexOf('neuer@privat.example'));
    expect(body).not.toContain(unconfirmed.email);
    expect(body).toContain('Amt für Warteschlangen');
    expect(body).toContain('Kreisverwaltung Nirgendwo (nicht im Verzeichnis)');
    expect(res.body).toContain('Ich leite das &lt;b>Bauamt&lt;/b>.');
    expect(res.body).toContain('<time datetime="2026-01-02T09:30:00.000Z" title="02.01.2026, 10:30 Uhr">02.01.2026, 10:30 Uhr</time>');
    expect(res.body).toMatch(/\d+ offene Anträge/);
    // The quick approval keeps the organisation the person chose.
    expect(res.body).toContain(`<input type="hidden" name="organisationId" value="${org.id}"/>`);
    await t.db.deleteFrom('users').where('id', 'in', [older.id, newer.id, unconfirmed.id]).execute();
  });
});

describe('approving', () => {
  it('makes the applicant a member, mails them a sign-in link and writes the audit log', async () => {
    const org = await createOrganisation(t.db, { name: 'Stadt Annahme' });
    const person = await applicant({ email: 'anna.annahme@privat.example', name: 'Anna Annahme' });
    await t.db.updateTable('users').set({ organisationOther: 'Stadt Annahme (Bauamt)' }).where('id', '=', person.id).execute();
    const page = await office.get(`/geschaeftsstelle/pruefung/${person.id}`);
    expect(page.statusCode).toBe(200);
    expect(decodeEntities(page.body)).toContain('Domain der E-Mail-Adresse zu dieser Organisation hinzufügen');
    expect(decodeEntities(page.body)).toContain('„privat.example“');

    const res = await office.post(`/geschaeftsstelle/pruefung/${person.id}/annehmen`, { organisationId: org.id });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/geschaeftsstelle/pruefung');
    expect(decodeEntities((await office.get('/geschaeftsstelle/pruefung')).body)).toContain('Der Antrag von Anna Annahme ist angenommen.');

    const row = await userRow(person.id);
    expect(row).toMatchObject({ role: 'member', reviewStatus: null, verifiedVia: 'review', verifiedBy: officeId, organisationId: org.id, organisationOther: null });
    expect(row.verifiedAt).toBeInstanceOf(Date);

    const mail = await t.outbox.last(person.email);
    expect(mail.subject).toBe('Willkommen bei Knotenpunkt: Ihr Antrag ist angenommen');
    expect(mail.text).toContain('Guten Tag Anna Annahme,');
    expect(mail.links).toContain(`${t.baseUrl}/anmelden`);

    expect(await auditFor(person.id)).toEqual([{ action: 'applicant.approve', actorId: officeId, details: { name: 'Anna Annahme', organisation: 'Stadt Annahme' } }]);
    // The person is a member now: the page of the application is gone.
    expect((await office.get(`/geschaeftsstelle/pruefung/${person.id}`)).statusCode).toBe(404);
  });

  it('adds the address domain to the chosen organisation when asked', async () => {
    const org = await createOrganisation(t.db, { name: 'Gemeinde Neudomain' });
    const person = await applicant({ email: 'nina@neudomain.example' });
    const res = await office.post(`/geschaeftsstelle/pruefung/${person.id}/annehmen`, { organisationId: org.id, addDomain: 'on' });
    expect(res.statusCode).toBe(303);
    expect(await t.db.selectFrom('organisationDomains').select(['domain', 'organisationId']).where('domain', '=', 'neudomain.example').execute()).toEqual([{ domain: 'neudomain.example', organisationId: org.id }]);
    expect(decodeEntities((await office.get('/geschaeftsstelle/pruefung')).body)).toContain('die Domain neudomain.example gehört jetzt zu „Gemeinde Neudomain“');
    expect((await t.db.selectFrom('auditLog').select('action').where('targetId', '=', org.id).execute()).map((r) => r.action)).toEqual(['organisation.domain.add']);
    expect((await userRow(person.id)).role).toBe('member');
  });

  it('refuses a domain that belongs to another organisation with 422, and changes nothing', async () => {
    await createOrganisation(t.db, { name: 'Landesamt Besitzer', domains: ['belegt.example'] });
    const target = await createOrganisation(t.db, { name: 'Stadt Ziel' });
    const person = await applicant({ email: 'konflikt@belegt.example' });
    const before = (await t.outbox.all()).length;
    const res = await office.post(`/geschaeftsstelle/pruefung/${person.id}/annehmen`, { organisationId: target.id, addDomain: 'on' });
    expect(res.statusCode).toBe(422);
    expect(decodeEntities(fieldError(res.body, 'addDomain') ?? '')).toContain('Die Domain belegt.example gehört bereits zur Organisation „Landesamt Besitzer“.');
    expect(res.body).toContain('id="error-summary"');
    // What the office chose is still selected and ticked.
    expect(res.body).toContain(`<option value="${target.id}" selected>`);
    expect(res.body).toMatch(/name="addDomain" checked/);
    expect(await userRow(person.id)).toMatchObject({ role: 'applicant', reviewStatus: 'pending', verifiedVia: null, organisationId: null });
    expect(await t.db.selectFrom('organisationDomains').select('domain').where('organisationId', '=', target.id).execute()).toEqual([]);
    expect(await auditFor(person.id)).toEqual([]);
    expect((await t.outbox.all()).length).toBe(before);
  });

  it('asks for an organisation when the domain should be added, and for one that exists', async () => {
    const person = await applicant({ email: 'ohne.org@irgendwo.example' });
    const noOrg = await office.post(`/geschaeftsstelle/pruefung/${person.id}/annehmen`, { addDomain: 'on' });
    expect(noOrg.statusCode).toBe(422);
    expect(fieldError(noOrg.body, 'organisationId')).toContain('Bitte wählen Sie die Organisation, zu der die Domain gehören soll.');
    const unknown = await office.post(`/geschaeftsstelle/pruefung/${person.id}/annehmen`, { organisationId: 'gibtesnicht' });
    expect(unknown.statusCode).toBe(422);
    expect(fieldError(unknown.body, 'organisationId')).toContain('Organisation aus der Liste');
    expect((await userRow(person.id)).role).toBe('applicant');
  });

  it('decides once when two office staff approve at the same moment: one mail, one audit entry', async () => {
    const colleague = await createUser(t.db, { role: 'office' });
    const second = new TestClient(t.app);
    await second.signIn(colleague.email, TEST_PASSWORD);
    const person = await applicant({ email: 'gleichzeitig@privat.example' });
    const results = await Promise.all([
      office.post(`/geschaeftsstelle/pruefung/${person.id}/annehmen`, {}),
      second.post(`/geschaeftsstelle/pruefung/${person.id}/annehmen`, {}),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    expect(decodeEntities(results.find((r) => r.statusCode === 409)!.body)).toContain('Antrag bereits bearbeitet');
    expect(await t.outbox.to(person.email)).toHaveLength(1);
    expect(await auditFor(person.id)).toHaveLength(1);
    // Later attempts, approve or decline, change nothing either.
    expect((await office.post(`/geschaeftsstelle/pruefung/${person.id}/ablehnen`, { message: 'Zu spät' })).statusCode).toBe(409);
    expect((await userRow(person.id)).role).toBe('member');
    expect(await t.outbox.to(person.email)).toHaveLength(1);
  });
});

describe('declining', () => {
  it('needs a message, keeps what was typed, and mails the message to the person', async () => {
    const person = await applicant({ email: 'abgelehnt@privat.example', name: 'Dora Decline' });
    const empty = await office.post(`/geschaeftsstelle/pruefung/${person.id}/ablehnen`, { message: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(fieldError(empty.body, 'message')).toBe('Bitte füllen Sie dieses Feld aus.');
    const tooLong = await office.post(`/geschaeftsstelle/pruefung/${person.id}/ablehnen`, { message: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(422);
    expect(fieldError(tooLong.body, 'message')).toContain('höchstens 2000 Zeichen');
    expect(tooLong.body).toContain(`${'x'.repeat(2001)}</textarea>`);

    const message = 'Bitte registrieren Sie sich mit Ihrer dienstlichen Adresse & <nicht> privat.';
    const res = await office.post(`/geschaeftsstelle/pruefung/${person.id}/ablehnen`, { message });
    expect(res.statusCode).toBe(303);
    expect(await userRow(person.id)).toMatchObject({ role: 'applicant', reviewStatus: 'declined', reviewMessage: message });
    const mail = await t.outbox.last(person.email);
    expect(mail.subject).toBe('Ihr Antrag bei Knotenpunkt');
    expect(mail.text).toContain(`Nachricht der Geschäftsstelle: ${message}`);
    expect(mail.html).toContain('&amp; &lt;nicht&gt;');
    expect(await auditFor(person.id)).toEqual([{ action: 'applicant.decline', actorId: officeId, details: { name: 'Dora Decline' } }]);

    // The person sees the message on their start page and is no longer in the queue.
    const self = new TestClient(t.app);
    await self.signIn(person.email, TEST_PASSWORD);
    expect(decodeEntities((await self.get('/')).body)).toContain(message);
    expect((await office.get('/geschaeftsstelle/pruefung')).body).not.toContain(person.email);
  });
});
