/**
 * axe (WCAG 2.1 A and AA) at 1280×800 and 320×640, plus reflow at 320 px, on the pages
 * behind sign-in: start page (member, applicant), account, 404, organisations, office.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { BROWSER_TEST_TIMEOUT, checkA11yAtBothSizes, open, useBrowser } from './browser.js';
import { pagesOf, seedCast, signedInPages, type Cast } from './pages.js';

let t: TestApp;
let cast: Cast;
const browser = useBrowser(() => t.baseUrl);
const pageOf = pagesOf(browser, () => cast);
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  cast = await seedCast(t);
});
afterAll(() => t?.close());

describe('accessibility of the pages behind sign-in', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it.each(signedInPages.map((p) => [`${p.label}: ${p.path} (${p.who})`, p] as const))('%s', async (_name, spec) => {
    const page = await pageOf(spec.who);
    await open(page, spec.path, spec.status);
    await checkA11yAtBothSizes(page, spec.label);
  });
});
