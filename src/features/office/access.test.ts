/**
 * Every office route, GET and POST, with the trio: office staff (and admins) allowed, visitors
 * sent to sign-in, everyone else (member, partner, applicant) told it does not exist (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import type { Role } from '../../db/schema.js';

let t: TestApp;
let ids: { applicant: string; member: string; organisation: string; feedback: string };
const clients: Partial<Record<Role | 'anonymous', TestClient>> = {};

async function signedIn(role: Role): Promise<TestClient> {
  const user = await createUser(t.db, { role });
  const client = new TestClient(t.app);
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

beforeAll(async () => {
  t = await createTestApp();
  const organisation = await createOrganisation(t.db, { name: 'Stadt Zugriffstest', domains: ['zugriff.example'] });
  const applicant = await createUser(t.db, { role: 'applicant', email: 'antrag@privat.example' });
  const member = await createUser(t.db, { organisationId: organisation.id });
  await t.db.insertInto('feedback').values({ id: 'fb-zugriff', kind: 'accessibility', message: 'Kontrast zu schwach' }).execute();
  ids = { applicant: applicant.id, member: member.id, organisation: organisation.id, feedback: 'fb-zugriff' };
  for (const role of ['office', 'admin', 'member', 'partner', 'applicant'] as const) clients[role] = await signedIn(role);
  clients.anonymous = new TestClient(t.app);
});
afterAll(() => t.close());

const pages = () => [
  '/geschaeftsstelle',
  '/geschaeftsstelle/pruefung',
  `/geschaeftsstelle/pruefung/${ids.applicant}`,
  '/geschaeftsstelle/nutzer',
  '/geschaeftsstelle/nutzer?q=Person',
  `/geschaeftsstelle/nutzer/${ids.member}`,
  '/geschaeftsstelle/protokoll',
  '/geschaeftsstelle/seiten',
  '/geschaeftsstelle/seiten/impressum/de',
  '/geschaeftsstelle/rueckmeldungen',
  '/geschaeftsstelle/organisationen',
  '/geschaeftsstelle/organisationen/neu',
  `/geschaeftsstelle/organisationen/${ids.organisation}`,
];

const actions = (): [string, Record<string, string>][] => [
  [`/geschaeftsstelle/pruefung/${ids.applicant}/annehmen`, {}],
  [`/geschaeftsstelle/pruefung/${ids.applicant}/ablehnen`, { message: 'Nein' }],
  [`/geschaeftsstelle/nutzer/${ids.member}/rolle`, { role: 'admin' }],
  [`/geschaeftsstelle/nutzer/${ids.member}/sperren`, {}],
  [`/geschaeftsstelle/nutzer/${ids.member}/entsperren`, {}],
  ['/geschaeftsstelle/seiten/impressum/de', { title: 'Übernommen', body: 'Text' }],
  [`/geschaeftsstelle/rueckmeldungen/${ids.feedback}/erledigt`, {}],
  ['/geschaeftsstelle/organisationen/neu', { name: 'Fremd angelegt', level: 'bund', type: 'sonstige' }],
  [`/geschaeftsstelle/organisationen/${ids.organisation}`, { name: 'Umbenannt', level: 'bund', type: 'sonstige' }],
  [`/geschaeftsstelle/organisationen/${ids.organisation}/domains`, { domain: 'fremd.example' }],
  [`/geschaeftsstelle/organisationen/${ids.organisation}/domains/entfernen`, { domain: 'zugriff.example' }],
];

describe('office pages', () => {
  it('open for office staff and admins, with breadcrumbs and one h1', async () => {
    for (const role of ['office', 'admin'] as const) {
      for (const path of pages()) {
        const res = await clients[role]!.get(path);
        expect(res.statusCode, `${role} ${path}`).toBe(200);
        expect(res.body.match(/<h1/g), path).toHaveLength(1);
        expect(res.body, path).toContain('aria-label="Sie sind hier"');
        expect(res.body, path).toContain('href="/geschaeftsstelle"');
      }
    }
  });

  it('send visitors to sign in', async () => {
    for (const path of pages()) {
      const res = await clients.anonymous!.get(path);
      expect(res.statusCode, path).toBe(303);
      expect(res.headers.location, path).toBe(`/anmelden?next=${encodeURIComponent(path)}`);
    }
  });

  it('do not exist for members, partners and applicants', async () => {
    for (const role of ['member', 'partner', 'applicant'] as const) {
      for (const path of pages()) expect((await clients[role]!.get(path)).statusCode, `${role} ${path}`).toBe(404);
    }
  });
});

describe('office actions', () => {
  it('send visitors to sign in and answer 404 to everyone else, changing nothing', async () => {
    for (const [path, form] of actions()) {
      const anonymous = await clients.anonymous!.post(path, form, { csrf: false });
      expect(anonymous.statusCode, path).toBe(303);
      expect(anonymous.headers.location, path).toMatch(/^\/anmelden\?next=/);
      for (const role of ['member', 'partner', 'applicant'] as const) expect((await clients[role]!.post(path, form)).statusCode, `${role} ${path}`).toBe(404);
    }
    const applicant = await t.db.selectFrom('users').select(['role', 'reviewStatus']).where('id', '=', ids.applicant).executeTakeFirstOrThrow();
    expect(applicant).toEqual({ role: 'applicant', reviewStatus: 'pending' });
    const member = await t.db.selectFrom('users').select(['role', 'suspendedAt']).where('id', '=', ids.member).executeTakeFirstOrThrow();
    expect(member).toEqual({ role: 'member', suspendedAt: null });
    expect(await t.db.selectFrom('organisations').select('name').where('id', '=', ids.organisation).executeTakeFirstOrThrow()).toEqual({ name: 'Stadt Zugriffstest' });
    expect(await t.db.selectFrom('organisationDomains').select('domain').where('organisationId', '=', ids.organisation).execute()).toEqual([{ domain: 'zugriff.example' }]);
    expect(await t.db.selectFrom('auditLog').select('id').execute()).toEqual([]);
    expect(await t.outbox.all()).toEqual([]);
  });

  it('refuse a form without the CSRF token even for office staff', async () => {
    const res = await clients.office!.post(`/geschaeftsstelle/pruefung/${ids.applicant}/annehmen`, {}, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect((await t.db.selectFrom('users').select('role').where('id', '=', ids.applicant).executeTakeFirstOrThrow()).role).toBe('applicant');
  });

  it('answer 404 for ids that do not exist and 400 for malformed ones', async () => {
    expect((await clients.office!.get('/geschaeftsstelle/pruefung/gibtesnicht')).statusCode).toBe(404);
    expect((await clients.office!.get('/geschaeftsstelle/nutzer/gibtesnicht')).statusCode).toBe(404);
    expect((await clients.office!.get('/geschaeftsstelle/organisationen/gibtesnicht')).statusCode).toBe(404);
    expect((await clients.office!.get('/geschaeftsstelle/seiten/gibtesnicht/de')).statusCode).toBe(404);
    expect((await clients.office!.get('/geschaeftsstelle/seiten/impressum/fr')).statusCode).toBe(404);
    expect((await clients.office!.post('/geschaeftsstelle/rueckmeldungen/gibtesnicht/erledigt')).statusCode).toBe(404);
    expect((await clients.office!.get('/geschaeftsstelle/nutzer/%3Cscript%3E')).statusCode).toBe(400);
    expect((await clients.office!.get('/geschaeftsstelle/pruefung?offset=-1')).statusCode).toBe(400);
  });
});
