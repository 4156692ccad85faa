/**
 * No third-party requests: every request a page makes (documents, styles, fonts, icons,
 * scripts) goes to the app's own origin, signed out and signed in; and the pages run
 * without script errors or Content-Security-Policy violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { BROWSER_TEST_TIMEOUT, open, signInQuickly, useBrowser, type BrowserPage } from './browser.js';
import { publicPages, seedCast, signedInPages, type Cast, type PageSpec, type Who } from './pages.js';
import { communityPages, seedCommunities, type CommunityCast, type CommunityWho } from './community-pages.js';

let t: TestApp;
let cast: Cast;
let communities: CommunityCast;
const browser = useBrowser(() => t.baseUrl);
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  cast = await seedCast(t);
  communities = await seedCommunities(t, cast);
});
afterAll(() => t?.close());

/** Loads each page in one context of the person and checks what the context requested. */
async function visitAll(who: Who | CommunityWho, pages: Pick<PageSpec, 'path' | 'status'>[]): Promise<BrowserPage> {
  const b = await browser.page();
  const people: Record<string, { email: string; password: string }> = { ...cast.people, ...communities.people };
  if (who !== 'anonymous') await signInQuickly(b.page, people[who]!.email, people[who]!.password);
  const problems: string[] = [];
  for (const spec of pages) {
    await open(b.page, spec.path, spec.status).catch((e: Error) => problems.push(e.message));
  }
  b.requests.assertOnlyOrigin(new URL(t.baseUrl).origin);
  // A 404 or 410 document is reported by Chromium as a failed resource; everything else is not expected.
  const errors = [...b.requests.pageErrors, ...b.requests.consoleErrors.filter((e) => !/status of (404|410)/.test(e))];
  expect(errors, `script errors or CSP violations as ${who}`).toEqual([]);
  expect(b.requests.urls.length).toBeGreaterThanOrEqual(pages.length);
  // Pages that do not exist yet are reported after the request check, which covers the rest.
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return b;
}

describe('no third-party requests', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('public pages load only from the app', async () => {
    const { requests } = await visitAll('anonymous', publicPages);
    // Styles, fonts and the script all come along, from the app itself.
    const paths = requests.urls.map((u) => new URL(u).pathname);
    expect(paths).toContain('/assets/kern/kern.min.css');
    expect(paths).toContain('/assets/css/app.css');
    expect(paths).toContain('/assets/js/app.js');
    expect(paths.some((p) => /\.woff2?$/.test(p))).toBe(true);
  });

  it('signed-in pages load only from the app (member, applicant)', async () => {
    await visitAll('member', signedInPages.filter((p) => p.who === 'member' && !p.path.startsWith('/organisationen')));
    await visitAll('applicant', signedInPages.filter((p) => p.who === 'applicant'));
  });

  it('member pages that are still being built and office pages load only from the app', async () => {
    await visitAll('member', signedInPages.filter((p) => p.path.startsWith('/organisationen')));
    await visitAll('office', signedInPages.filter((p) => p.who === 'office'));
  });

  it('community pages load only from the app (member)', async () => {
    await visitAll('member', communityPages.filter((p) => p.who === 'member'));
  });

  it('community pages load only from the app (lead, partner, office)', async () => {
    for (const who of ['lead', 'partner', 'office'] as const) await visitAll(who, communityPages.filter((p) => p.who === who));
  });
});
