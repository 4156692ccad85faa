/**
 * Finding expertise in a real browser: a municipal member asks "Wer weiß was?" and finds the
 * state ministry colleague with the reasons; editing one's profile suggests existing tags.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { updateOwnProfile } from '../../src/features/members/members.service.js';
import type { Actor } from '../../src/http/actor.js';
import { BROWSER_TEST_TIMEOUT, navigation, open, signInWithForm, useBrowser } from './browser.js';

let t: TestApp;
let municipal: { email: string };
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  const stadt = await createOrganisation(t.db, { name: 'Stadt Kleinstadt', level: 'kommune', state: 'SN' });
  const land = await createOrganisation(t.db, { name: 'Sächsisches Staatsministerium für Beispiele', level: 'land', state: 'SN', type: 'ministerium' });
  municipal = await createUser(t.db, { name: 'Klara Kommune', organisationId: stadt.id });
  const expert = await createUser(t.db, { name: 'Lars Land', organisationId: land.id });
  const actor: Actor = { kind: 'user', via: 'session', sessionId: 'seed', scopes: ['read', 'write'], user: { id: expert.id, name: expert.name, email: expert.email, role: 'member', organisationId: land.id, locale: 'de' } };
  await updateOwnProfile(t.db, actor, { position: 'Referent Registermodernisierung', expertise: ['Registermodernisierung', 'E-Akte'] });
});
afterAll(() => t?.close());
const browser = useBrowser(() => t.baseUrl);

describe('finding expertise', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('a municipal member finds the state ministry expert, with level and reasons, by keyboard', async () => {
    const { page } = await browser.page();
    await signInWithForm(page, municipal.email, TEST_PASSWORD);
    await open(page, '/wer-weiss-was');
    await page.getByLabel('Wer weiß etwas über …?').fill('Registermodernisierung');
    await navigation(page, () => page.keyboard.press('Enter'));
    const result = page.locator('.kp-result').first();
    await expect(result.getByRole('link', { name: 'Lars Land' }).count()).resolves.toBe(1);
    const text = await result.innerText();
    expect(text).toContain('Land · Sachsen');
    expect(text).toContain('Sächsisches Staatsministerium für Beispiele');
    expect(text).toContain('Expertise: Registermodernisierung');
    await navigation(page, () => result.getByRole('link', { name: 'Lars Land' }).click());
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Lars Land');
  });

  it('suggests existing tags while typing, so that spelling variants meet', async () => {
    const { page } = await browser.page();
    await signInWithForm(page, municipal.email, TEST_PASSWORD);
    await open(page, '/konto/profil');
    const field = page.locator('#f-expertise');
    await field.pressSequentially('OZG, eak', { delay: 20 });
    const option = page.locator('datalist#f-expertise-suggestions option');
    await option.first().waitFor({ state: 'attached' });
    await expect(option.first().getAttribute('value')).resolves.toBe('OZG, E-Akte');
  });
});
