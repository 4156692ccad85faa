/**
 * axe (WCAG 2.1 A and AA) at 1280×800 and 320×640, plus reflow at 320 px, on the public
 * pages of the accounts issue, also as they look after a submit with errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { BROWSER_TEST_TIMEOUT, checkA11yAtBothSizes, mailLink, navigation, open, useBrowser } from './browser.js';
import { pagesOf, publicPages, seedCast, type Cast } from './pages.js';

let t: TestApp;
let cast: Cast;
const browser = useBrowser(() => t.baseUrl);
const pageOf = pagesOf(browser, () => cast);
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  cast = await seedCast(t);
});
afterAll(() => t?.close());

describe('accessibility of the public pages', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it.each(publicPages.map((p) => [`${p.label}: ${p.path}`, p] as const))('%s', async (_name, spec) => {
    const page = await pageOf(spec.who);
    await open(page, spec.path, spec.status);
    await checkA11yAtBothSizes(page, spec.label);
  });

  it('register with errors: the error summary and the marked fields', async () => {
    const page = await pageOf('anonymous');
    await open(page, '/registrieren');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('kein-at-zeichen');
    await page.getByLabel('Passwort', { exact: true }).fill('kurz');
    await navigation(page, () => page.getByRole('button', { name: 'Konto anlegen' }).click());
    await expect(page.locator('#error-summary').count()).resolves.toBe(1);
    await expect(page.locator('[aria-invalid="true"]').count()).resolves.toBeGreaterThanOrEqual(3);
    await checkA11yAtBothSizes(page, 'register with errors');
  });

  it('sign in with errors', async () => {
    const page = await pageOf('anonymous');
    await open(page, '/anmelden');
    await navigation(page, () => page.getByRole('button', { name: 'Anmelden' }).click());
    await expect(page.locator('#error-summary').count()).resolves.toBe(1);
    await checkA11yAtBothSizes(page, 'sign in with errors');
  });

  it('accessibility feedback with errors', async () => {
    const page = await pageOf('anonymous');
    await open(page, '/barrierefreiheit');
    await navigation(page, () => page.getByRole('button', { name: 'Rückmeldung senden' }).click());
    await expect(page.locator('#error-summary').count()).resolves.toBe(1);
    await checkA11yAtBothSizes(page, 'accessibility feedback with errors');
  });

  it('confirm the address: the page behind the mailed link', async () => {
    const page = await pageOf('anonymous');
    await open(page, '/registrieren');
    await page.getByLabel('Name', { exact: true }).fill('Berta Barrierefrei');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('berta@musterstadt.example');
    await page.getByLabel('Passwort', { exact: true }).fill('ein langes geheimes passwort');
    await page.getByRole('combobox', { name: /^Organisation\b/ }).selectOption({ label: 'Stadt Musterstadt' });
    await navigation(page, () => page.getByRole('button', { name: 'Konto anlegen' }).click());
    await open(page, await mailLink(t.outbox, 'berta@musterstadt.example', '/registrieren/bestaetigen/'));
    await checkA11yAtBothSizes(page, 'confirm address');
  });

  it('sign in with a link: the page behind the mailed link', async () => {
    const page = await pageOf('anonymous');
    await open(page, '/anmelden/link');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(cast.people.member.email);
    await navigation(page, () => page.getByRole('button', { name: 'Link senden' }).click());
    await open(page, await mailLink(t.outbox, cast.people.member.email, '/anmelden/link/'));
    await checkA11yAtBothSizes(page, 'sign in with link');
  });

  it('new password: /passwort-zuruecksetzen/<valid token>, also with an error', async () => {
    const page = await pageOf('anonymous');
    await open(page, '/passwort-vergessen');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(cast.people.member.email);
    await navigation(page, () => page.getByRole('button', { name: 'Link zum Zurücksetzen senden' }).click());
    await open(page, await mailLink(t.outbox, cast.people.member.email, '/passwort-zuruecksetzen/'));
    await checkA11yAtBothSizes(page, 'new password');
    await page.getByLabel('Neues Passwort').fill('kurz');
    await navigation(page, () => page.getByLabel('Neues Passwort').press('Enter'));
    await expect(page.locator('#error-summary').count()).resolves.toBe(1);
    await checkA11yAtBothSizes(page, 'new password with errors');
  });
});
