/**
 * Notifications in a real browser: axe (WCAG 2.1 A/AA) at 1280 and 320 px on the list (with
 * notifications and empty), the mail settings (also with an error) and the unsubscribe page;
 * "Alle als gelesen markieren" by keyboard alone; and, with JavaScript, the bell in the header
 * updating while the page stays open when a notification is made (through notify(), as the
 * features do), without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { createCommunity, createPost } from '../helpers/communities.js';
import { BROWSER_TEST_TIMEOUT, checkA11yAtBothSizes, navigation, open, signInQuickly, TIMEOUT, useBrowser } from './browser.js';
import { notify } from '../../src/features/notifications/notify.js';
import { unsubscribeToken } from '../../src/mail/unsubscribe.js';

let t: TestApp;
type User = Awaited<ReturnType<typeof createUser>>;
let ana: User;
let ben: User;
let emil: User;
let community: Awaited<ReturnType<typeof createCommunity>>;
let postId: string;
const browser = useBrowser(() => t.baseUrl);

function make(userId: string, kind: 'activity' | 'mention' = 'activity'): Promise<string[]> {
  return t.db.transaction().execute((trx) => notify(trx, t.jobs, [userId], { kind, action: 'post', actorId: ben.id, communityId: community.id, postId }));
}

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  ana = await createUser(t.db, { name: 'Ana Anders' });
  ben = await createUser(t.db, { name: 'Ben Beispiel' });
  emil = await createUser(t.db, { name: 'Emil Ende' });
  community = await createCommunity(t.db, { name: 'Digitale Akte', slug: 'digitale-akte', members: [{ userId: ana.id }, { userId: ben.id }, { userId: emil.id }] });
  postId = (await createPost(t.db, { communityId: community.id, authorId: ben.id, title: 'E-Akte im Ordnungsamt' })).id;
  await make(ana.id);
  await make(ana.id, 'mention');
});
afterAll(() => t?.close());

async function signedInPage(user: User): Promise<Page> {
  const { page } = await browser.page();
  await signInQuickly(page, user.email, user.password);
  return page;
}

/** What has the keyboard focus: its element and name. */
function focused(page: Page): Promise<{ tag: string; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', name: (el?.textContent ?? '').replace(/\s+/g, ' ').trim() };
  });
}

describe('notification pages', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('the list with notifications and empty passes axe at 1280 and 320 px', async () => {
    const page = await signedInPage(ana);
    await open(page, '/benachrichtigungen');
    await expect(page.getByText('Ben Beispiel hat Sie in „E-Akte im Ordnungsamt“ erwähnt.')).toBeTruthy();
    expect(await page.getByRole('link', { name: /^Benachrichtigungen\s?, 2 ungelesen$/ }).count()).toBe(1);
    await checkA11yAtBothSizes(page, 'notification list');
    const empty = await signedInPage(emil);
    await open(empty, '/benachrichtigungen');
    expect(await empty.getByText('Keine Benachrichtigungen', { exact: true }).count()).toBe(1);
    await checkA11yAtBothSizes(empty, 'empty notification list');
  });

  it('the mail settings pass axe, also with an error', async () => {
    const page = await signedInPage(emil);
    await open(page, '/konto/benachrichtigungen');
    expect(await page.getByLabel('Digitale Akte').count()).toBe(1);
    await checkA11yAtBothSizes(page, 'mail settings');
    // a value the form does not offer (as a tampered request would send it)
    await page.locator('select[name="kind-mention"] option[value="off"]').evaluate((o) => ((o as HTMLOptionElement).value = 'manchmal'));
    await page.selectOption('select[name="kind-mention"]', 'manchmal');
    const response = page.waitForResponse((r) => r.request().method() === 'POST', { timeout: TIMEOUT });
    await navigation(page, () => page.getByRole('button', { name: 'Einstellungen speichern' }).first().click());
    expect((await response).status()).toBe(422);
    expect(await page.locator('#error-summary').textContent()).toContain('Erwähnungen: Bitte wählen Sie eine der angebotenen Möglichkeiten.');
    await checkA11yAtBothSizes(page, 'mail settings with an error');
  });

  it('the admins’ list of undelivered mails passes axe, with entries and empty', async () => {
    const admin = await createUser(t.db, { role: 'admin', name: 'Ada Admin' });
    const page = await signedInPage(admin);
    await open(page, '/geschaeftsstelle/mails');
    expect(await page.getByText('Alle Mails wurden zugestellt.').count()).toBe(1);
    await checkA11yAtBothSizes(page, 'undelivered mails, none');
    await t.db
      .insertInto('mailLog')
      .values({ key: 'n:browser-test', userId: ana.id, kind: 'reply', status: 'failed', attempts: 3, subject: 'Neue Antwort auf „E-Akte im Ordnungsamt“', error: '421 Service not available, try again later' })
      .execute();
    await open(page, '/geschaeftsstelle/mails');
    expect(await page.getByRole('cell', { name: 'Ana Anders' }).count()).toBe(1);
    await checkA11yAtBothSizes(page, 'undelivered mails');
    await t.db.deleteFrom('mailLog').where('key', '=', 'n:browser-test').execute();
  });

  it('the unsubscribe page passes axe', async () => {
    const { page } = await browser.page();
    await open(page, `/benachrichtigungen/abbestellen/${unsubscribeToken(t.config.sessionSecret, emil.id, { communityId: community.id })}`);
    expect(await page.getByRole('button', { name: 'Abbestellen' }).count()).toBe(1);
    await checkA11yAtBothSizes(page, 'unsubscribe confirmation');
  });

  it('marks all read by keyboard alone', async () => {
    const frida = await createUser(t.db);
    await make(frida.id);
    await make(frida.id);
    const page = await signedInPage(frida);
    await open(page, '/benachrichtigungen');
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (now.tag === 'button' && now.name === 'Alle als gelesen markieren') break;
      seen.push(`${now.tag} "${now.name.slice(0, 40)}"`);
      if (i === 59) throw new Error(`the button never got the focus; the focus went through:\n${seen.join('\n')}`);
    }
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(await page.locator('.kp-flash').textContent()).toContain('Alle Benachrichtigungen sind als gelesen markiert.');
    expect(await page.getByText('Keine ungelesenen Benachrichtigungen').count()).toBe(1);
    expect(await page.locator('[data-kp-bell-count]').count()).toBe(0);
  });

  it('with JavaScript, the bell counts up live when a notification is made, and says so politely', async () => {
    const gero = await createUser(t.db);
    await make(gero.id);
    const page = await signedInPage(gero);
    await open(page, '/konto');
    const bell = page.locator('[data-kp-bell]');
    expect(await bell.getAttribute('aria-current')).toBeNull();
    expect((await bell.textContent())?.replace(/\s+/g, ' ')).toContain('Benachrichtigungen1, 1 ungelesen');
    // the stream is open once its first count has arrived
    await page.waitForFunction(() => document.querySelector('[data-kp-bell]')?.getAttribute('data-kp-unread') === '1', undefined, { timeout: TIMEOUT });
    const before = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await make(gero.id, 'mention');
    await page.waitForFunction(() => document.querySelector('[data-kp-bell-count]')?.textContent === '2', undefined, { timeout: TIMEOUT });
    expect(await page.getByRole('link', { name: /^Benachrichtigungen\s?, 2 ungelesen$/ }).count()).toBe(1);
    expect(await page.locator('[aria-live="polite"]', { hasText: 'Neue Benachrichtigung: 2 ungelesen' }).count()).toBe(1);
    // no reload happened
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);
    expect(page.url()).toBe(`${t.baseUrl}/konto`);
  });
});
