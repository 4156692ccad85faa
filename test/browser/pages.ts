/**
 * The pages of the accounts issue, who sees them, and the people to see them with; shared
 * by the accessibility and the third-party-request tests.
 */
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { signInQuickly, type BrowserFixture } from './browser.js';
import { updateOwnProfile } from '../../src/features/members/members.service.js';

export type Who = 'anonymous' | 'member' | 'applicant' | 'office';

export interface PageSpec {
  label: string;
  path: string;
  who: Who;
  /** The status the page answers with (after redirects); 200 unless said. */
  status?: number;
}

export const publicPages: PageSpec[] = [
  { label: 'landing page', path: '/', who: 'anonymous' },
  { label: 'sign in', path: '/anmelden', who: 'anonymous' },
  { label: 'register', path: '/registrieren', who: 'anonymous' },
  { label: 'register: check your mail', path: '/registrieren/postfach', who: 'anonymous' },
  { label: 'sign-in link', path: '/anmelden/link', who: 'anonymous' },
  { label: 'sign-in link sent', path: '/anmelden/link/gesendet', who: 'anonymous' },
  { label: 'forgotten password', path: '/passwort-vergessen', who: 'anonymous' },
  { label: 'forgotten password: sent', path: '/passwort-vergessen/gesendet', who: 'anonymous' },
  { label: 'invalid link', path: '/passwort-zuruecksetzen/abgelaufen-abgelaufen-abgelaufen', who: 'anonymous', status: 410 },
  { label: 'imprint', path: '/impressum', who: 'anonymous' },
  { label: 'privacy', path: '/datenschutz', who: 'anonymous' },
  { label: 'accessibility statement', path: '/barrierefreiheit', who: 'anonymous' },
  { label: 'events', path: '/veranstaltungen', who: 'anonymous' },
  { label: 'certificate check', path: '/bescheinigungen', who: 'anonymous' },
];

export const signedInPages: PageSpec[] = [
  { label: 'start page (member)', path: '/', who: 'member' },
  { label: 'start page (applicant)', path: '/', who: 'applicant' },
  { label: '404 page', path: '/gibt-es-nicht', who: 'member', status: 404 },
  { label: 'account', path: '/konto', who: 'member' },
  { label: 'account: password', path: '/konto/passwort', who: 'member' },
  { label: 'account: e-mail', path: '/konto/email', who: 'member' },
  { label: 'account: sessions', path: '/konto/sitzungen', who: 'member' },
  { label: 'account: access tokens', path: '/konto/zugangstoken', who: 'member' },
  { label: 'account (applicant)', path: '/konto', who: 'applicant' },
  { label: 'organisations', path: '/organisationen', who: 'member' },
  { label: 'office', path: '/geschaeftsstelle', who: 'office' },
  { label: 'office: review queue', path: '/geschaeftsstelle/pruefung', who: 'office' },
  { label: 'office: people', path: '/geschaeftsstelle/nutzer', who: 'office' },
  { label: 'office: audit log', path: '/geschaeftsstelle/protokoll', who: 'office' },
  { label: 'office: organisations', path: '/geschaeftsstelle/organisationen', who: 'office' },
  { label: 'office: pages', path: '/geschaeftsstelle/seiten', who: 'office' },
  { label: 'office: accessibility feedback', path: '/geschaeftsstelle/rueckmeldungen', who: 'office' },
  { label: 'office: one application', path: '/geschaeftsstelle/pruefung/anton-antrag-00001', who: 'office' },
  { label: 'office: one person', path: '/geschaeftsstelle/nutzer/mia-mitglied-00001', who: 'office' },
  { label: 'office: one organisation', path: '/geschaeftsstelle/organisationen/stadt-muster-001', who: 'office' },
  { label: 'office: new organisation', path: '/geschaeftsstelle/organisationen/neu', who: 'office' },
  { label: 'office: import organisations', path: '/geschaeftsstelle/organisationen/import', who: 'office' },
  { label: 'office: import preview', path: '/geschaeftsstelle/organisationen/import/import-preview-01', who: 'office' },
  { label: 'office: merge organisations', path: '/geschaeftsstelle/organisationen/stadt-muster-001/zusammenfuehren', who: 'office' },
  { label: 'organisation page', path: '/organisationen/stadt-muster-001', who: 'member' },
  { label: 'member directory', path: '/mitglieder', who: 'member' },
  { label: 'member directory, filtered', path: '/mitglieder?q=Mia&level=kommune', who: 'office' },
  { label: 'own profile', path: '/mitglieder/mia-mitglied-00001', who: 'member' },
  { label: "a colleague's profile", path: '/mitglieder/mia-mitglied-00001', who: 'office' },
  { label: 'edit profile', path: '/konto/profil', who: 'member' },
  { label: 'expert finder', path: '/wer-weiss-was', who: 'member' },
  { label: 'expert finder with results', path: '/wer-weiss-was?q=E-Akte', who: 'office' },
  { label: 'expert finder without results', path: '/wer-weiss-was?q=Raumfahrt', who: 'office' },
  { label: 'notifications', path: '/benachrichtigungen', who: 'member' },
  { label: 'notification settings', path: '/konto/benachrichtigungen', who: 'member' },
  { label: 'messages', path: '/nachrichten', who: 'member' },
  { label: 'office: reported messages', path: '/geschaeftsstelle/nachrichten', who: 'office' },
];

export interface Cast {
  organisationId: string;
  people: Record<Exclude<Who, 'anonymous'>, { email: string; password: string; name: string }>;
}

/**
 * Organisations and people so that lists are not empty: a member, an applicant waiting for
 * review (with a reason), an office person, and a second organisation.
 */
export async function seedCast(t: TestApp): Promise<Cast> {
  const org = await createOrganisation(t.db, { id: 'stadt-muster-001', name: 'Stadt Musterstadt', domains: ['musterstadt.example'] });
  await createOrganisation(t.db, { name: 'Ministerium für Beispiele', level: 'land', type: 'ministerium', domains: ['mb.land.example'], allowSubdomains: true });
  const member = await createUser(t.db, { id: 'mia-mitglied-00001', email: 'mitglied@musterstadt.example', name: 'Mia Mitglied', organisationId: org.id });
  const applicant = await createUser(t.db, { id: 'anton-antrag-00001', email: 'antrag@privat.example', name: 'Anton Antrag', role: 'applicant' });
  const memberActor = { kind: 'user', via: 'session', sessionId: 'seed', scopes: ['read', 'write'], user: { id: member.id, name: member.name, email: member.email, role: 'member', organisationId: org.id, locale: 'de' } } as const;
  await updateOwnProfile(t.db, memberActor, { position: 'Referentin E-Government', bio: 'Ich arbeite an der **E-Akte**.', phone: '+49 30 1234', expertise: ['E-Akte', 'OZG-Umsetzung'], ask: ['Open Source'], languages: ['de', 'en'] });
  await t.db
    .insertInto('organisationImports')
    .values({ id: 'import-preview-01', filename: null, rows: JSON.stringify([{ name: 'Stadt Neu', level: 'Kommune', state: 'NW', type: 'stadt', domains: 'neu.example' }, { name: '', level: 'Planet' }]), createdBy: null })
    .execute();
  await t.db.updateTable('users').set({ organisationOther: 'Amt für Beispiele', applicationReason: 'Ich arbeite im Bauamt.' }).where('id', '=', applicant.id).execute();
  const office = await createUser(t.db, { email: 'geschaeftsstelle@knotenpunkt.example', name: 'Gesa Geschäftsstelle', role: 'office' });
  const person = (u: { email: string; name: string }) => ({ email: u.email, name: u.name, password: TEST_PASSWORD });
  return { organisationId: org.id, people: { member: person(member), applicant: person(applicant), office: person(office) } };
}

/**
 * One page per person for the whole file, signed in on first use. For tests that only look:
 * a new context per page would cost most of a second each on two cores.
 */
export function pagesOf(browser: BrowserFixture, cast: () => Cast): (who: Who) => Promise<Page> {
  const pages = new Map<Who, Promise<Page>>();
  return (who) => {
    let page = pages.get(who);
    if (!page) {
      page = browser.page({ keep: true }).then(async ({ page }) => {
        if (who !== 'anonymous') await signInQuickly(page, cast().people[who].email, cast().people[who].password);
        return page;
      });
      pages.set(who, page);
    }
    return page;
  };
}
