import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, decodeEntities, fieldError } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import type { Role } from '../../db/schema.js';

let t: TestApp;
const staff: Record<'office' | 'admin', { id: string; client: TestClient }> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ['office', 'admin'] as const) {
    const user = await createUser(t.db, { role, name: role === 'office' ? 'Olaf Office' : 'Ada Admin' });
    const client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD);
    staff[role] = { id: user.id, client };
  }
});
afterAll(() => t.close());

const roleOf = async (id: string) => (await t.db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow()).role;
const changeRole = (who: 'office' | 'admin', id: string, role: Role) => staff[who].client.post(`/geschaeftsstelle/nutzer/${id}/rolle`, { role });

describe('finding people', () => {
  it('searches by name or address, in German order, with a count', async () => {
    const org = await createOrganisation(t.db, { name: 'Suchamt' });
    await createUser(t.db, { name: 'Zora Suchbar', email: 'zora@suchamt.example', organisationId: org.id });
    await createUser(t.db, { name: 'Ärmin Suchbar', email: 'aermin@suchamt.example', role: 'applicant' });
    await createUser(t.db, { name: 'Bernd Anders', email: 'bernd@suchbar.example' });
    const res = await staff.office.client.get('/geschaeftsstelle/nutzer?q=suchbar');
    expect(res.statusCode).toBe(200);
    const body = decodeEntities(res.body);
    expect(body).toContain('3 Personen');
    expect(body.indexOf('Ärmin Suchbar')).toBeLessThan(body.indexOf('Bernd Anders'));
    expect(body.indexOf('Bernd Anders')).toBeLessThan(body.indexOf('Zora Suchbar'));
    expect(body).toContain('Antrag offen');
    expect(body).toContain('Suchamt');
    expect(decodeEntities((await staff.office.client.get('/geschaeftsstelle/nutzer?q=niemand-heisst-so')).body)).toContain('Niemand gefunden');
    // Wildcards are searched for literally.
    expect(decodeEntities((await staff.office.client.get('/geschaeftsstelle/nutzer?q=%25')).body)).toContain('Niemand gefunden');
  });
});

describe('changing roles', () => {
  it('lets the office move people between applicant, member and partner, with the old and new role in the log', async () => {
    const person = await createUser(t.db, { role: 'applicant', name: 'Paula Partnerin' });
    const page = await staff.office.client.get(`/geschaeftsstelle/nutzer/${person.id}`);
    expect(page.body).toContain('<option value="member">Mitglied</option>');
    expect(page.body).toContain('<option value="partner">');
    expect(page.body).not.toContain('<option value="admin">');
    expect(page.body).not.toContain('<option value="office">');

    const res = await changeRole('office', person.id, 'member');
    expect(res.statusCode).toBe(303);
    expect(decodeEntities((await staff.office.client.get(res.headers.location as string)).body)).toContain('Die Rolle von Paula Partnerin ist jetzt „Mitglied“.');
    const row = await t.db.selectFrom('users').select(['role', 'verifiedVia', 'verifiedBy', 'reviewStatus']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'member', verifiedVia: 'review', verifiedBy: staff.office.id, reviewStatus: null });

    expect((await changeRole('office', person.id, 'partner')).statusCode).toBe(303);
    expect(await roleOf(person.id)).toBe('partner');
    const log = await t.db.selectFrom('auditLog').select(['action', 'actorId', 'details']).where('targetId', '=', person.id).orderBy('id').execute();
    expect(log).toEqual([
      { action: 'user.role', actorId: staff.office.id, details: { name: 'Paula Partnerin', oldRole: 'applicant', newRole: 'member' } },
      { action: 'user.role', actorId: staff.office.id, details: { name: 'Paula Partnerin', oldRole: 'member', newRole: 'partner' } },
    ]);
  });

  it('does not let the office grant or take away office and admin roles (403); an admin can', async () => {
    const member = await createUser(t.db);
    const colleague = await createUser(t.db, { role: 'office' });
    const refused = await changeRole('office', member.id, 'admin');
    expect(refused.statusCode).toBe(403);
    expect(fieldError(refused.body, 'role')).toContain('Diese Rollenänderung dürfen Sie nicht vornehmen.');
    expect((await changeRole('office', member.id, 'office')).statusCode).toBe(403);
    expect((await changeRole('office', colleague.id, 'member')).statusCode).toBe(403);
    expect((await changeRole('office', staff.admin.id, 'member')).statusCode).toBe(403);
    expect(await roleOf(member.id)).toBe('member');
    expect(await roleOf(colleague.id)).toBe('office');
    expect(await roleOf(staff.admin.id)).toBe('admin');
    expect(decodeEntities((await staff.office.client.get(`/geschaeftsstelle/nutzer/${colleague.id}`)).body)).toContain('kann nur die Administration ändern');

    expect((await changeRole('admin', member.id, 'admin')).statusCode).toBe(303);
    expect(await roleOf(member.id)).toBe('admin');
    expect((await changeRole('admin', colleague.id, 'member')).statusCode).toBe(303);
    expect(await roleOf(colleague.id)).toBe('member');
    const log = await t.db.selectFrom('auditLog').select('details').where('targetId', '=', member.id).execute();
    expect(log).toEqual([{ details: expect.objectContaining({ oldRole: 'member', newRole: 'admin' }) }]);
  });

  it('lets nobody change their own role', async () => {
    for (const who of ['office', 'admin'] as const) {
      const res = await changeRole(who, staff[who].id, 'member');
      expect(res.statusCode, who).toBe(403);
      expect(await roleOf(staff[who].id)).toBe(who);
      expect(decodeEntities((await staff[who].client.get(`/geschaeftsstelle/nutzer/${staff[who].id}`)).body)).toContain('Ihre eigene Rolle');
    }
  });

  it('names an unknown role at the field (422)', async () => {
    const member = await createUser(t.db);
    const res = await changeRole('admin', member.id, 'kaiser' as Role);
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, 'role')).toBe('Bitte wählen Sie eine Rolle aus der Liste.');
  });
});

describe('suspending', () => {
  it('signs the person out everywhere, keeps them out, and can be lifted', async () => {
    const member = await createUser(t.db, { name: 'Sven Sperre' });
    const device = new TestClient(t.app);
    await device.signIn(member.email, TEST_PASSWORD);
    const res = await staff.office.client.post(`/geschaeftsstelle/nutzer/${member.id}/sperren`);
    expect(res.statusCode).toBe(303);
    expect((await device.api('GET', '/api/v1/me')).statusCode).toBe(401);
    expect(await t.db.selectFrom('sessions').select('id').where('userId', '=', member.id).execute()).toEqual([]);
    const again = new TestClient(t.app);
    await again.get('/anmelden');
    expect((await again.post('/anmelden', { email: member.email, password: TEST_PASSWORD })).statusCode).toBe(422);
    expect(decodeEntities((await staff.office.client.get(`/geschaeftsstelle/nutzer/${member.id}`)).body)).toContain('Gesperrt seit');

    expect((await staff.office.client.post(`/geschaeftsstelle/nutzer/${member.id}/entsperren`)).statusCode).toBe(303);
    expect((await again.post('/anmelden', { email: member.email, password: TEST_PASSWORD })).statusCode).toBe(303);
    const log = await t.db.selectFrom('auditLog').select('action').where('targetId', '=', member.id).orderBy('id').execute();
    expect(log.map((r) => r.action)).toEqual(['user.suspend', 'user.unsuspend']);
  });

  it('does not let the office suspend staff or anyone themselves', async () => {
    const res = await staff.office.client.post(`/geschaeftsstelle/nutzer/${staff.admin.id}/sperren`);
    expect(res.statusCode).toBe(403);
    expect(decodeEntities(res.body)).toContain('kann nur die Administration ändern');
    expect((await staff.admin.client.post(`/geschaeftsstelle/nutzer/${staff.admin.id}/sperren`)).statusCode).toBe(403);
    const suspended = await t.db.selectFrom('users').select('id').where('suspendedAt', 'is not', null).where('id', 'in', [staff.admin.id, staff.office.id]).execute();
    expect(suspended).toEqual([]);
  });
});
