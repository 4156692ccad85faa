/**
 * Signing in in a real browser: with the keyboard alone, with a one-time link from a mail,
 * and after resetting a forgotten password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { BROWSER_TEST_TIMEOUT, mailLink, navigation, open, signInWithForm, useBrowser, whoAmI } from './browser.js';

let t: TestApp;
let organisationId: string;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  organisationId = (await createOrganisation(t.db, { name: 'Stadt Musterstadt', domains: ['musterstadt.example'] })).id;
});
afterAll(() => t?.close());
const browser = useBrowser(() => t.baseUrl);

/** What has the keyboard focus: tag, id, class and visible text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', className: el?.className ?? '', text: (el?.textContent ?? '').trim() };
  });
}

describe('keyboard', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('reaches the skip link first, jumps to the content, and signs in without a mouse', async () => {
    const user = await createUser(t.db, { email: 'tastatur@musterstadt.example', name: 'Tara Tastatur', organisationId });
    const { page } = await browser.page();
    await open(page, '/anmelden');

    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', className: 'kp-skip-link', text: 'Zum Inhalt springen' });
    // Visible while focused (WCAG 2.4.7): inside the viewport, not shifted off-screen.
    const box = await page.locator('.kp-skip-link').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.width).toBeGreaterThan(10);

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    expect(await focused(page)).toMatchObject({ tag: 'main', id: 'main' });

    // From the content, the next stop is the first field of the form.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', id: 'f-email' });
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', id: 'f-password' });
    await page.keyboard.type(TEST_PASSWORD);
    await navigation(page, () => page.keyboard.press('Enter'));

    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Willkommen, Tara Tastatur');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Sie sind angemeldet.');
    expect(await whoAmI(page)).toMatchObject({ status: 200, role: 'member', email: user.email });
  });

  it('moves focus to the error summary when the form comes back with errors', async () => {
    const { page } = await browser.page();
    await open(page, '/anmelden');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('niemand@musterstadt.example');
    await page.getByLabel('Passwort', { exact: true }).fill('falsches passwort');
    await navigation(page, () => page.getByLabel('Passwort', { exact: true }).press('Enter'));
    await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
    await expect(page.locator('#error-summary').textContent()).resolves.toContain('E-Mail-Adresse oder Passwort sind nicht richtig');
    // The summary links to the field; following the link with Enter puts the focus there.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'f-password');
  });
});

describe('one-time link', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('signs in with a link from a mail after pressing the button', async () => {
    const user = await createUser(t.db, { email: 'link@musterstadt.example', name: 'Lina Link', organisationId });
    const { page } = await browser.page();
    await open(page, '/anmelden');
    await navigation(page, () => page.getByRole('link', { name: 'Ohne Passwort anmelden: Link per E-Mail erhalten' }).press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/anmelden/link');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(user.email);
    await navigation(page, () => page.getByLabel('E-Mail-Adresse', { exact: true }).press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/anmelden/link/gesendet');

    const link = await mailLink(t.outbox, user.email, '/anmelden/link/');
    await open(page, link);
    expect((await whoAmI(page)).status).toBe(401);
    await navigation(page, () => page.getByRole('button', { name: 'Anmelden' }).click());
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Willkommen, Lina Link');
    expect(await whoAmI(page)).toMatchObject({ status: 200, email: user.email });

    // Used once, the link is spent.
    const other = await browser.page();
    await open(other.page, link, 410);
  });
});

describe('forgotten password', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('sets a new password from the mailed link; the old one no longer works', async () => {
    const user = await createUser(t.db, { email: 'vergesslich@musterstadt.example', name: 'Volker Vergesslich', organisationId });
    const newPassword = 'ein ganz neues passwort';
    const { page } = await browser.page();
    await open(page, '/anmelden');
    await navigation(page, () => page.getByRole('link', { name: 'Passwort vergessen?' }).click());
    expect(new URL(page.url()).pathname).toBe('/passwort-vergessen');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(user.email);
    await navigation(page, () => page.getByRole('button', { name: 'Link zum Zurücksetzen senden' }).click());
    expect(new URL(page.url()).pathname).toBe('/passwort-vergessen/gesendet');

    const link = await mailLink(t.outbox, user.email, '/passwort-zuruecksetzen/');
    await open(page, link);
    await page.getByLabel('Neues Passwort').fill(newPassword);
    await navigation(page, () => page.getByLabel('Neues Passwort').press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Ihr Passwort ist geändert');

    // The old password fails with the usual message.
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(user.email);
    await page.getByLabel('Passwort', { exact: true }).fill(TEST_PASSWORD);
    await navigation(page, () => page.getByRole('button', { name: 'Anmelden' }).click());
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    await expect(page.locator('#error-summary').textContent()).resolves.toContain('E-Mail-Adresse oder Passwort sind nicht richtig');
    expect((await whoAmI(page)).status).toBe(401);

    // The new one works.
    await signInWithForm(page, user.email, newPassword);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Willkommen, Volker Vergesslich');
    expect(await whoAmI(page)).toMatchObject({ status: 200, email: user.email });
  });
});
