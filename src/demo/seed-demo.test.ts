/** The demo data: idempotent, and every demo account signs in through the page and the API with its role. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { TestClient } from '../../test/helpers/client.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, { log: () => undefined });
}, 120_000);
afterAll(() => t.close());

describe('demo data', () => {
  it('is idempotent: a second run adds nothing', async () => {
    const count = async () => ({
      organisations: (await t.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      users: (await t.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      tags: (await t.db.selectFrom('profileTags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    });
    const before = await count();
    await seedDemo(t.db, { log: () => undefined });
    expect(await count()).toEqual(before);
    expect(before.organisations).toBeGreaterThanOrEqual(16 + 100);
    expect(before.users).toBeGreaterThanOrEqual(200);
  }, 120_000);

  it('has federal, state and municipal organisations with .example domains only', async () => {
    const levels = await t.db.selectFrom('organisations').select('level').distinct().execute();
    expect(levels.map((l) => l.level).sort()).toEqual(['bund', 'kommune', 'land', 'sonstige']);
    const foreign = await t.db.selectFrom('organisationDomains').select('domain').where('domain', 'not like', '%.example').execute();
    expect(foreign).toEqual([]);
    const states = await t.db.selectFrom('organisations').select('state').distinct().where('level', '=', 'land').where('state', 'is not', null).execute();
    expect(states.length).toBe(16);
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.email, a.role] as const))('%s signs in through the API and the page as %s', async (email, role) => {
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: DEMO_PASSWORD } });
    expect(api.statusCode).toBe(200);
    expect(api.json().user.role).toBe(role);
    const client = new TestClient(t.app);
    await client.signIn(email, DEMO_PASSWORD);
    expect((await client.api('GET', '/api/v1/me')).json().role).toBe(role);
  });

  it('puts the applicant in the review queue and lets a demo person be found as an expert', async () => {
    const office = new TestClient(t.app);
    await office.signIn('office@knotenpunkt.example', DEMO_PASSWORD);
    expect((await office.get('/geschaeftsstelle/pruefung')).body).toContain('applicant@privat.example');
    const experts = (await office.api('GET', '/api/v1/experts?q=E-Akte')).json();
    expect(experts.total).toBeGreaterThan(5);
    expect(new Set(experts.items.map((e: { level: string }) => e.level)).size).toBeGreaterThan(1);
  });
});
