import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, decodeEntities, fieldError, inputValue } from '../../../test/helpers/client.js';
import { createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { Actor } from '../../http/actor.js';

let t: TestApp;
let office: TestClient;
let officeActor: Actor;

beforeAll(async () => {
  t = await createTestApp();
  const staff = await createUser(t.db, { role: 'office', name: 'Greta Geschäftsstelle' });
  officeActor = { kind: 'user', via: 'session', sessionId: 'x', scopes: ['read', 'write'], user: { id: staff.id, name: staff.name, email: staff.email, role: 'office', organisationId: null, locale: 'de' } };
  office = new TestClient(t.app);
  await office.signIn(staff.email, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('the overview', () => {
  it('links every section and counts pending applications and open feedback', async () => {
    const empty = decodeEntities((await office.get('/geschaeftsstelle')).body);
    expect(empty).toContain('Keine offenen Anträge');
    await createUser(t.db, { role: 'applicant' });
    await createUser(t.db, { role: 'applicant', confirmed: false }); // not in the queue yet
    await t.db.insertInto('feedback').values({ id: 'fb-overview', kind: 'accessibility', message: 'Fokus unsichtbar' }).execute();
    const res = await office.get('/geschaeftsstelle');
    expect(res.statusCode).toBe(200);
    const body = decodeEntities(res.body);
    expect(body).toContain('1 offener Antrag');
    expect(body).toContain('1 offene Rückmeldung');
    for (const href of ['pruefung', 'nutzer', 'organisationen', 'seiten', 'rueckmeldungen', 'protokoll']) expect(res.body).toContain(`href="/geschaeftsstelle/${href}"`);
    expect(res.body).toContain('<title>Geschäftsstelle – Knotenpunkt</title>');
  });
});

describe('the audit log', () => {
  it('shows the newest entries first with German times, and loads more by id', async () => {
    for (let i = 1; i <= 55; i++) await writeAudit(t.db, officeActor, { action: 'organisation.update', targetType: 'organisation', targetId: `org-${i}`, details: { name: `Organisation Nr. ${i}`, note: `<b>${i}</b>` } });
    await t.db.updateTable('auditLog').set({ createdAt: new Date('2026-11-22T13:30:00Z') }).execute();
    const first = await office.get('/geschaeftsstelle/protokoll');
    expect(first.statusCode).toBe(200);
    const body = decodeEntities(first.body);
    expect(body.indexOf('Organisation Nr. 55')).toBeLessThan(body.indexOf('Organisation Nr. 54'));
    expect(body).not.toContain('Organisation Nr. 5<');
    expect(first.body).toContain('<time datetime="2026-11-22T13:30:00.000Z" title="22.11.2026, 14:30 Uhr">22.11.2026, 14:30 Uhr</time>');
    expect(body).toContain('Organisation geändert');
    expect(body).toContain('Greta Geschäftsstelle');
    expect(first.body).toContain('note: &lt;b>55&lt;/b>');
    expect(first.body).toContain('href="/geschaeftsstelle/organisationen/org-55"');
    const more = /href="(\/geschaeftsstelle\/protokoll\?before=\d+)" rel="next">Weitere laden</.exec(first.body);
    expect(more).not.toBeNull();
    const second = decodeEntities((await office.get(more![1]!)).body);
    expect(second).toContain('Organisation Nr. 5<');
    expect(second).toContain('Organisation Nr. 1<');
    expect(second).not.toContain('Organisation Nr. 6<');
    expect(second).not.toContain('Weitere laden');
    expect(second).toContain('Zu den neuesten Einträgen');
  });
});

describe('page texts', () => {
  it('edits the imprint: errors keep the input (422), saving shows it on the public page and is logged', async () => {
    const form = await office.get('/geschaeftsstelle/seiten/impressum/de');
    expect(form.statusCode).toBe(200);
    expect(inputValue(form.body, 'title')).toBe('Impressum');
    expect(decodeEntities(form.body)).toContain('Angaben gemäß § 5 DDG');

    const bad = await office.post('/geschaeftsstelle/seiten/impressum/de', { title: '', body: 'Stadtverwaltung <Muster>\n\nZweiter Absatz' });
    expect(bad.statusCode).toBe(422);
    expect(fieldError(bad.body, 'title')).toBe('Bitte füllen Sie dieses Feld aus.');
    expect(bad.body).toContain('Stadtverwaltung &lt;Muster>\n\nZweiter Absatz</textarea>');
    const long = await office.post('/geschaeftsstelle/seiten/impressum/de', { title: 'x'.repeat(201), body: 'Text' });
    expect(long.statusCode).toBe(422);
    expect(fieldError(long.body, 'title')).toContain('höchstens 200 Zeichen');

    const ok = await office.post('/geschaeftsstelle/seiten/impressum/de', { title: 'Impressum der Stadt Muster', body: 'Stadtverwaltung <Muster>\n\nZweiter Absatz' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/geschaeftsstelle/seiten');
    const overview = decodeEntities((await office.get('/geschaeftsstelle/seiten')).body);
    expect(overview).toContain('Der Text ist gespeichert');
    expect(overview).toContain('Impressum der Stadt Muster');

    const visitor = new TestClient(t.app);
    const page = await visitor.get('/impressum');
    expect(page.body).toContain('<h1 class="kern-heading-large">Impressum der Stadt Muster</h1>');
    expect(page.body).toContain('<p class="kern-body">Stadtverwaltung &lt;Muster></p>');
    expect(page.body).toContain('<p class="kern-body">Zweiter Absatz</p>');
    expect(await t.db.selectFrom('auditLog').select(['action', 'targetId']).where('action', '=', 'site.page.edit').execute()).toEqual([{ action: 'site.page.edit', targetId: 'imprint.de' }]);
  });

  it('edits the English landing page without touching the German one', async () => {
    const res = await office.post('/geschaeftsstelle/seiten/startseite/en', { title: 'Networking for public servants', body: 'Welcome.' });
    expect(res.statusCode).toBe(303);
    const visitor = new TestClient(t.app);
    expect((await visitor.get('/')).body).toContain('Vernetzung für die öffentliche Verwaltung');
    await visitor.post('/sprache', { lang: 'en', next: '/' });
    expect((await visitor.get('/')).body).toContain('Networking for public servants');
  });
});

describe('accessibility feedback', () => {
  it('lists open feedback first and marks it handled once', async () => {
    await t.db
      .insertInto('feedback')
      .values([
        { id: 'fb-old', kind: 'accessibility', message: 'Alte Meldung', createdAt: new Date('2026-01-01T10:00:00Z'), handledAt: new Date('2026-01-02T10:00:00Z') },
        { id: 'fb-new', kind: 'accessibility', message: 'Screenreader liest <Menü> doppelt', page: '/konto', name: 'Bea Barriere', email: 'bea@example.org', createdAt: new Date('2026-02-01T10:00:00Z') },
      ])
      .execute();
    const res = await office.get('/geschaeftsstelle/rueckmeldungen');
    expect(res.statusCode).toBe(200);
    const body = decodeEntities(res.body);
    expect(body.indexOf('Screenreader liest')).toBeLessThan(body.indexOf('Alte Meldung'));
    expect(res.body).toContain('Screenreader liest &lt;Menü> doppelt');
    expect(body).toContain('Bea Barriere, bea@example.org');
    expect(body).toContain('Erledigt');
    expect(res.body).toContain('action="/geschaeftsstelle/rueckmeldungen/fb-new/erledigt"');
    expect(res.body).not.toContain('action="/geschaeftsstelle/rueckmeldungen/fb-old/erledigt"');

    expect((await office.post('/geschaeftsstelle/rueckmeldungen/fb-new/erledigt')).statusCode).toBe(303);
    expect((await office.post('/geschaeftsstelle/rueckmeldungen/fb-new/erledigt')).statusCode).toBe(303);
    expect((await t.db.selectFrom('feedback').select('handledAt').where('id', '=', 'fb-new').executeTakeFirstOrThrow()).handledAt).toBeInstanceOf(Date);
    expect(await t.db.selectFrom('auditLog').select('action').where('targetId', '=', 'fb-new').execute()).toEqual([{ action: 'feedback.handle' }]);
    expect(decodeEntities((await office.get('/geschaeftsstelle/rueckmeldungen')).body)).toContain('Die Rückmeldung ist als erledigt markiert.');
  });
});
