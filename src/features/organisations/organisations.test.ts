import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, decodeEntities } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import type { Role } from '../../db/schema.js';

let t: TestApp;
const clients: Partial<Record<Role | 'anonymous', TestClient>> = {};
let land: { id: string };
let stadt: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  land = await createOrganisation(t.db, { name: 'Ministerium für Verzeichnisse', level: 'land', state: 'SN', type: 'ministerium' });
  stadt = await createOrganisation(t.db, { name: 'Stadt Verzeichnisdorf', level: 'kommune', state: 'SN', type: 'stadt', parentId: land.id });
  await createOrganisation(t.db, { name: 'Landesamt Unterbehörde', level: 'land', state: 'SN', type: 'landesbehoerde', parentId: land.id });
  for (const role of ['member', 'office', 'partner', 'applicant'] as const) {
    const user = await createUser(t.db, { role });
    const client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD);
    clients[role] = client;
  }
  clients.anonymous = new TestClient(t.app);
});
afterAll(() => t.close());

describe('who may see the directory', () => {
  it('is open to verified members and staff, sends visitors to sign-in, refuses applicants and partners', async () => {
    for (const path of ['/organisationen', `/organisationen/${land.id}`]) {
      expect((await clients.member!.get(path)).statusCode, path).toBe(200);
      expect((await clients.office!.get(path)).statusCode, path).toBe(200);
      const anonymous = await clients.anonymous!.get(path);
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe(`/anmelden?next=${encodeURIComponent(path)}`);
      expect((await clients.applicant!.get(path)).statusCode, path).toBe(403);
      expect((await clients.partner!.get(path)).statusCode, path).toBe(403);
    }
  });

  it('answers the API the same way: 401 for visitors, 403 for applicants', async () => {
    for (const path of ['/api/v1/organisations', `/api/v1/organisations/${land.id}`]) {
      expect((await clients.member!.api('GET', path)).statusCode).toBe(200);
      const anonymous = await clients.anonymous!.api('GET', path);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toEqual({ code: 'unauthenticated', message: 'Bitte melden Sie sich an.' });
      expect((await clients.applicant!.api('GET', path)).statusCode).toBe(403);
    }
  });
});

describe('the list', () => {
  it('sorts in German order, counts, filters with a GET form and says when nothing is found', async () => {
    for (const name of ['Zweckverband Sortierung', 'Ämter Sortierung', 'Öffentliche Sortierung', 'Amt Sortierung']) await createOrganisation(t.db, { name, level: 'kommune', state: 'BY' });
    const res = await clients.member!.get('/organisationen?q=sortierung');
    expect(res.statusCode).toBe(200);
    const body = decodeEntities(res.body);
    expect(body).toContain('4 Organisationen');
    const order = ['Amt Sortierung', 'Ämter Sortierung', 'Öffentliche Sortierung', 'Zweckverband Sortierung'].map((n) => body.indexOf(n));
    expect(order.every((pos, i) => pos > 0 && (i === 0 || pos > order[i - 1]!))).toBe(true);
    expect(res.body).toContain('<form method="get" action="/organisationen"');
    expect(res.body).toContain('value="sortierung"');

    const filtered = decodeEntities((await clients.member!.get('/organisationen?level=land&state=SN')).body);
    expect(filtered).toContain('2 Organisationen');
    expect(filtered).toContain('Ministerium für Verzeichnisse');
    expect(filtered).not.toContain('Stadt Verzeichnisdorf');
    expect(decodeEntities((await clients.member!.get('/organisationen?level=&state=&q=')).body)).toContain('Stadt Verzeichnisdorf');

    const none = decodeEntities((await clients.member!.get('/organisationen?q=gibt-es-nicht')).body);
    expect(none).toContain('0 Organisationen');
    expect(none).toContain('Keine Organisation gefunden');
    expect((await clients.member!.get('/organisationen?level=galaxis')).statusCode).toBe(400);
    expect((await clients.member!.get(`/organisationen?q=${'x'.repeat(101)}`)).statusCode).toBe(400);
  });

  it('pages 50 at a time with "Weitere laden"', async () => {
    for (let i = 1; i <= 53; i++) await createOrganisation(t.db, { name: `Blätterbehörde ${String(i).padStart(2, '0')}` });
    const first = await clients.member!.get('/organisationen?q=bl%C3%A4tterbeh%C3%B6rde');
    expect(decodeEntities(first.body)).toContain('53 Organisationen');
    expect((first.body.match(/Blätterbehörde \d\d/g) ?? []).length).toBe(50);
    expect(decodeEntities(first.body)).toContain('Einträge 1 bis 50 von 53');
    const more = /href="([^"]+)" rel="next">Weitere laden</.exec(first.body);
    expect(more).not.toBeNull();
    const second = await clients.member!.get(decodeEntities(more![1]!));
    expect((second.body.match(/Blätterbehörde \d\d/g) ?? []).length).toBe(3);
    expect(second.body).toContain('Blätterbehörde 53');
    expect(second.body).not.toContain('rel="next"');
  });
});

describe('an organisation page', () => {
  it('shows level, state, type, parent and children', async () => {
    const res = await clients.member!.get(`/organisationen/${stadt.id}`);
    const body = decodeEntities(res.body);
    expect(body).toContain('<h1 class="kern-heading-large">Stadt Verzeichnisdorf</h1>');
    expect(body).toContain('Kommune');
    expect(body).toContain('Sachsen');
    expect(body).toContain('Stadt');
    expect(res.body).toContain(`href="/organisationen/${land.id}"`);
    const parent = decodeEntities((await clients.member!.get(`/organisationen/${land.id}`)).body);
    expect(parent.indexOf('Landesamt Unterbehörde')).toBeLessThan(parent.indexOf('Stadt Verzeichnisdorf'));
    expect(body).toContain('Keine untergeordneten Organisationen im Verzeichnis.');
  });

  it('lists only verified, listed members of the organisation, never applicants, partners or suspended people', async () => {
    const org = await createOrganisation(t.db, { name: 'Amt für Mitgliederlisten' });
    const person = (name: string, role: Role, extra: Parameters<typeof createUser>[1] = {}) => createUser(t.db, { name, role, organisationId: org.id, ...extra });
    await person('Mara Mitglied', 'member');
    await person('Gregor Geschäftsstelle', 'office');
    await person('Anton Antrag', 'applicant');
    await person('Pia Partnerin', 'partner');
    await person('Udo Unbestätigt', 'member', { confirmed: false });
    const suspended = await person('Sina Gesperrt', 'member');
    await t.db.updateTable('users').set({ suspendedAt: new Date() }).where('id', '=', suspended.id).execute();
    const hidden = await person('Henrike Versteckt', 'member');
    await t.db.insertInto('profiles').values({ userId: hidden.id, listed: false }).execute();
    await createUser(t.db, { name: 'Otto Anderswo', role: 'member' });

    const body = decodeEntities((await clients.member!.get(`/organisationen/${org.id}`)).body);
    expect(body).toContain('2 Mitglieder');
    expect(body.indexOf('Gregor Geschäftsstelle')).toBeLessThan(body.indexOf('Mara Mitglied'));
    for (const name of ['Anton Antrag', 'Pia Partnerin', 'Udo Unbestätigt', 'Sina Gesperrt', 'Henrike Versteckt', 'Otto Anderswo']) expect(body, name).not.toContain(name);
    expect(body).not.toContain('@');

    const empty = decodeEntities((await clients.member!.get(`/organisationen/${land.id}`)).body);
    expect(empty).toContain('0 Mitglieder');
    expect(empty).toContain('Aus dieser Organisation ist noch niemand Mitglied');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await clients.member!.get('/organisationen/gibtesnicht')).statusCode).toBe(404);
    expect((await clients.member!.get('/organisationen/%27%20or%201%3D1')).statusCode).toBe(400);
  });
});

describe('the API', () => {
  it('lists organisations with explicit fields, absolute urls and a next link; at most 50 per page', async () => {
    const res = await clients.member!.api('GET', '/api/v1/organisations?level=land&state=SN&limit=1&offset=1');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.next).toBeNull();
    expect(page.items).toEqual([
      { id: land.id, name: 'Ministerium für Verzeichnisse', shortName: null, level: 'land', state: 'SN', type: 'ministerium', url: `${t.baseUrl}/organisationen/${land.id}` },
    ]);
    const first = (await clients.member!.api('GET', '/api/v1/organisations?level=land&state=SN&limit=1')).json();
    expect(first.items.map((o: { name: string }) => o.name)).toEqual(['Landesamt Unterbehörde']);
    expect(first.next).toBe(`${t.baseUrl}/api/v1/organisations?level=land&state=SN&limit=1&offset=1`);
    const next = new URL(first.next);
    expect((await clients.member!.api('GET', next.pathname + next.search)).json().items[0].id).toBe(land.id);

    expect((await clients.member!.api('GET', '/api/v1/organisations?limit=51')).statusCode).toBe(400);
    const bad = await clients.member!.api('GET', '/api/v1/organisations?level=galaxis');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'bad_request' });
  });

  it('shows one organisation with parent and children, and 404 as {code, message}', async () => {
    const res = await clients.member!.api('GET', `/api/v1/organisations/${stadt.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: stadt.id,
      name: 'Stadt Verzeichnisdorf',
      shortName: null,
      level: 'kommune',
      state: 'SN',
      type: 'stadt',
      url: `${t.baseUrl}/organisationen/${stadt.id}`,
      parent: { id: land.id, name: 'Ministerium für Verzeichnisse', url: `${t.baseUrl}/organisationen/${land.id}` },
      children: [],
      childrenTotal: 0,
    });
    const parent = (await clients.member!.api('GET', `/api/v1/organisations/${land.id}`)).json();
    expect(parent.children.map((c: { name: string }) => c.name)).toEqual(['Landesamt Unterbehörde', 'Stadt Verzeichnisdorf']);
    expect(parent.childrenTotal).toBe(2);
    // Mail domains are the office's business, not part of the members' API.
    expect(JSON.stringify(parent)).not.toContain('domain');

    const missing = await clients.member!.api('GET', '/api/v1/organisations/gibtesnicht');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'not_found', message: 'Diese Seite gibt es nicht, oder Sie haben keinen Zugriff darauf.' });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await clients.anonymous!.api('GET', '/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/organisations', '/api/v1/organisations/{id}']));
    expect(doc.paths['/api/v1/organisations'].get.tags).toEqual(['organisations']);
    expect(doc.paths['/api/v1/organisations/{id}'].get.responses['200']).toBeDefined();
  });
});
