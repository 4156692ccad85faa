/**
 * axe (WCAG 2.1 A and AA) at 1280×800 and 320×640, plus reflow at 320 px, on every page of the
 * communities: lists, a community, members, posts with replies, forms, moderation, the office;
 * each seen by the person it is for, with realistic content (community-pages.ts). And the
 * forms as they come back with errors (422): a practice example without a problem, an empty report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { BROWSER_TEST_TIMEOUT, checkA11yAtBothSizes, navigation, open, TIMEOUT, useBrowser } from './browser.js';
import { seedCast } from './pages.js';
import { C, communityPages, communityPagesOf, seedCommunities, type CommunityCast } from './community-pages.js';

let t: TestApp;
let cast: CommunityCast;
const browser = useBrowser(() => t.baseUrl);
const pageOf = communityPagesOf(browser, () => cast);
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  cast = await seedCommunities(t, await seedCast(t));
});
afterAll(() => t?.close());

/**
 * What the WCAG tags leave out but people using screen readers navigate by: unique ids,
 * headings in order, landmarks with unique names, one main and one h1. Checked once per page
 * (the structure is the same at every size), with these rules only, so it is quick.
 */
async function checkStructure(page: Page, label: string): Promise<void> {
  const rules = ['duplicate-id', 'duplicate-id-active', 'duplicate-id-aria', 'heading-order', 'empty-heading', 'landmark-unique', 'landmark-one-main', 'page-has-heading-one'];
  const { violations } = await new AxeBuilder({ page }).withRules(rules).setLegacyMode(true).analyze();
  const found = violations.map((v) => `  • ${v.id}: ${v.help}\n${v.nodes.map((n) => `      - ${n.target.join(' ')}`).join('\n')}`);
  if (found.length > 0) throw new Error(`structure of ${label} (${page.url()}):\n${found.join('\n')}`);
}

/** Submits the form the button belongs to and answers the status of the POST. */
async function submit(page: Page, button: string): Promise<number> {
  const response = page.waitForResponse((r) => r.request().method() === 'POST', { timeout: TIMEOUT });
  await navigation(page, () => page.getByRole('button', { name: button, exact: true }).click());
  return (await response).status();
}

describe('accessibility of the community pages', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it.each(communityPages.map((p) => [`${p.label}: ${p.path} (${p.who})`, p] as const))('%s', async (_name, spec) => {
    const page = await pageOf(spec.who);
    await open(page, spec.path, spec.status);
    const text = await page.locator('main').innerText();
    for (const shown of spec.shows ?? []) expect(text, `${spec.label} shows "${shown}"`).toContain(shown);
    await checkStructure(page, spec.label);
    await checkA11yAtBothSizes(page, spec.label);
  });

  it('the new-post form with errors: a practice example without a problem (422)', async () => {
    const page = await pageOf('member');
    await open(page, `/communities/${C.community}/neu`);
    await page.getByLabel('Art des Beitrags').selectOption('example');
    await page.getByLabel('Titel', { exact: true }).fill('Onlineterminvergabe im Bürgerbüro');
    await page.getByLabel('Text', { exact: true }).fill('Wir vergeben seit einem Jahr alle Termine online.');
    await page.getByLabel('Lösung').fill('Ein Terminmodul im Serviceportal.');
    expect(await submit(page, 'Veröffentlichen')).toBe(422);
    await expect(page.locator('#error-summary a[href="#f-problem"]').count()).resolves.toBe(1);
    await checkStructure(page, 'new post with errors');
    await checkA11yAtBothSizes(page, 'new post with errors');
  });

  it('the report form with errors: no reason (422)', async () => {
    const page = await pageOf('member');
    await open(page, `/beitraege/${C.question}/melden?antwort=${C.partnerReply}`);
    expect(await submit(page, 'Melden')).toBe(422);
    await expect(page.locator('#error-summary a[href="#f-reason"]').count()).resolves.toBe(1);
    await checkStructure(page, 'report with errors');
    await checkA11yAtBothSizes(page, 'report with errors');
  });
});
