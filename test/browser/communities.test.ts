/**
 * Communities in a real browser: a member finds a community, joins it and asks a question by
 * keyboard alone; without JavaScript, a member replies quoting a colleague and the asker
 * accepts the answer; the post form keeps everything typed when it comes back with an error;
 * a hidden community is a plain 404 to outsiders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { createCommunity, createPost, createReply } from '../helpers/communities.js';
import { BROWSER_TEST_TIMEOUT, navigation, open, signInQuickly, signInWithForm, useBrowser } from './browser.js';

type User = Awaited<ReturnType<typeof createUser>>;
let t: TestApp;
let mia: User, anna: User, outsider: User;
const QUESTION = 'frage-dokumentenmanagement1';
const BENS_REPLY = 'antwort-ben-000000000001';

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  const org = await createOrganisation(t.db, { name: 'Stadt Tastenhausen' });
  const lea = await createUser(t.db, { name: 'Lea Leitung', organisationId: org.id });
  mia = await createUser(t.db, { name: 'Mia Mitglied', organisationId: org.id });
  anna = await createUser(t.db, { name: 'Anna Asker', organisationId: org.id });
  const ben = await createUser(t.db, { name: 'Ben Beispiel', organisationId: org.id });
  outsider = await createUser(t.db, { name: 'Otto Außen', organisationId: org.id });
  const open = await createCommunity(t.db, { slug: 'offene-runde', name: 'Offene Runde Dokumentenmanagement', members: [{ userId: lea.id, role: 'lead' }, { userId: anna.id }, { userId: ben.id }] });
  await createCommunity(t.db, { slug: 'geheime-runde', name: 'Geheime Runde', visibility: 'hidden', members: [{ userId: lea.id, role: 'lead' }] });
  await createPost(t.db, { id: QUESTION, communityId: open.id, authorId: anna.id, type: 'question', title: 'Welches DMS nutzen Sie?', body: 'Wir suchen ein Dokumentenmanagementsystem für 300 Arbeitsplätze.' });
  await createReply(t.db, { id: BENS_REPLY, postId: QUESTION, authorId: ben.id, body: 'Wir nutzen seit fünf Jahren ein Open-Source-DMS und sind zufrieden.' });
});
afterAll(() => t?.close());
const browser = useBrowser(() => t.baseUrl);

/** What has the keyboard focus: its element and its name (label, aria-label or text). */
function focused(page: Page): Promise<{ tag: string; id: string; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    if (!el) return { tag: '', id: '', name: '' };
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return { tag: el.tagName.toLowerCase(), id: el.id, name: label.replace(/\s+/g, ' ').trim() };
  });
}

/** Presses Tab until the element named `name` has the focus, as a keyboard user would. */
async function tabTo(page: Page, name: string, max = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.name === name) return;
    seen.push(`${now.tag}${now.id ? `#${now.id}` : ''} "${now.name.slice(0, 40)}"`);
  }
  throw new Error(`"${name}" never got the focus by Tab on ${page.url()}; the focus went through:\n${seen.map((s) => `  - ${s}`).join('\n')}`);
}

const flash = (page: Page) => page.locator('main > .kp-flash[role="status"]');

describe('communities in the browser', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('a member joins an open community and asks a question, by keyboard alone', async () => {
    const { page } = await browser.page();
    await signInQuickly(page, mia.email, TEST_PASSWORD);
    await open(page, '/');

    await tabTo(page, 'Communities');
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/communities');

    await tabTo(page, 'Offene Runde Dokumentenmanagement');
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/communities/offene-runde');

    await tabTo(page, 'Beitreten');
    await navigation(page, () => page.keyboard.press('Enter'));
    await expect(flash(page).innerText()).resolves.toContain('Sie sind jetzt Mitglied der Community.');

    await tabTo(page, 'Neuer Beitrag');
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/communities/offene-runde/neu');

    await tabTo(page, 'Art des Beitrags');
    // Type-ahead on the focused select, as with a keyboard: "Frage".
    await page.keyboard.type('Frage');
    await expect(page.locator('#f-type').inputValue()).resolves.toBe('question');
    await tabTo(page, 'Titel');
    await page.keyboard.type('Wer hat Erfahrung mit der Migration alter Akten?');
    await tabTo(page, 'Text');
    await page.keyboard.type('Wir müssen 20 Jahre Papierakten übernehmen. Wie sind Sie vorgegangen?');
    await tabTo(page, 'Veröffentlichen');
    await navigation(page, () => page.keyboard.press('Enter'));

    expect(new URL(page.url()).pathname).toMatch(/^\/beitraege\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Wer hat Erfahrung mit der Migration alter Akten?');
    await expect(flash(page).innerText()).resolves.toContain('Ihr Beitrag ist veröffentlicht.');
    await expect(page.locator('article .kp-post-type').first().innerText()).resolves.toBe('Frage');
  });

  it('without JavaScript: a member replies quoting a colleague, and the asker accepts the answer', async () => {
    const member = await browser.page({ javaScriptEnabled: false });
    const { page } = member;
    await signInWithForm(page, mia.email, TEST_PASSWORD);
    // Scripts really are off: app.js would have given the tag field its suggestion list.
    await open(page, '/communities/offene-runde/neu');
    await expect(page.locator('#f-tags').getAttribute('list')).resolves.toBeNull();
    await open(page, `/beitraege/${QUESTION}`);
    const bens = page.locator(`#antwort-${BENS_REPLY}`);
    await navigation(page, () => bens.getByRole('link', { name: 'Zitieren' }).click());
    expect(new URL(page.url()).search).toBe(`?zitat=${BENS_REPLY}`);
    const form = page.locator('form[action$="/antworten"]');
    await expect(form.locator('blockquote').innerText()).resolves.toContain('Ben Beispiel schrieb:');
    await form.getByLabel('Antwort', { exact: true }).fill('Dem schließen wir uns an: Open Source, und die Daten bleiben bei uns.');
    await navigation(page, () => form.getByRole('button', { name: 'Antwort veröffentlichen' }).click());
    await expect(flash(page).innerText()).resolves.toContain('Ihre Antwort wurde veröffentlicht.');
    const mine = page.locator('.kp-reply', { hasText: 'Dem schließen wir uns an' });
    await expect(mine.locator('blockquote.kp-quote').innerText()).resolves.toContain('Ben Beispiel schrieb:');
    await expect(mine.locator('blockquote.kp-quote').innerText()).resolves.toContain('Open-Source-DMS');
    expect(member.requests.pageErrors).toEqual([]);

    const asker = await browser.page({ javaScriptEnabled: false });
    await signInWithForm(asker.page, anna.email, TEST_PASSWORD);
    await open(asker.page, `/beitraege/${QUESTION}`);
    const answer = asker.page.locator('.kp-reply', { hasText: 'Dem schließen wir uns an' });
    await navigation(asker.page, () => answer.getByRole('button', { name: 'Als Antwort akzeptieren' }).click());
    const accepted = asker.page.locator('.kp-reply--accepted');
    await expect(accepted.count()).resolves.toBe(1);
    await expect(accepted.innerText()).resolves.toContain('Akzeptierte Antwort');
    await expect(accepted.innerText()).resolves.toContain('Dem schließen wir uns an');
    await expect(asker.page.locator('article[aria-labelledby="post-title"]').first().innerText()).resolves.toContain('Beantwortet');

    // The member who answered sees it too.
    await open(page, `/beitraege/${QUESTION}`);
    await expect(page.locator('.kp-reply--accepted').innerText()).resolves.toContain('Akzeptierte Antwort');
  });

  it('the post form with an over-long title keeps everything typed and leads to the error', async () => {
    const { page } = await browser.page();
    await signInQuickly(page, mia.email, TEST_PASSWORD);
    await open(page, '/communities/offene-runde/neu');
    const title = `Sehr lange Frage ${'zur Aktenmigration '.repeat(12)}`.trim();
    expect(title.length).toBeGreaterThan(200);
    // The browser stops typing at maxlength; a pasted text or an old browser does not: the server decides.
    await page.locator('#f-title').evaluate((el) => el.removeAttribute('maxlength'));
    await page.getByLabel('Art des Beitrags').selectOption('question');
    await page.getByLabel('Titel', { exact: true }).fill(title);
    const body = 'Zeile eins.\n\nZeile zwei mit **Fettdruck**.';
    await page.getByLabel('Text', { exact: true }).fill(body);
    await page.locator('#f-tags').fill('E-Akte, Migration');
    const response = page.waitForResponse((r) => r.request().method() === 'POST');
    await navigation(page, () => page.getByRole('button', { name: 'Veröffentlichen' }).click());
    expect((await response).status()).toBe(422);

    await expect(page.locator('#f-title').inputValue()).resolves.toBe(title);
    await expect(page.locator('#f-body').inputValue()).resolves.toBe(body);
    await expect(page.locator('#f-type').inputValue()).resolves.toBe('question');
    await expect(page.locator('#f-tags').inputValue()).resolves.toBe('E-Akte, Migration');
    await expect(page.locator('#f-title').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#f-title').getAttribute('aria-describedby')).resolves.toContain('f-title-error');

    // The summary has the focus (announced first) and links to the field.
    await expect(focused(page)).resolves.toMatchObject({ id: 'error-summary' });
    const link = page.locator('#error-summary a[href="#f-title"]');
    await expect(link.innerText()).resolves.toMatch(/^Titel: /);
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'a' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#f-title');
    // Following the link moves the focus to the field (or right before it, where Tab goes next).
    const at = await focused(page);
    if (at.id !== 'f-title') {
      await page.keyboard.press('Tab');
      await expect(focused(page)).resolves.toMatchObject({ id: 'f-title' });
    }
  });

  it('an outsider opening a hidden community gets the 404 page', async () => {
    const { page } = await browser.page();
    await signInQuickly(page, outsider.email, TEST_PASSWORD);
    await open(page, '/communities/geheime-runde', 404);
    const hidden = await page.getByRole('heading', { level: 1 }).innerText();
    expect(await page.locator('main').innerText()).not.toContain('Geheime Runde');
    await open(page, '/communities/gibt-es-nicht', 404);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(hidden);
  });
});
