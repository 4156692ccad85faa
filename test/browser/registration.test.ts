/**
 * Joining in a real browser: registration with a directory domain (member at once) and
 * without one (the office reviews and approves).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { BROWSER_TEST_TIMEOUT, mailLink, navigation, open, signInWithForm, useBrowser, whoAmI } from './browser.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  await createOrganisation(t.db, { name: 'Stadt Musterstadt', domains: ['musterstadt.example'] });
});
afterAll(() => t?.close());
const browser = useBrowser(() => t.baseUrl);

async function fillRegistration(page: Page, person: { name: string; email: string; password: string; organisation?: string; other?: string; reason?: string }) {
  await open(page, '/registrieren');
  await page.getByLabel('Name', { exact: true }).fill(person.name);
  await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(person.email);
  await page.getByLabel('Passwort', { exact: true }).fill(person.password);
  await page.getByRole('combobox', { name: /^Organisation\b/ }).selectOption({ label: person.organisation ?? 'Nicht aufgeführt' });
  if (person.other) await page.getByLabel('Name Ihrer Organisation').fill(person.other);
  if (person.reason) await page.getByLabel('Kurze Begründung').fill(person.reason);
  await navigation(page, () => page.getByRole('button', { name: 'Konto anlegen' }).click());
  expect(new URL(page.url()).pathname).toBe('/registrieren/postfach');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Bitte bestätigen Sie Ihre E-Mail-Adresse');
}

async function confirmFromMail(page: Page, email: string) {
  const link = await mailLink(t.outbox, email, '/registrieren/bestaetigen/');
  await open(page, link);
  // The link alone changes nothing: the person presses the button.
  expect((await whoAmI(page)).status).toBe(401);
  await navigation(page, () => page.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click());
  expect(new URL(page.url()).pathname).toBe('/');
}

describe('registration in the browser', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('makes a person with a directory domain a member once the address is confirmed', async () => {
    const { page } = await browser.page();
    await fillRegistration(page, { name: 'Erika Muster', email: 'erika.muster@musterstadt.example', password: 'ein langes geheimes passwort', organisation: 'Stadt Musterstadt' });
    await confirmFromMail(page, 'erika.muster@musterstadt.example');

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Willkommen, Erika Muster');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Willkommen bei Knotenpunkt');
    expect(await whoAmI(page)).toMatchObject({ status: 200, role: 'member', email: 'erika.muster@musterstadt.example' });
  });

  it('puts a person without a directory domain under review until the office approves', async () => {
    const office = await createUser(t.db, { role: 'office', name: 'Geschäftsstelle Test', email: 'office@knotenpunkt.example' });
    const email = 'max.beispiel@privat.example';
    const password = 'noch ein langes passwort';

    // The applicant registers, confirms, and is told that the office reviews the application.
    const applicant = await browser.page();
    await fillRegistration(applicant.page, { name: 'Max Beispiel', email, password, other: 'Amt für Beispiele', reason: 'Ich arbeite im Bauamt des Amts für Beispiele.' });
    await confirmFromMail(applicant.page, email);
    await expect(applicant.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Willkommen, Max Beispiel');
    await expect(applicant.page.locator('main').textContent()).resolves.toContain('Ihr Antrag wird geprüft');
    expect(await whoAmI(applicant.page)).toMatchObject({ status: 200, role: 'applicant' });
    const mailsBefore = (await t.outbox.to(email)).length;

    // The office approves in its review queue.
    const staff = await browser.page();
    await signInWithForm(staff.page, office.email, TEST_PASSWORD);
    await open(staff.page, '/geschaeftsstelle/pruefung');
    // One card per application; its first button approves with the organisation the person named.
    const card = staff.page.getByRole('listitem').filter({ hasText: email });
    await navigation(staff.page, () => card.getByRole('button', { name: 'Annehmen', exact: true }).click());
    expect(new URL(staff.page.url()).pathname).toBe('/geschaeftsstelle/pruefung');
    await expect(staff.page.getByRole('status').textContent()).resolves.toContain('Der Antrag von Max Beispiel ist angenommen.');
    await expect(staff.page.getByRole('listitem').filter({ hasText: email }).count()).resolves.toBe(0);

    // The person is told by mail, signs in, and is a member now.
    const approved = await mailLink(t.outbox, email, '/anmelden', { after: mailsBefore });
    const mail = await t.outbox.last(email);
    expect(mail.subject).toContain('Ihr Antrag ist angenommen');
    const again = await browser.page();
    await open(again.page, approved);
    await signInWithForm(again.page, email, password);
    expect(await whoAmI(again.page)).toMatchObject({ status: 200, role: 'member' });
    await open(again.page, '/');
    await expect(again.page.locator('main').textContent()).resolves.not.toContain('Ihr Antrag wird geprüft');
  });
});
