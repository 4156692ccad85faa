import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, fieldError, inputValue } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import type { Actor } from '../../http/actor.js';
import type { FieldVisibility, Role } from '../../db/schema.js';
import { canSeeField } from './members.policy.js';

let t: TestApp;
let alice: Awaited<ReturnType<typeof createUser>>;
const clients = new Map<string, TestClient>();
let people: Record<string, Awaited<ReturnType<typeof createUser>>> = {};

async function clientFor(role: Role | 'self'): Promise<TestClient> {
  const existing = clients.get(role);
  if (existing) return existing;
  const client = new TestClient(t.app);
  await client.signIn(role === 'self' ? alice.email : people[role]!.email, TEST_PASSWORD);
  clients.set(role, client);
  return client;
}

beforeAll(async () => {
  t = await createTestApp();
  const stadt = await createOrganisation(t.db, { name: 'Stadt Beispielstadt', level: 'kommune', state: 'NW' });
  const land = await createOrganisation(t.db, { name: 'Staatsministerium Beispiel', level: 'land', state: 'BY' });
  alice = await createUser(t.db, { name: 'Alice Amt', organisationId: stadt.id });
  people = {
    member: await createUser(t.db, { name: 'Bob Behörde', organisationId: land.id }),
    partner: await createUser(t.db, { role: 'partner', name: 'Pat Partner' }),
    applicant: await createUser(t.db, { role: 'applicant', name: 'Anton Antrag' }),
    office: await createUser(t.db, { role: 'office', name: 'Olga Office' }),
  };
  const self = await clientFor('self');
  await self.get('/konto/profil');
  const saved = await self.post('/konto/profil', {
    position: 'Referentin E-Government',
    bio: 'Ich mag **Akten**.',
    phone: '+49 30 1234',
    contactOther: 'Sprechzeit dienstags',
    languages: ['de', 'en'],
    expertise: 'E-Akte, OZG-Umsetzung',
    ask: 'Open Source',
    listed: 'on',
    visPosition: 'members',
    visBio: 'nobody',
    visPhone: 'shared',
    visContactOther: 'members',
    visLanguages: 'members',
    visExpertise: 'members',
  });
  expect(saved.statusCode).toBe(303);
});
afterAll(() => t.close());

const visibility: Record<string, FieldVisibility> = { position: 'members', bio: 'nobody', phone: 'shared', contactOther: 'members', languages: 'members' };

describe('profile fields per audience', () => {
  it.each(['self', 'member', 'office'] as const)('%s sees exactly the fields the policy allows, in the page and in the API', async (audience) => {
    const client = await clientFor(audience);
    const api = await client.api('GET', `/api/v1/members/${alice.id}`);
    expect(api.statusCode).toBe(200);
    const body = api.json();
    const actor: Actor = { kind: 'user', via: 'session', sessionId: 'x', scopes: ['read'], user: { id: audience === 'self' ? alice.id : people[audience]!.id, name: '', email: '', role: audience === 'self' ? 'member' : (audience as Role), organisationId: null, locale: 'de' } };
    const relation = { self: audience === 'self', sharesCommunity: false };
    for (const [field, vis] of Object.entries(visibility)) {
      const allowed = canSeeField(actor, vis, relation);
      expect(body[field] !== null, `${audience} ${field}`).toBe(allowed);
    }
    const page = await client.get(`/mitglieder/${alice.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body.includes('+49 30 1234')).toBe(audience === 'self');
    expect(page.body.includes('<strong>Akten</strong>')).toBe(audience === 'self');
    expect(page.body).toContain('Referentin E-Government');
  });

  it('does not exist for a partner without a shared community, for applicants or visitors', async () => {
    expect((await (await clientFor('partner')).api('GET', `/api/v1/members/${alice.id}`)).statusCode).toBe(404);
    expect((await (await clientFor('partner')).get(`/mitglieder/${alice.id}`)).statusCode).toBe(404);
    expect((await (await clientFor('partner')).api('GET', '/api/v1/members')).json().total).toBe(1); // only themself
    expect((await (await clientFor('applicant')).get(`/mitglieder/${alice.id}`)).statusCode).toBe(403);
    expect((await (await clientFor('applicant')).api('GET', '/api/v1/members')).statusCode).toBe(403);
    expect((await new TestClient(t.app).get(`/mitglieder/${alice.id}`)).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/members/${alice.id}` })).statusCode).toBe(401);
  });

  it('hides the expertise of someone who shows it to nobody, everywhere', async () => {
    const hidden = await createUser(t.db, { name: 'Hanna Heimlich' });
    const c = new TestClient(t.app);
    await c.signIn(hidden.email, TEST_PASSWORD);
    const patch = await c.api('PATCH', '/api/v1/me/profile', { expertise: ['Vergaberecht'], visibility: { expertise: 'nobody' } });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().expertise).toEqual([{ slug: 'vergaberecht', label: 'Vergaberecht', confirmations: 0 }]);
    const bob = await clientFor('member');
    expect((await bob.api('GET', `/api/v1/members/${hidden.id}`)).json().expertise).toBeNull();
    expect((await bob.api('GET', '/api/v1/members?topic=Vergaberecht')).json().total).toBe(0);
    expect((await bob.api('GET', '/api/v1/experts?q=Vergaberecht')).json().total).toBe(0);
    // Neither suggestions nor the popular topics tell that the hidden tag exists.
    expect((await bob.api('GET', '/api/v1/tags?q=vergabe')).json().items).toEqual([]);
    expect((await bob.get('/wer-weiss-was')).body).not.toContain('Vergaberecht');
    expect((await (await clientFor('applicant')).api('GET', '/api/v1/tags?q=eakte')).statusCode).toBe(403);
  });
});

describe('member directory', () => {
  it('finds by name, by topic in any spelling, and by level; never lists applicants', async () => {
    const bob = await clientFor('member');
    expect((await bob.api('GET', '/api/v1/members?q=alice')).json().items.map((m: { name: string }) => m.name)).toEqual(['Alice Amt']);
    expect((await bob.api('GET', '/api/v1/members?topic=eakte')).json().items.map((m: { name: string }) => m.name)).toEqual(['Alice Amt']);
    expect((await bob.api('GET', '/api/v1/members?level=land')).json().items.map((m: { name: string }) => m.name)).toContain('Bob Behörde');
    const all = (await bob.api('GET', '/api/v1/members?limit=50')).json();
    expect(all.items.map((m: { name: string }) => m.name)).not.toContain('Anton Antrag');
    expect(all.items.find((m: { name: string }) => m.name === 'Pat Partner')?.partner).toBe(true);
    const page = await bob.get('/mitglieder?q=Alice&level=bogus');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Gefundene Mitglieder: 1');
  });

  it('caps the page size and refuses nonsense paging in the API', async () => {
    const bob = await clientFor('member');
    expect((await bob.api('GET', '/api/v1/members?limit=500')).statusCode).toBe(400);
    expect((await bob.api('GET', '/api/v1/members?offset=-1')).statusCode).toBe(400);
  });
});

describe('expertise', () => {
  it('lets spelling variants meet in one tag', async () => {
    const bob = await clientFor('member');
    await bob.api('PATCH', '/api/v1/me/profile', { expertise: ['eAkte'] });
    const tags = await t.db.selectFrom('tags').select('label').where('slug', '=', 'eakte').execute();
    expect(tags).toHaveLength(1);
    expect((await bob.api('GET', '/api/v1/tags?q=e-ak')).json().items[0]).toMatchObject({ slug: 'eakte', uses: 2 });
  });

  it('is confirmed once per colleague and tag, never by oneself', async () => {
    const bob = await clientFor('member');
    await bob.get(`/mitglieder/${alice.id}`);
    expect((await bob.post(`/mitglieder/${alice.id}/expertise/eakte/bestaetigen`)).statusCode).toBe(303);
    expect((await bob.post(`/mitglieder/${alice.id}/expertise/eakte/bestaetigen`)).statusCode).toBe(303);
    const office = await clientFor('office');
    await office.get('/');
    await office.post(`/mitglieder/${alice.id}/expertise/eakte/bestaetigen`);
    expect((await bob.api('GET', `/api/v1/members/${alice.id}`)).json().expertise).toContainEqual({ slug: 'eakte', label: 'E-Akte', confirmations: 2 });
    const self = await clientFor('self');
    await self.get('/');
    expect((await self.post(`/mitglieder/${alice.id}/expertise/eakte/bestaetigen`)).statusCode).toBe(403);
    expect((await bob.post(`/mitglieder/${alice.id}/expertise/unbekannt/bestaetigen`)).statusCode).toBe(404);
  });

  it('keeps the profile form when it has errors', async () => {
    const self = await clientFor('self');
    await self.get('/konto/profil');
    const res = await self.post('/konto/profil', { position: 'Neue Position', phone: 'ruf mich an', languages: ['de', 'klingonisch'], expertise: 'E-Akte', visPosition: 'everyone', visBio: 'nobody', visPhone: 'shared', visContactOther: 'members', visLanguages: 'members', visExpertise: 'members' });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, 'phone')).toContain('Ziffern');
    expect(fieldError(res.body, 'visPosition')).toContain('wer diese Angabe');
    expect(inputValue(res.body, 'position')).toBe('Neue Position');
    expect(inputValue(res.body, 'phone')).toBe('ruf mich an');
  });

  it('shows one’s own profile with hints about what is missing', async () => {
    const newcomer = await createUser(t.db, { name: 'Nina Neu' });
    const c = new TestClient(t.app);
    await c.signIn(newcomer.email, TEST_PASSWORD);
    const page = await c.get(`/mitglieder/${newcomer.id}`);
    expect(page.body).toContain('So finden andere Sie leichter');
    expect(page.body).toContain('Wer weiß was?');
  });
});

describe('expert finder', () => {
  it('ranks declared and confirmed expertise across levels and explains why', async () => {
    const bob = await clientFor('member');
    const res = await bob.api('GET', '/api/v1/experts?q=E-Akte');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { name: string; level: string; reasons: string[]; score: number }[];
    expect(items[0]).toMatchObject({ name: 'Alice Amt', level: 'kommune' });
    expect(items[0]!.reasons).toEqual(['Expertise: E-Akte', 'Von Kolleginnen und Kollegen bestätigt: 2']);
    expect(items.map((i) => i.name)).toContain('Bob Behörde');
    expect(items[0]!.score).toBeGreaterThan(items.find((i) => i.name === 'Bob Behörde')!.score);
    const filtered = (await bob.api('GET', '/api/v1/experts?q=eakte&level=land')).json().items.map((i: { name: string }) => i.name);
    expect(filtered).toEqual(['Bob Behörde']);
    const ask = (await bob.api('GET', '/api/v1/experts?q=Open%20Source')).json().items[0];
    expect(ask.reasons).toEqual(['Freut sich über Fragen zu: Open Source']);
  });

  it('finds with a typo and shows the page with reasons and levels', async () => {
    const bob = await clientFor('member');
    const page = await bob.get('/wer-weiss-was?q=OZG-Umsezung');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Alice Amt');
    expect(page.body).toContain('Kommune · Nordrhein-Westfalen');
    expect((await bob.get('/wer-weiss-was')).body).toContain('Beliebte Themen');
  });
});
