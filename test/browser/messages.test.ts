/**
 * Direct messages in a real browser: axe (WCAG 2.1 A/AA) at 1280 and 320 px and no sideways
 * scrolling at 320 px on my conversations (with an unread one, and empty), a conversation
 * (with a long message, a reported and a blocked one), the first-message form after a failed
 * submit (422), the report form, the office's list of reported messages; sending a reply by
 * keyboard alone; writing a first message from a profile without JavaScript.
 *
 * The data: seedCast (Mia, member; Gesa, office) and here Ben (member) with a conversation with
 * Mia (his newest message unread for her, one of his messages reported by Mia), Paula
 * (partner, sharing a community with Mia), and Nils, whom Mia has blocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { createCommunity } from '../helpers/communities.js';
import { newId } from '../../src/lib/ids.js';
import { BROWSER_TEST_TIMEOUT, checkA11yAtBothSizes, MOBILE, navigation, open, signInQuickly, TIMEOUT, useBrowser } from './browser.js';
import { seedCast, type Cast } from './pages.js';

let t: TestApp;
let cast: Cast;
const browser = useBrowser(() => t.baseUrl);

const M = {
  withBen: 'unterhaltung-ben-0001',
  withNils: 'unterhaltung-nils-001',
  reported: 'nachricht-gemeldet-01',
  ben: 'ben-beispiel-000001',
  paula: 'paula-partner-00001',
  nils: 'nils-nachtigal-00001',
  carla: 'carla-kollegin-00001',
};

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  cast = await seedCast(t);
  const db = t.db;
  const mia = (await db.selectFrom('users').select('id').where('email', '=', cast.people.member.email).executeTakeFirstOrThrow()).id;
  const ben = await createUser(db, { id: M.ben, email: 'ben.beispiel@musterstadt.example', name: 'Ben Beispiel', organisationId: cast.organisationId });
  const paula = await createUser(db, { id: M.paula, email: 'paula@dienstleister.example', name: 'Paula Partner', role: 'partner' });
  const nils = await createUser(db, { id: M.nils, email: 'nils@musterstadt.example', name: 'Nils Nachtigal', organisationId: cast.organisationId });
  await createUser(db, { id: M.carla, email: 'carla@musterstadt.example', name: 'Carla Kollegin', organisationId: cast.organisationId });
  await createCommunity(db, { name: 'E-Akte in Kommunen', partnersAllowed: true, members: [{ userId: mia }, { userId: paula.id }, { userId: ben.id }] });

  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  const conversation = async (id: string, a: string, b: string, messages: { id?: string; author: string; body: string; at: Date }[], readA: Date | null) => {
    const pair = [a, b].sort().join(':');
    const last = messages.at(-1)!.at;
    await db.insertInto('conversations').values({ id, pairKey: pair, createdBy: messages[0]!.author, lastMessageAt: last }).execute();
    await db
      .insertInto('conversationParticipants')
      .values([
        { conversationId: id, userId: a, lastReadAt: readA },
        { conversationId: id, userId: b, lastReadAt: last },
      ])
      .execute();
    await db.insertInto('messages').values(messages.map((m) => ({ id: m.id ?? newId(), conversationId: id, authorId: m.author, body: m.body, createdAt: m.at }))).execute();
  };
  await conversation(
    M.withBen,
    mia,
    ben.id,
    [
      { author: ben.id, body: 'Hallo Mia,\nhast du Erfahrungen mit dem Scannen von Bauakten?', at: minutesAgo(120) },
      { author: mia, body: 'Ja, wir scannen seit 2023 ersetzend.\n\nIch schicke dir gern unsere Verfahrensdokumentation.', at: minutesAgo(90) },
      { id: M.reported, author: ben.id, body: 'Kauf dir doch einfach einen besseren Scanner, ha!', at: minutesAgo(60) },
      { author: ben.id, body: `Entschuldige, das war daneben. ${'Eine sehr lange Nachricht ohne Umbruch, die auf schmalen Bildschirmen umbrechen muss. '.repeat(8)}`, at: minutesAgo(5) },
    ],
    minutesAgo(30),
  );
  await conversation(M.withNils, mia, nils.id, [{ author: nils.id, body: 'Bitte melde dich!', at: minutesAgo(200) }], minutesAgo(200));
  await db.insertInto('userBlocks').values({ blockerId: mia, blockedId: nils.id }).execute();
  await db.insertInto('messageReports').values({ id: 'meldung-00000000001', messageId: M.reported, reporterId: mia, reason: 'Herablassend und unsachlich.' }).execute();
});
afterAll(() => t?.close());

type Who = 'member' | 'office' | 'partner' | 'carla';
const emails = (): Record<Who, string> => ({ member: cast.people.member.email, office: cast.people.office.email, partner: 'paula@dienstleister.example', carla: 'carla@musterstadt.example' });

const pages = new Map<Who, Promise<Page>>();
function pageOf(who: Who): Promise<Page> {
  let page = pages.get(who);
  if (!page) {
    page = browser.page({ keep: true }).then(async ({ page }) => {
      await signInQuickly(page, emails()[who], TEST_PASSWORD);
      return page;
    });
    pages.set(who, page);
  }
  return page;
}

/** The structure rules the WCAG tags leave out (as in the other browser tests). */
async function checkStructure(page: Page, label: string): Promise<void> {
  const rules = ['duplicate-id', 'duplicate-id-active', 'duplicate-id-aria', 'heading-order', 'empty-heading', 'landmark-unique', 'landmark-one-main', 'page-has-heading-one'];
  const { violations } = await new AxeBuilder({ page }).withRules(rules).setLegacyMode(true).analyze();
  const found = violations.map((v) => `  • ${v.id}: ${v.help}\n${v.nodes.map((n) => `      - ${n.target.join(' ')}`).join('\n')}`);
  if (found.length > 0) throw new Error(`structure of ${label} (${page.url()}):\n${found.join('\n')}`);
}

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(MOBILE);
  const m = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  if (before) await page.setViewportSize(before);
  expect(m.scrollWidth, `${label}: document width at 320 px`).toBeLessThanOrEqual(MOBILE.width);
}

async function checkAll(page: Page, label: string): Promise<void> {
  await checkStructure(page, label);
  await checkA11yAtBothSizes(page, label);
  await expectNoSidewaysScroll(page, label);
}

/** What has the keyboard focus: its element, id and name. */
function focused(page: Page): Promise<{ tag: string; id: string; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    if (!el) return { tag: '', id: '', name: '' };
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return { tag: el.tagName.toLowerCase(), id: el.id, name: label.replace(/\s+/g, ' ').trim() };
  });
}

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

interface Spec {
  label: string;
  path: string;
  who: Who;
  shows: string[];
}

const specs = (): Spec[] => [
  { label: 'my conversations, one unread', path: '/nachrichten', who: 'member', shows: ['Ben Beispiel', '1 ungelesene Nachricht', 'Nils Nachtigal', '2 Unterhaltungen'] },
  { label: 'my conversations, none yet', path: '/nachrichten', who: 'carla', shows: ['Sie haben noch keine Nachrichten.'] },
  { label: 'a conversation (reported message, long message)', path: `/nachrichten/${M.withBen}`, who: 'member', shows: ['Von Ihnen gemeldet', 'Verfahrensdokumentation', 'Person blockieren', 'Nachricht senden'] },
  { label: 'a conversation with a blocked person', path: `/nachrichten/${M.withNils}`, who: 'member', shows: ['Sie haben Nils Nachtigal blockiert.', 'Blockierung aufheben'] },
  { label: 'the office’s reported messages', path: '/geschaeftsstelle/nachrichten', who: 'office', shows: ['Herablassend und unsachlich.', 'Kauf dir doch einfach', 'Mia Mitglied', 'Ben Beispiel', 'Als erledigt markieren'] },
  { label: 'a first message to a partner', path: `/nachrichten/neu?an=${M.paula}`, who: 'member', shows: ['Nachricht an Paula Partner'] },
];

describe('accessibility of the message pages', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it.each(['my conversations, one unread', 'my conversations, none yet', 'a conversation (reported message, long message)', 'a conversation with a blocked person', 'the office’s reported messages', 'a first message to a partner'])(
    '%s',
    async (label) => {
      const spec = specs().find((s) => s.label === label)!;
      const page = await pageOf(spec.who);
      await open(page, spec.path);
      const text = await page.locator('main').innerText();
      for (const shown of spec.shows) expect(text, `${spec.label} shows "${shown}"`).toContain(shown);
      await checkAll(page, spec.label);
    },
  );

  it('the report form (Ben reports Mia’s message)', async () => {
    const ben = (await browser.page()).page;
    await signInQuickly(ben, 'ben.beispiel@musterstadt.example', TEST_PASSWORD);
    await open(ben, `/nachrichten/${M.withBen}`);
    await navigation(ben, () => ben.getByRole('link', { name: /^Melden/ }).first().click());
    expect(new URL(ben.url()).pathname).toMatch(new RegExp(`^/nachrichten/${M.withBen}/melden/`));
    await expect(ben.locator('main').innerText()).resolves.toContain('Ja, wir scannen seit 2023 ersetzend.');
    await checkAll(ben, 'the report form');
  });

  it('the first-message form after a failed submit (422): the error at the field, the summary, the input kept', async () => {
    const page = await pageOf('member');
    await open(page, `/nachrichten/neu?an=${M.carla}`);
    await page.getByLabel('Ihre Nachricht').fill('   ');
    const response = page.waitForResponse((r) => r.request().method() === 'POST', { timeout: TIMEOUT });
    await navigation(page, () => page.getByRole('button', { name: 'Nachricht senden', exact: true }).click());
    expect((await response).status()).toBe(422);
    await expect(page.locator('#error-summary').count()).resolves.toBe(1);
    await expect(page.locator('#f-body-error').innerText()).resolves.toContain('Bitte füllen Sie dieses Feld aus.');
    await checkAll(page, 'first message with errors');
  });
});

describe('messages by keyboard and without JavaScript', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('Mia answers Ben by keyboard alone', async () => {
    const { page, requests } = await browser.page();
    await signInQuickly(page, cast.people.member.email, TEST_PASSWORD);
    await open(page, `/nachrichten/${M.withBen}`);
    await tabTo(page, 'the message field', (f) => f.id === 'f-body');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'textarea', name: 'Ihre Nachricht' });
    await page.keyboard.type('Schon gut, Ben.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Bis bald!');
    await tabTo(page, 'the send button', (f) => f.tag === 'button' && f.name === 'Nachricht senden', 5);
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe(`/nachrichten/${M.withBen}`);
    await expect(page.locator('main > .kp-flash[role="status"]').innerText()).resolves.toContain('Ihre Nachricht wurde gesendet.');
    await expect(page.locator('main').innerText()).resolves.toContain('Schon gut, Ben.\nBis bald!');
    const stored = await t.db.selectFrom('messages').select('body').where('conversationId', '=', M.withBen).orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
    expect(stored.body).toBe('Schon gut, Ben.\nBis bald!');
    expect(requests.pageErrors).toEqual([]);
    requests.assertOnlyOrigin(new URL(t.baseUrl).origin);
  });

  it('without JavaScript Paula writes to Mia from her profile: first empty (422), then sent', async () => {
    const { page, requests } = await browser.page({ javaScriptEnabled: false });
    await signInQuickly(page, 'paula@dienstleister.example', TEST_PASSWORD);
    const mia = (await t.db.selectFrom('users').select('id').where('email', '=', cast.people.member.email).executeTakeFirstOrThrow()).id;
    await open(page, `/mitglieder/${mia}`);
    await navigation(page, () => page.getByRole('link', { name: 'Nachricht schreiben' }).click());
    expect(new URL(page.url()).pathname).toBe('/nachrichten/neu');
    await navigation(page, () => page.getByRole('button', { name: 'Nachricht senden', exact: true }).click());
    await expect(page.locator('#error-summary').count()).resolves.toBe(1);
    await expect(page.locator('#f-body').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('Ihre Nachricht').fill('Hallo Mia, hier ist Paula vom Dienstleister.');
    await navigation(page, () => page.getByRole('button', { name: 'Nachricht senden', exact: true }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/nachrichten\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Unterhaltung mit Mia Mitglied');
    await expect(page.locator('main').innerText()).resolves.toContain('Hallo Mia, hier ist Paula vom Dienstleister.');
    // Mia's list shows it as unread.
    const miaPage = (await browser.page()).page;
    await signInQuickly(miaPage, cast.people.member.email, TEST_PASSWORD);
    await open(miaPage, '/nachrichten');
    await expect(miaPage.locator('main').innerText()).resolves.toContain('Paula Partner');
    expect(requests.pageErrors).toEqual([]);
    requests.assertOnlyOrigin(new URL(t.baseUrl).origin);
  });
});
