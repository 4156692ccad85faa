/**
 * Events in a real browser: axe (WCAG 2.1 A/AA, as in the other accessibility tests) at 1280
 * and 320 px and no sideways scrolling at 320 px on every event page, each in the state it is
 * for (visitor, member not registered, confirmed, waiting, organiser, the form with errors,
 * participants, check-in, calendar, certificate check with an empty, a genuine and a forged
 * code, the barcamp pages); a member registers by keyboard alone, answering a question; an
 * organiser creates an event without JavaScript, first with errors; the check-in list prints
 * without the page's frame.
 *
 * The data: seedCast + seedCommunities (with seedEvents: a public workshop with one place and a
 * question, Ben confirmed, Rita waiting; a past meeting with Ben's certificate), and here a
 * members' meeting with free places for the keyboard test. The barcamp (Mia and Ben registered,
 * Ben's session placed, the plan published) comes from seedEvents too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { BROWSER_TEST_TIMEOUT, checkA11yAtBothSizes, MOBILE, navigation, open, signInQuickly, TIMEOUT, useBrowser } from './browser.js';
import { seedCast } from './pages.js';
import { E, seedCommunities, type CommunityCast } from './community-pages.js';

let t: TestApp;
let cast: CommunityCast;
const browser = useBrowser(() => t.baseUrl);

/** The keyboard test's meeting: members only, free places, an optional question. */
const MEETING = { id: 'treffen-tastatur-00001', title: 'Netzwerktreffen Digitale Verwaltung', question: 'Welches Thema bringen Sie mit?' };
const BEN = 'ben.beispiel@musterstadt.example';
const RITA = 'rita.anfrage@musterstadt.example';

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  cast = await seedCommunities(t, await seedCast(t));
  const db = t.db;
  const lea = (await db.selectFrom('users').select('id').where('email', '=', cast.people.lead.email).executeTakeFirstOrThrow()).id;
  const at = (days: number, hour: number) => {
    const d = new Date(Date.now() + days * 86400_000);
    d.setUTCHours(hour - 1, 0, 0, 0);
    return d;
  };
  await db
    .insertInto('events')
    .values([
      { id: MEETING.id, kind: 'meeting', title: MEETING.title, description: 'Wir treffen uns zum Austausch.', startsAt: at(14, 14), endsAt: at(14, 17), place: 'Bürgerhaus Musterstadt', audience: 'members', capacity: 30, questions: JSON.stringify([{ id: 'q1', label: MEETING.question, required: false }]), createdBy: lea, updatedBy: lea },
    ])
    .execute();
  await db.insertInto('eventOrganisers').values({ eventId: MEETING.id, userId: lea }).execute();
});
afterAll(() => t?.close());

type Who = 'visitor' | 'member' | 'confirmed' | 'waiting' | 'organiser';
const emails = (): Record<Exclude<Who, 'visitor'>, string> => ({ member: cast.people.member.email, confirmed: BEN, waiting: RITA, organiser: cast.people.lead.email });

/** One page per person for the whole file, signed in on first use. */
const pages = new Map<Who, Promise<Page>>();
function pageOf(who: Who): Promise<Page> {
  let page = pages.get(who);
  if (!page) {
    page = browser.page({ keep: true }).then(async ({ page }) => {
      if (who !== 'visitor') await signInQuickly(page, emails()[who], TEST_PASSWORD);
      return page;
    });
    pages.set(who, page);
  }
  return page;
}

/** The structure rules the WCAG tags leave out (as in accessibility-communities.test.ts). */
async function checkStructure(page: Page, label: string): Promise<void> {
  const rules = ['duplicate-id', 'duplicate-id-active', 'duplicate-id-aria', 'heading-order', 'empty-heading', 'landmark-unique', 'landmark-one-main', 'page-has-heading-one'];
  const { violations } = await new AxeBuilder({ page }).withRules(rules).setLegacyMode(true).analyze();
  const found = violations.map((v) => `  • ${v.id}: ${v.help}\n${v.nodes.map((n) => `      - ${n.target.join(' ')}`).join('\n')}`);
  if (found.length > 0) throw new Error(`structure of ${label} (${page.url()}):\n${found.join('\n')}`);
}

/** At 320 px the document is no wider than the viewport (checkReflow names what sticks out). */
async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(MOBILE);
  const m = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  if (before) await page.setViewportSize(before);
  expect(m.viewport, label).toBe(MOBILE.width);
  expect(m.scrollWidth, `${label}: document width at 320 px`).toBeLessThanOrEqual(MOBILE.width);
}

/** Waits for the POST a button sends and the page that comes back; answers the POST's status. */
async function submit(page: Page, button: string): Promise<number> {
  const response = page.waitForResponse((r) => r.request().method() === 'POST', { timeout: TIMEOUT });
  await navigation(page, () => page.getByRole('button', { name: button, exact: true }).click());
  return (await response).status();
}

/** What has the keyboard focus: its element, id and name (label, aria-label or text). */
function focused(page: Page): Promise<{ tag: string; id: string; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    if (!el) return { tag: '', id: '', name: '' };
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return { tag: el.tagName.toLowerCase(), id: el.id, name: label.replace(/\s+/g, ' ').trim() };
  });
}

/** Presses Tab until `wanted` holds for the focused element, as a keyboard user would. */
async function tabTo(page: Page, what: string, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted(now)) return;
    seen.push(`${now.tag}${now.id ? `#${now.id}` : ''} "${now.name.slice(0, 40)}"`);
  }
  throw new Error(`${what} never got the focus by Tab on ${page.url()}; the focus went through:\n${seen.map((s) => `  - ${s}`).join('\n')}`);
}

interface EventPageSpec {
  label: string;
  path: string;
  who: Who;
  status?: number;
  /** Texts the page shows: proof that the state it is checked in is really there. */
  shows?: string[];
}

const eventPages: EventPageSpec[] = [
  { label: 'list (visitor, public events only)', path: '/veranstaltungen', who: 'visitor', shows: [E.workshopTitle] },
  { label: 'list (member)', path: '/veranstaltungen', who: 'member', shows: [E.workshopTitle, MEETING.title, E.barcampTitle] },
  { label: 'past events (member)', path: '/veranstaltungen?zeitraum=vergangen', who: 'member', shows: [E.pastTitle] },
  { label: 'public event (visitor)', path: `/veranstaltungen/${E.workshop}`, who: 'visitor', shows: ['Anmelden und teilnehmen', 'Ort-Details und Online-Link sehen Sie nach Ihrer Anmeldung.'] },
  { label: 'event with a question, full (member, not registered)', path: `/veranstaltungen/${E.workshop}`, who: 'member', shows: [E.question, 'Auf die Warteliste'] },
  { label: 'event with a question, free places (member, not registered)', path: `/veranstaltungen/${MEETING.id}`, who: 'member', shows: [MEETING.question, 'Verbindlich anmelden'] },
  { label: 'event (confirmed participant)', path: `/veranstaltungen/${E.workshop}`, who: 'confirmed', shows: ['Sie sind angemeldet', 'Saal 2, erstes Obergeschoss'] },
  { label: 'event (waiting participant)', path: `/veranstaltungen/${E.workshop}`, who: 'waiting', shows: ['Platz 1 der Warteliste', 'Von der Warteliste abmelden'] },
  { label: 'event (organiser)', path: `/veranstaltungen/${E.workshop}`, who: 'organiser', shows: ['Check-in-Liste (druckbar)'] },
  { label: 'past event with certificate (attendee)', path: `/veranstaltungen/${E.past}`, who: 'confirmed', shows: [E.pastTitle] },
  { label: 'new event form', path: '/veranstaltungen/neu', who: 'organiser', shows: ['Veranstaltung anlegen'] },
  { label: 'edit and cancel an event', path: `/veranstaltungen/${E.workshop}/bearbeiten`, who: 'organiser', shows: ['Veranstaltung absagen'] },
  { label: 'participants', path: `/veranstaltungen/${E.workshop}/teilnehmende`, who: 'organiser', shows: ['Ben Beispiel', 'Rita Anfrage', E.answer] },
  { label: 'check-in list', path: `/veranstaltungen/${E.workshop}/check-in`, who: 'organiser', shows: ['Ben Beispiel', 'Unterschrift'] },
  { label: 'calendar addresses', path: '/veranstaltungen/kalender', who: 'member', shows: ['Kalender abonnieren'] },
  { label: 'certificate check, empty', path: '/bescheinigungen', who: 'visitor' },
  { label: 'certificate check, genuine code', path: `/bescheinigungen/${E.certificate}`, who: 'visitor', shows: [E.certificate, 'Ben Beispiel', E.pastTitle] },
  { label: 'certificate check, forged code', path: '/bescheinigungen/KP-ABCD-EFGH-JKLM', who: 'visitor', status: 404 },
  { label: 'certificate check, malformed code', path: '/bescheinigungen?code=gef%C3%A4lscht', who: 'visitor', status: 404 },
];

const barcampPages: EventPageSpec[] = [
  { label: 'barcamp programme', path: `/veranstaltungen/${E.barcamp}/programm`, who: 'member', shows: [E.sessionTitle] },
  { label: 'barcamp: propose a session', path: `/veranstaltungen/${E.barcamp}/programm/neu`, who: 'member' },
  { label: 'barcamp session', path: `/veranstaltungen/${E.barcamp}/sessions/${E.session}`, who: 'confirmed', shows: [E.sessionTitle] },
  { label: 'barcamp plan (organiser)', path: `/veranstaltungen/${E.barcamp}/plan`, who: 'organiser', shows: ['Saal 1'] },
  { label: 'barcamp live', path: `/veranstaltungen/${E.barcamp}/live`, who: 'member' },
];

async function checkPage(spec: EventPageSpec): Promise<void> {
  const page = await pageOf(spec.who);
  await open(page, spec.path, spec.status);
  const text = await page.locator('main').innerText();
  for (const shown of spec.shows ?? []) expect(text, `${spec.label} shows "${shown}"`).toContain(shown);
  await checkStructure(page, spec.label);
  await checkA11yAtBothSizes(page, spec.label);
  await expectNoSidewaysScroll(page, spec.label);
}

describe('accessibility of the event pages', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it.each(eventPages.map((p) => [`${p.label}: ${p.path} (${p.who})`, p] as const))('%s', async (_name, spec) => checkPage(spec));

  it('the new-event form after a failed submit (422): errors shown, input kept', async () => {
    const page = await pageOf('organiser');
    await open(page, '/veranstaltungen/neu');
    await page.getByLabel('Titel', { exact: true }).fill('Werkstatt Zeitreise');
    await page.getByLabel('Beginn').fill('2027-03-04T14:00');
    await page.getByLabel('Ende').fill('2027-03-04T09:00');
    expect(await submit(page, 'Veranstaltung anlegen')).toBe(422);
    await expect(page.locator('#error-summary').count()).resolves.toBe(1);
    // With JavaScript the summary takes the focus, so that it is read out first.
    await page.waitForFunction(() => document.activeElement?.id === 'error-summary', undefined, { timeout: TIMEOUT });
    await expect(page.locator('#f-title').inputValue()).resolves.toBe('Werkstatt Zeitreise');
    await checkStructure(page, 'new event with errors');
    await checkA11yAtBothSizes(page, 'new event with errors');
    await expectNoSidewaysScroll(page, 'new event with errors');
  });

  it('the registration form after a failed submit (an answer too long, 422)', async () => {
    const page = await pageOf('member');
    await open(page, `/veranstaltungen/${E.workshop}`);
    await page.getByLabel(E.question).fill('x'.repeat(1000) + 'y');
    // maxlength stops typing; the server is the one to check, so the limit is lifted as a script could.
    await page.locator('#f-answer_q1').evaluate((el) => el.removeAttribute('maxlength'));
    await page.getByLabel(E.question).fill('x'.repeat(1001));
    expect(await submit(page, 'Auf die Warteliste')).toBe(422);
    await expect(page.locator('#error-summary').count()).resolves.toBe(1);
    await checkStructure(page, 'registration with errors');
    await checkA11yAtBothSizes(page, 'registration with errors');
  });
});

describe('accessibility of the barcamp pages', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it.each(barcampPages.map((p) => [`${p.label}: ${p.path} (${p.who})`, p] as const))('%s', async (_name, spec) => checkPage(spec));
});

describe('events by keyboard and without JavaScript', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('a member registers by keyboard alone, answering the question, and is told "Sie sind angemeldet"', async () => {
    const { page, requests } = await browser.page();
    await signInQuickly(page, cast.people.member.email, TEST_PASSWORD);
    await open(page, `/veranstaltungen/${MEETING.id}`);
    await tabTo(page, 'the question field', (f) => f.id === 'f-answer_q1');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'textarea', name: `${MEETING.question} – optional` });
    await page.keyboard.type('Offene Daten im Bauamt');
    await tabTo(page, 'the registration button', (f) => f.tag === 'button' && f.name === 'Verbindlich anmelden', 5);
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe(`/veranstaltungen/${MEETING.id}`);
    await expect(page.locator('main > .kp-flash[role="status"]').innerText()).resolves.toContain('Sie sind angemeldet.');
    await expect(page.locator('#registration-heading + p').innerText()).resolves.toContain('Sie sind angemeldet');
    const mia = await t.db.selectFrom('users').select('id').where('email', '=', cast.people.member.email).executeTakeFirstOrThrow();
    const reg = await t.db.selectFrom('eventRegistrations').select(['status', 'answers']).where('eventId', '=', MEETING.id).where('userId', '=', mia.id).executeTakeFirstOrThrow();
    expect(reg).toEqual({ status: 'confirmed', answers: { q1: 'Offene Daten im Bauamt' } });
    expect(requests.pageErrors).toEqual([]);
    requests.assertOnlyOrigin(new URL(t.baseUrl).origin);
  });

  it('without JavaScript the organiser creates an event: first with errors (summary, input kept), then correctly', async () => {
    const { page, requests } = await browser.page({ javaScriptEnabled: false });
    await signInQuickly(page, cast.people.lead.email, TEST_PASSWORD);
    await open(page, '/veranstaltungen');
    await navigation(page, () => page.getByRole('link', { name: 'Veranstaltung anlegen' }).click());
    expect(new URL(page.url()).pathname).toBe('/veranstaltungen/neu');

    const title = 'Werkstatt Aktenplan ohne Skript';
    const description = 'Wir überarbeiten den Aktenplan.\n\n- Bestand\n- Ziel';
    await page.getByLabel('Art', { exact: true }).selectOption('workshop');
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByLabel('Beschreibung').fill(description);
    // The end before the start, and neither place nor link.
    await page.getByLabel('Beginn').fill('2027-03-04T14:00');
    await page.getByLabel('Ende').fill('2027-03-04T09:00');
    await page.getByLabel('Community').selectOption({ label: 'E-Akte in Kommunen' });
    await page.getByLabel('Für wen').selectOption('members');
    await page.locator('#f-question1').fill('Welche Fachanwendung nutzen Sie?');
    expect(await submit(page, 'Veranstaltung anlegen')).toBe(422);
    expect(new URL(page.url()).pathname).toBe('/veranstaltungen/neu');

    const summary = page.locator('#error-summary');
    await expect(summary.count()).resolves.toBe(1);
    await expect(summary.getAttribute('role')).resolves.toBe('alert');
    // It comes first in the form and can take the focus (the script focuses it when there is one).
    await expect(summary.getAttribute('tabindex')).resolves.toBe('-1');
    await expect(summary.locator('a[href="#f-endsAt"]').count()).resolves.toBe(1);
    await expect(summary.locator('a[href="#f-place"]').count()).resolves.toBe(1);
    await expect(page.locator('#f-endsAt').getAttribute('aria-invalid')).resolves.toBe('true');
    // Everything typed is kept.
    await expect(page.locator('#f-title').inputValue()).resolves.toBe(title);
    await expect(page.locator('#f-description').inputValue()).resolves.toBe(description);
    await expect(page.locator('#f-startsAt').inputValue()).resolves.toBe('2027-03-04T14:00');
    await expect(page.locator('#f-endsAt').inputValue()).resolves.toBe('2027-03-04T09:00');
    await expect(page.locator('#f-audience').inputValue()).resolves.toBe('members');
    await expect(page.locator('#f-question1').inputValue()).resolves.toBe('Welche Fachanwendung nutzen Sie?');

    // From the summary to the field, and right this time.
    await summary.locator('a[href="#f-endsAt"]').click();
    expect(new URL(page.url()).hash).toBe('#f-endsAt');
    await page.locator('#f-endsAt').fill('2027-03-04T17:00');
    await page.locator('#f-place').fill('Rathaus Musterstadt');
    await navigation(page, () => page.getByRole('button', { name: 'Veranstaltung anlegen', exact: true }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/veranstaltungen\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(title);
    await expect(page.locator('main > .kp-flash[role="status"]').innerText()).resolves.toContain('Die Veranstaltung ist angelegt.');
    await expect(page.locator('main').innerText()).resolves.toContain('Donnerstag, 4. März 2027, 14:00–17:00 Uhr');
    expect(requests.pageErrors).toEqual([]);
    requests.assertOnlyOrigin(new URL(t.baseUrl).origin);
  });

  it('the check-in list prints without the page frame: a table with room to sign', async () => {
    const page = await pageOf('organiser');
    await open(page, `/veranstaltungen/${E.workshop}/check-in`);
    await page.emulateMedia({ media: 'print' });
    try {
      const shown = (selector: string) => page.locator(selector).evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden').length);
      for (const frame of ['.kp-skip-link', 'header.kp-header', 'nav.kp-breadcrumbs', 'footer.kp-footer', '.kp-no-print']) {
        expect(await shown(frame), `${frame} is hidden in print`).toBe(0);
      }
      await expect(page.locator('table.kp-check-in').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
      await expect(page.locator('table.kp-check-in tbody tr').count()).resolves.toBe(1);
      const cell = await page.locator('table.kp-check-in td.kp-signature').first().boundingBox();
      expect(cell, 'a signature cell').not.toBeNull();
      expect(cell!.width, 'signature cell width').toBeGreaterThanOrEqual(150);
      expect(cell!.height, 'signature cell height').toBeGreaterThanOrEqual(36);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    // On screen the frame is back.
    await expect(page.locator('header.kp-header').isVisible()).resolves.toBe(true);
  });
});
