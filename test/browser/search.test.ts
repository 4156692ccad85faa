/**
 * Search in a real browser: a member searches from the header by keyboard alone and follows a
 * highlighted result; without JavaScript the filters, the paging, the empty state and the
 * spelling correction of /suche work; the question form shows similar questions as a title
 * is typed (with JavaScript) and on "Ähnliche Fragen prüfen" (without, keeping what was
 * typed); axe finds nothing on /suche in all its states and on the question form with similar
 * questions, at 1280 and at 320 px, and nothing scrolls sideways at 320 px.
 *
 * The data is made here: two open communities with words found nowhere else ("Aktenplan",
 * "Registratur", "Wärmepumpenförderung"), 23 questions about the Registratur in one of them for
 * paging, and a few posts of other types and in the other community that the filters must drop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { createCommunity, createPost, createReply } from '../helpers/communities.js';
import { BROWSER_TEST_TIMEOUT, checkA11yAtBothSizes, MOBILE, navigation, open, signInQuickly, TIMEOUT, useBrowser } from './browser.js';

type User = Awaited<ReturnType<typeof createUser>>;
let t: TestApp;
let mia: User;

const ARCHIV = { slug: 'runde-archivwesen', name: 'Runde Archivwesen' };
const BAU = { slug: 'runde-bauamt', name: 'Runde Bauamt' };
const AKTENPLAN_FRAGE = 'frage-aktenplan-pflegen01';
const AKTENPLAN_TITLE = 'Wie pflegen Sie Ihren Aktenplan?';
const BAU_FRAGE = 'frage-aktenplan-bauamt001';
const BAU_TITLE = 'Braucht das Bauamt einen eigenen Aktenplan?';
const WAERME = 'beitrag-waermepumpe00001';
/** Questions about the Registratur in ARCHIV: more than one page of 20. */
const REGISTRATUR_QUESTIONS = 23;
const registraturTitle = (i: number) => `Registratur Frage ${String(i).padStart(2, '0')}: Wer führt die Registratur?`;

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  const db = t.db;
  const org = await createOrganisation(db, { name: 'Stadt Suchhausen' });
  const lea = await createUser(db, { name: 'Lea Leitung', organisationId: org.id });
  mia = await createUser(db, { name: 'Mia Mitglied', organisationId: org.id });
  const ben = await createUser(db, { name: 'Ben Beispiel', organisationId: org.id });
  const archiv = await createCommunity(db, { ...ARCHIV, members: [{ userId: lea.id, role: 'lead' }, { userId: mia.id }, { userId: ben.id }] });
  const bau = await createCommunity(db, { ...BAU, members: [{ userId: lea.id, role: 'lead' }, { userId: mia.id }, { userId: ben.id }] });

  await createPost(db, { id: AKTENPLAN_FRAGE, communityId: archiv.id, authorId: ben.id, type: 'question', title: AKTENPLAN_TITLE, body: 'Unser Aktenplan ist zwanzig Jahre alt. Wie halten Sie ihn aktuell?', tags: ['Aktenplan'] });
  await createReply(db, { postId: AKTENPLAN_FRAGE, authorId: lea.id, accepted: true, body: 'Wir prüfen den Aktenplan jedes Jahr gemeinsam mit den Fachbereichen.' });
  await createPost(db, { communityId: archiv.id, authorId: lea.id, type: 'discussion', title: 'Aktenplan und E-Akte zusammenführen', body: 'Wie bringen Sie den Aktenplan in die E-Akte?' });
  await createPost(db, { id: BAU_FRAGE, communityId: bau.id, authorId: ben.id, type: 'question', title: BAU_TITLE, body: 'Oder reicht der Aktenplan der Stadt?' });
  await createPost(db, { id: WAERME, communityId: bau.id, authorId: lea.id, type: 'discussion', title: 'Erfahrungen mit der Wärmepumpenförderung', body: 'Wer bearbeitet bei Ihnen die Anträge zur Wärmepumpenförderung?' });

  for (let i = 1; i <= REGISTRATUR_QUESTIONS; i++) {
    await createPost(db, { communityId: archiv.id, authorId: i % 2 ? ben.id : lea.id, type: 'question', title: registraturTitle(i), body: `Frage ${i} zur Registratur im Archiv.` });
  }
  // What the filters must drop: other types in ARCHIV, questions in BAU.
  for (let i = 1; i <= 3; i++) {
    await createPost(db, { communityId: archiv.id, authorId: lea.id, type: 'discussion', title: `Registratur Diskussion ${i}`, body: 'Eine Diskussion über die Registratur.' });
    await createPost(db, { communityId: bau.id, authorId: ben.id, type: 'question', title: `Registratur im Bauamt ${i}`, body: 'Eine Frage zur Registratur im Bauamt.' });
  }
});
afterAll(() => t?.close());
const browser = useBrowser(() => t.baseUrl);

/** What has the keyboard focus: its element, its name (label, aria-label or text) and its link target. */
function focused(page: Page): Promise<{ tag: string; id: string; name: string; href: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    if (!el) return { tag: '', id: '', name: '', href: '' };
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return { tag: el.tagName.toLowerCase(), id: el.id, name: label.replace(/\s+/g, ' ').trim(), href: el.getAttribute('href') ?? '' };
  });
}

/** Presses Tab until `wanted` holds for the focused element, as a keyboard user would. */
async function tabTo(page: Page, what: string, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted(now)) return;
    seen.push(`${now.tag}${now.id ? `#${now.id}` : ''} "${now.name.slice(0, 40)}"`);
  }
  throw new Error(`${what} never got the focus by Tab on ${page.url()}; the focus went through:\n${seen.map((s) => `  - ${s}`).join('\n')}`);
}

const results = (page: Page) => page.locator('main .kp-search-result');
const searchForm = (page: Page) => page.getByRole('search', { name: 'Suche verfeinern' });
const status = (page: Page) => page.locator('main [role="status"]:not(.kp-flash)');

/** The kind badge, title and meta line of every result on the page. */
function resultRows(page: Page): Promise<{ kind: string; title: string; meta: string; href: string }[]> {
  return results(page).evaluateAll((items) =>
    items.map((li) => ({
      kind: li.querySelector('.kp-badge')?.textContent?.trim() ?? '',
      title: li.querySelector('h3 a')?.textContent?.trim() ?? '',
      meta: li.querySelector('p.kp-muted')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      href: li.querySelector('h3 a')?.getAttribute('href') ?? '',
    })),
  );
}

/** Waits for the POST a button sends and the page that comes back; answers the POST's status. */
async function submit(page: Page, button: string): Promise<number> {
  const response = page.waitForResponse((r) => r.request().method() === 'POST', { timeout: TIMEOUT });
  await navigation(page, () => page.getByRole('button', { name: button, exact: true }).click());
  return (await response).status();
}

/** The structure rules the WCAG tags leave out (as in accessibility-communities.test.ts). */
async function checkStructure(page: Page, label: string): Promise<void> {
  const rules = ['duplicate-id', 'duplicate-id-active', 'duplicate-id-aria', 'heading-order', 'empty-heading', 'landmark-unique', 'landmark-one-main', 'page-has-heading-one'];
  const { violations } = await new AxeBuilder({ page }).withRules(rules).setLegacyMode(true).analyze();
  const found = violations.map((v) => `  • ${v.id}: ${v.help}\n${v.nodes.map((n) => `      - ${n.target.join(' ')}`).join('\n')}`);
  if (found.length > 0) throw new Error(`structure of ${label} (${page.url()}):\n${found.join('\n')}`);
}

/** Neither the document nor the header search box reaches beyond the 320 px viewport. */
async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const m = await page.evaluate(() => {
    const box = (sel: string) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return r ? { left: r.left, right: r.right, width: r.width } : null;
    };
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      field: box('#kp-header-q'),
      button: box('.kp-header-search button'),
    };
  });
  expect(m.viewport, label).toBe(MOBILE.width);
  expect(m.scrollWidth, `${label}: document width at 320 px`).toBeLessThanOrEqual(MOBILE.width);
  for (const [name, r] of [['search field', m.field], ['search button', m.button]] as const) {
    expect(r, `${label}: header ${name} present`).not.toBeNull();
    expect(r!.left, `${label}: header ${name} starts inside`).toBeGreaterThanOrEqual(0);
    expect(r!.right, `${label}: header ${name} ends inside`).toBeLessThanOrEqual(MOBILE.width);
  }
  // Wide enough to read what is typed, not squeezed to nothing.
  expect(m.field!.width, `${label}: header search field width`).toBeGreaterThanOrEqual(120);
}

describe('search in the browser', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('a member searches from the header by keyboard alone and follows a highlighted result', async () => {
    const { page, requests } = await browser.page();
    await signInQuickly(page, mia.email, TEST_PASSWORD);
    await open(page, '/');

    await tabTo(page, 'the header search field', (f) => f.id === 'kp-header-q');
    await expect(focused(page)).resolves.toMatchObject({ name: 'Im Netzwerk suchen' });
    await page.keyboard.type('Aktenplan');
    await navigation(page, () => page.keyboard.press('Enter'));

    const url = new URL(page.url());
    expect(url.pathname).toBe('/suche');
    expect(url.searchParams.get('q')).toBe('Aktenplan');
    await expect(page.title()).resolves.toBe('Suche: Aktenplan – Knotenpunkt');
    // The query stays in the page's own field, to refine it.
    await expect(searchForm(page).getByLabel('Suchbegriff').inputValue()).resolves.toBe('Aktenplan');

    const rows = await resultRows(page);
    expect(rows.map((r) => r.href)).toContain(`/beitraege/${AKTENPLAN_FRAGE}`);
    expect(rows.map((r) => r.href)).toContain(`/beitraege/${BAU_FRAGE}`);
    // Matches are marked in titles and snippets, and only the searched word is.
    const marks = await page.locator('main .kp-search-result mark').allInnerTexts();
    expect(marks.length).toBeGreaterThanOrEqual(rows.length);
    for (const m of marks) expect(m.toLowerCase()).toBe('aktenplan');
    await expect(page.locator(`main .kp-search-result h3 a[href="/beitraege/${AKTENPLAN_FRAGE}"] mark`).count()).resolves.toBeGreaterThan(0);
    await expect(status(page).innerText()).resolves.toMatch(/\d+ Treffer/);

    // On to the question, still by keyboard.
    await tabTo(page, 'the result link to the question', (f) => f.tag === 'a' && f.href === `/beitraege/${AKTENPLAN_FRAGE}`);
    await expect(focused(page)).resolves.toMatchObject({ name: AKTENPLAN_TITLE });
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe(`/beitraege/${AKTENPLAN_FRAGE}`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(AKTENPLAN_TITLE);
    expect(requests.pageErrors).toEqual([]);
  });

  it('without JavaScript: filters by type and community, pages with "Weitere Treffer", shows the empty state and corrects a misspelling', async () => {
    const { page, requests } = await browser.page({ javaScriptEnabled: false });
    await signInQuickly(page, mia.email, TEST_PASSWORD);
    await open(page, '/suche?q=Registratur');
    const all = REGISTRATUR_QUESTIONS + 6;
    await expect(status(page).innerText()).resolves.toContain(`${all} Treffer`);

    // Type and community, chosen in the form and sent with its button.
    const form = searchForm(page);
    await form.getByLabel('Art', { exact: true }).selectOption({ label: 'Fragen' });
    await form.getByLabel('Community', { exact: true }).selectOption({ label: ARCHIV.name });
    await navigation(page, () => form.getByRole('button', { name: 'Suchen' }).click());
    let url = new URL(page.url());
    expect(url.pathname).toBe('/suche');
    expect(url.searchParams.get('typ')).toBe('question');
    expect(url.searchParams.get('community')).toBe(ARCHIV.slug);
    await expect(status(page).innerText()).resolves.toContain(`${REGISTRATUR_QUESTIONS} Treffer`);
    // The form shows what was chosen.
    await expect(searchForm(page).getByLabel('Art', { exact: true }).inputValue()).resolves.toBe('question');
    await expect(searchForm(page).getByLabel('Community', { exact: true }).inputValue()).resolves.toBe(ARCHIV.slug);
    await expect(searchForm(page).getByLabel('Suchbegriff').inputValue()).resolves.toBe('Registratur');

    const first = await resultRows(page);
    expect(first).toHaveLength(20);
    for (const row of first) {
      expect(row.kind, row.title).toBe('Frage');
      expect(row.meta, row.title).toContain(`in ${ARCHIV.name}`);
      expect(row.title).toMatch(/^Registratur Frage \d\d/);
    }

    // The next page, by the link, with the filters kept.
    const pager = page.getByRole('navigation', { name: 'Seiten der Liste' });
    await expect(pager.getByRole('link').allInnerTexts()).resolves.toEqual(['Weitere Treffer']);
    await navigation(page, () => pager.getByRole('link', { name: 'Weitere Treffer' }).click());
    url = new URL(page.url());
    expect(url.searchParams.get('nach')).toBeTruthy();
    expect(url.searchParams.get('typ')).toBe('question');
    expect(url.searchParams.get('community')).toBe(ARCHIV.slug);
    const second = await resultRows(page);
    expect(second).toHaveLength(REGISTRATUR_QUESTIONS - 20);
    for (const row of second) {
      expect(row.kind, row.title).toBe('Frage');
      expect(row.meta, row.title).toContain(`in ${ARCHIV.name}`);
    }
    // Numbering goes on, and together the pages hold every question once.
    await expect(page.locator('main ol.kp-result-list').getAttribute('start')).resolves.toBe('21');
    const titles = [...first, ...second].map((r) => r.title).sort();
    expect(titles).toEqual(Array.from({ length: REGISTRATUR_QUESTIONS }, (_, i) => registraturTitle(i + 1)).sort());
    await expect(pager.getByRole('link', { name: 'Weitere Treffer' }).count()).resolves.toBe(0);
    await navigation(page, () => pager.getByRole('link', { name: 'Zurück zu den ersten Treffern' }).click());
    expect(await resultRows(page)).toHaveLength(20);
    expect(new URL(page.url()).searchParams.get('nach')).toBeNull();

    // Nothing found: what to try instead, and the way to people who know.
    await searchForm(page).getByLabel('Suchbegriff').fill('Quantenkryptografie');
    await searchForm(page).getByLabel('Art', { exact: true }).selectOption('');
    await searchForm(page).getByLabel('Community', { exact: true }).selectOption('');
    await navigation(page, () => searchForm(page).getByLabel('Suchbegriff').press('Enter'));
    await expect(results(page).count()).resolves.toBe(0);
    const main = page.locator('main');
    await expect(main.innerText()).resolves.toContain('Keine Treffer für »Quantenkryptografie«');
    await expect(status(page).innerText()).resolves.toContain('0 Treffer');
    const experts = main.getByRole('link', { name: 'Fragen Sie Menschen, die sich auskennen: »Quantenkryptografie« in »Wer weiß was?«' });
    await expect(experts.getAttribute('href')).resolves.toBe('/wer-weiss-was?q=Quantenkryptografie');
    await expect(main.getByRole('link', { name: 'Stellen Sie Ihre Frage in einer passenden Community.' }).getAttribute('href')).resolves.toBe('/communities');
    await navigation(page, () => experts.click());
    url = new URL(page.url());
    expect(url.pathname).toBe('/wer-weiss-was');
    expect(url.searchParams.get('q')).toBe('Quantenkryptografie');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Wer weiß was?');

    // A misspelling: the results of the corrected spelling, and a notice saying so.
    await open(page, '/suche');
    await searchForm(page).getByLabel('Suchbegriff').fill('Wärmepumpenfördrung');
    await navigation(page, () => searchForm(page).getByRole('button', { name: 'Suchen' }).click());
    await expect(status(page).innerText()).resolves.toContain('Keine Treffer für »Wärmepumpenfördrung«. Angezeigt werden Treffer für »wärmepumpenförderung«.');
    const corrected = await resultRows(page);
    expect(corrected.map((r) => r.href)).toEqual([`/beitraege/${WAERME}`]);
    await expect(results(page).locator('h3 mark').allInnerTexts()).resolves.toEqual(['Wärmepumpenförderung']);

    expect(requests.pageErrors).toEqual([]);
  });

  it('with JavaScript: similar questions appear in the live region as a question title is typed, and lead to the questions', async () => {
    const { page, requests } = await browser.page();
    await signInQuickly(page, mia.email, TEST_PASSWORD);
    await open(page, `/communities/${ARCHIV.slug}/neu`);
    const box = page.locator('#similar-questions');
    const status = page.locator('#similar-questions-status');
    await expect(status.getAttribute('role')).resolves.toBe('status');
    await expect(box.innerText()).resolves.toBe('');

    await page.getByLabel('Art des Beitrags').selectOption('question');
    const fetched = page.waitForResponse((r) => new URL(r.url()).pathname === '/suche/aehnliche-fragen' && r.status() === 200);
    await page.getByLabel('Titel', { exact: true }).pressSequentially('Aktenplan aktuell halten', { delay: 30 });
    await fetched;
    const own = box.locator(`a[href="/beitraege/${AKTENPLAN_FRAGE}"]`);
    await own.waitFor({ state: 'visible' });
    await expect(box.getByRole('heading', { name: 'Ähnliche Fragen', level: 2 }).count()).resolves.toBe(1);
    // The status region announces one short line, not the whole list.
    await expect(status.textContent()).resolves.toMatch(/^\d+ ähnliche Fragen? gefunden$/);
    await expect(own.innerText()).resolves.toBe(AKTENPLAN_TITLE);
    // The asker's own community first; questions of other communities she reads follow.
    const hrefs = await box.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`/beitraege/${BAU_FRAGE}`);
    expect(hrefs.indexOf(`/beitraege/${AKTENPLAN_FRAGE}`)).toBeLessThan(hrefs.indexOf(`/beitraege/${BAU_FRAGE}`));
    await expect(box.locator('li').first().innerText()).resolves.toContain(`${ARCHIV.name} · Beantwortet · 1 Antwort`);
    // Only questions: the discussion about the Aktenplan is no similar question.
    await expect(box.getByText('Aktenplan und E-Akte zusammenführen').count()).resolves.toBe(0);

    await checkA11yAtBothSizes(page, 'question form with similar questions (JavaScript)');
    await checkStructure(page, 'question form with similar questions (JavaScript)');

    // Typing on is still the form: the title has what was typed.
    await expect(page.getByLabel('Titel', { exact: true }).inputValue()).resolves.toBe('Aktenplan aktuell halten');
    await navigation(page, () => own.click());
    expect(new URL(page.url()).pathname).toBe(`/beitraege/${AKTENPLAN_FRAGE}`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(AKTENPLAN_TITLE);

    // Another type than a question: no suggestions.
    await open(page, `/communities/${ARCHIV.slug}/neu?typ=question`);
    await page.getByLabel('Titel', { exact: true }).pressSequentially('Aktenplan', { delay: 30 });
    await page.locator('#similar-questions a').first().waitFor({ state: 'visible' });
    await page.getByLabel('Art des Beitrags').selectOption('discussion');
    await page.waitForFunction(() => document.querySelector('#similar-questions')?.childElementCount === 0, undefined, { timeout: TIMEOUT });
    expect(requests.pageErrors).toEqual([]);
    expect(requests.consoleErrors).toEqual([]);
  });

  it('without JavaScript: "Ähnliche Fragen prüfen" lists them, keeps everything typed, and publishing still works', async () => {
    const { page, requests } = await browser.page({ javaScriptEnabled: false });
    await signInQuickly(page, mia.email, TEST_PASSWORD);
    await open(page, `/communities/${ARCHIV.slug}/neu`);
    const title = 'Wie oft überarbeiten Sie den Aktenplan?';
    const body = 'Wir planen eine Überarbeitung.\n\n- Wer ist beteiligt?\n- Wie lange dauert es?';
    await page.getByLabel('Art des Beitrags').selectOption('question');
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByLabel('Text', { exact: true }).fill(body);
    await page.locator('#f-tags').fill('Aktenplan, Überarbeitung');
    // Scripts really are off: nothing was fetched while typing.
    expect(requests.urls.some((u) => new URL(u).pathname === '/suche/aehnliche-fragen')).toBe(false);

    expect(await submit(page, 'Ähnliche Fragen prüfen')).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/communities/${ARCHIV.slug}/neu`);
    const box = page.locator('#similar-questions');
    await expect(box.locator(`a[href="/beitraege/${AKTENPLAN_FRAGE}"]`).innerText()).resolves.toBe(AKTENPLAN_TITLE);
    await expect(box.locator(`a[href="/beitraege/${BAU_FRAGE}"]`).innerText()).resolves.toBe(BAU_TITLE);
    await expect(page.locator('#f-type').inputValue()).resolves.toBe('question');
    await expect(page.locator('#f-title').inputValue()).resolves.toBe(title);
    await expect(page.locator('#f-body').inputValue()).resolves.toBe(body);
    await expect(page.locator('#f-tags').inputValue()).resolves.toBe('Aktenplan, Überarbeitung');
    await expect(page.locator('#error-summary').count()).resolves.toBe(0);

    // A title without similar questions says so.
    await page.locator('#f-title').fill('Quantenkryptografie im Standesamt?');
    expect(await submit(page, 'Ähnliche Fragen prüfen')).toBe(200);
    await expect(box.innerText()).resolves.toBe('Keine ähnlichen Fragen gefunden.');
    await page.locator('#f-title').fill(title);

    // Publishing after the check.
    await navigation(page, () => page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/beitraege\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(title);
    await expect(page.locator('main > .kp-flash[role="status"]').innerText()).resolves.toContain('Ihr Beitrag ist veröffentlicht.');
    await expect(page.locator('article .kp-post-type').first().innerText()).resolves.toBe('Frage');
    await expect(page.locator('main').innerText()).resolves.toContain('Wer ist beteiligt?');
    await expect(page.locator('main ul.kp-tags[aria-label="Themen"] li').allInnerTexts()).resolves.toEqual(['Aktenplan', 'Überarbeitung']);
    expect(requests.pageErrors).toEqual([]);
  });

  it('at 320 px nothing scrolls sideways on /suche and on a page with the header search box', async () => {
    const { page } = await browser.page({ viewport: MOBILE });
    await signInQuickly(page, mia.email, TEST_PASSWORD);
    for (const path of ['/', `/communities/${ARCHIV.slug}`, '/suche', '/suche?q=Aktenplan', `/suche?q=Registratur&typ=question&community=${ARCHIV.slug}`, '/suche?q=Quantenkryptografie']) {
      await open(page, path);
      await expectNoSidewaysScroll(page, path);
    }
    // Typing a long query into the header box does not widen the page either.
    await open(page, '/');
    await page.locator('#kp-header-q').fill('Wärmepumpenförderungsrichtlinienumsetzungsverordnung Aktenplan Registratur');
    await expectNoSidewaysScroll(page, 'header box with a long query');
  });
});

interface SearchPageSpec {
  label: string;
  path: string;
  /** Texts the page shows: proof that the state it is checked in is really there. */
  shows: string[];
}

const searchPages: SearchPageSpec[] = [
  { label: 'results with highlights', path: '/suche?q=Aktenplan', shows: ['Suchergebnisse', AKTENPLAN_TITLE, 'Akzeptierte Antwort'] },
  { label: 'filtered results with paging', path: `/suche?q=Registratur&typ=question&community=${ARCHIV.slug}&sortierung=datum`, shows: [`${REGISTRATUR_QUESTIONS} Treffer`, 'Weitere Treffer'] },
  { label: 'second page', path: '/suche?q=Registratur', shows: ['Weitere Treffer'] },
  { label: 'no results', path: '/suche?q=Quantenkryptografie', shows: ['Keine Treffer für »Quantenkryptografie«', 'Wer weiß was?'] },
  { label: 'no results with filters', path: `/suche?q=Quantenkryptografie+Aktenplan&community=${BAU.slug}&zeitraum=week`, shows: ['Suche ohne Filter wiederholen', 'Verwenden Sie weniger Wörter'] },
  { label: 'a corrected spelling', path: '/suche?q=W%C3%A4rmepumpenf%C3%B6rdrung', shows: ['Angezeigt werden Treffer für »wärmepumpenförderung«'] },
  { label: 'an empty query', path: '/suche', shows: ['Geben Sie oben einen Suchbegriff ein'] },
  { label: 'a query without words', path: '/suche?q=%21%21%21', shows: ['keine Wörter'] },
  { label: 'only common words', path: '/suche?q=und+der', shows: ['nur sehr häufige Wörter'] },
  { label: 'only exclusions', path: '/suche?q=-Aktenplan', shows: ['schließt nur Wörter aus'] },
  { label: 'an unknown community', path: '/suche?q=Aktenplan&community=gibt-es-nicht', shows: ['Diese Community gibt es nicht'] },
  { label: 'a query cut short', path: `/suche?q=${encodeURIComponent('Aktenplan Registratur eins zwei drei vier fünf sechs sieben acht')}`, shows: ['Ihre Suche war sehr lang'] },
];

describe('accessibility of the search', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  let member: Promise<Page> | undefined;
  const memberPage = () =>
    (member ??= browser.page({ keep: true }).then(async ({ page }) => {
      await signInQuickly(page, mia.email, TEST_PASSWORD);
      return page;
    }));

  it.each(searchPages.map((p) => [`${p.label}: ${p.path}`, p] as const))('%s', async (_name, spec) => {
    const page = await memberPage();
    await open(page, spec.path);
    if (spec.label === 'second page') {
      await navigation(page, () => page.getByRole('link', { name: 'Weitere Treffer' }).click());
      spec = { ...spec, shows: ['Zurück zu den ersten Treffern'] };
    }
    const text = await page.locator('main').innerText();
    for (const shown of spec.shows) expect(text, `${spec.label} shows "${shown}"`).toContain(shown);
    await checkStructure(page, `search: ${spec.label}`);
    await checkA11yAtBothSizes(page, `search: ${spec.label}`);
  });

  it('the question form as "Ähnliche Fragen prüfen" brings it back from the server', async () => {
    // axe needs scripts in the page; the button works the same with them, as a plain form submit.
    const page = await memberPage();
    await open(page, `/communities/${ARCHIV.slug}/neu?typ=question`);
    await page.locator('#f-title').fill('Aktenplan');
    await page.locator('#f-body').fill('Wie halten Sie ihn aktuell?');
    expect(await submit(page, 'Ähnliche Fragen prüfen')).toBe(200);
    await expect(page.locator(`#similar-questions a[href="/beitraege/${AKTENPLAN_FRAGE}"]`).count()).resolves.toBe(1);
    await checkStructure(page, 'question form with similar questions (server)');
    await checkA11yAtBothSizes(page, 'question form with similar questions (server)');
  });
});

