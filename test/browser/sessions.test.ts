/**
 * Ending sessions from /konto/sitzungen in a real browser: one other session, then all
 * other sessions; the ended contexts are signed out on their next page load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { BROWSER_TEST_TIMEOUT, navigation, open, signInWithForm, useBrowser, whoAmI, type BrowserPage } from './browser.js';

let t: TestApp;
let organisationId: string;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  organisationId = (await createOrganisation(t.db, { name: 'Stadt Musterstadt', domains: ['musterstadt.example'] })).id;
});
afterAll(() => t?.close());
const browser = useBrowser(() => t.baseUrl);

/** The next page load of an ended session: /konto sends it to the sign-in page. */
async function expectSignedOut(b: BrowserPage) {
  await b.page.goto('/konto', { waitUntil: 'load' });
  expect(new URL(b.page.url()).pathname).toBe('/anmelden');
  await expect(b.page.getByRole('button', { name: 'Abmelden' }).count()).resolves.toBe(0);
  expect((await whoAmI(b.page)).status).toBe(401);
}

async function expectSignedIn(b: BrowserPage) {
  await open(b.page, '/konto');
  expect(new URL(b.page.url()).pathname).toBe('/konto');
  expect((await whoAmI(b.page)).status).toBe(200);
}

describe('sessions', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('ends another session; that browser is signed out on its next page load', async () => {
    const user = await createUser(t.db, { email: 'zwei.geraete@musterstadt.example', organisationId });
    const a = await browser.page();
    const b = await browser.page();
    await signInWithForm(a.page, user.email, TEST_PASSWORD);
    await signInWithForm(b.page, user.email, TEST_PASSWORD);

    await open(a.page, '/konto/sitzungen');
    await expect(a.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Angemeldete Geräte');
    // Two sessions: this one marked, the other with its button.
    await expect(a.page.getByText('Diese Sitzung', { exact: true }).count()).resolves.toBe(1);
    const endButtons = a.page.getByRole('button', { name: 'Sitzung beenden', exact: true });
    await expect(endButtons.count()).resolves.toBe(1);

    await navigation(a.page, () => endButtons.click());
    expect(new URL(a.page.url()).pathname).toBe('/konto/sitzungen');
    await expect(a.page.getByRole('status').textContent()).resolves.toMatch(/Sitzung.*beendet/);
    await expect(a.page.getByRole('button', { name: 'Sitzung beenden', exact: true }).count()).resolves.toBe(0);

    await expectSignedOut(b);
    await expectSignedIn(a);
  });

  it('ends all other sessions at once and keeps the current one', async () => {
    const user = await createUser(t.db, { email: 'drei.geraete@musterstadt.example', organisationId });
    const [a, b, c] = [await browser.page(), await browser.page(), await browser.page()];
    for (const x of [a, b, c]) await signInWithForm(x.page, user.email, TEST_PASSWORD);

    await open(a.page, '/konto/sitzungen');
    await expect(a.page.getByRole('button', { name: 'Sitzung beenden', exact: true }).count()).resolves.toBe(2);
    await navigation(a.page, () => a.page.getByRole('button', { name: 'Alle anderen Sitzungen beenden' }).click());
    expect(new URL(a.page.url()).pathname).toBe('/konto/sitzungen');
    await expect(a.page.getByRole('status').textContent()).resolves.toMatch(/Sitzungen.*beendet|beendet.*Sitzungen/);
    await expect(a.page.getByRole('status').textContent()).resolves.toMatch(/\b2\b/);

    await expectSignedOut(b);
    await expectSignedOut(c);
    await expectSignedIn(a);
  });
});
