/**
 * Browser tests against the real app: Debian's Chromium driven by playwright-core, axe for
 * accessibility, and a recorder of every request a page makes.
 *
 * One browser per test file (`useBrowser()`), a fresh context per page, so cookies never
 * leak between tests; contexts are closed after each test (with `keep`, after the file).
 * Waits are explicit (navigation, load, a condition), never sleeps, and end after 30 s.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { Outbox } from '../helpers/outbox.js';

/** Every wait in a browser test: long enough for two busy cores, short enough to fail clearly. */
export const TIMEOUT = 30_000;
/** For `describe(…, { timeout: BROWSER_TEST_TIMEOUT }, …)`: above TIMEOUT so Playwright's message wins. */
export const BROWSER_TEST_TIMEOUT = 90_000;

export const DESKTOP = { width: 1280, height: 800 } as const;
export const MOBILE = { width: 320, height: 640 } as const;
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Root in CI needs --no-sandbox; the rest keeps Chromium from calling home.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: TIMEOUT,
  });
}

/** Every request the pages of one context made, and what went wrong on them. */
export class RequestRecorder {
  readonly urls: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];

  attach(context: BrowserContext): void {
    context.on('request', (request) => this.urls.push(request.url()));
    const watch = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') this.consoleErrors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => this.pageErrors.push(`${page.url()}: ${error.message}`));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
  }

  /** URLs whose origin is not `origin` (data:, blob: and about: never leave the machine). */
  foreign(origin: string): string[] {
    return this.urls.filter((url) => {
      const u = new URL(url);
      if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return false;
      return u.origin !== origin;
    });
  }

  /** Fails with the list of requests to any other origin than the app's. */
  assertOnlyOrigin(origin: string): void {
    const foreign = this.foreign(origin);
    if (foreign.length > 0) throw new Error(`requests to origins other than ${origin}:\n${foreign.map((u) => `  - ${u}`).join('\n')}`);
  }
}

export interface BrowserPage {
  page: Page;
  context: BrowserContext;
  requests: RequestRecorder;
}

export interface PageOptions {
  /** Keep the context for the whole file (closed after all tests) instead of after this test. */
  keep?: boolean;
  viewport?: { width: number; height: number };
  /** Cookies to start with, e.g. of a person signed in earlier (`context.storageState()`). */
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>;
  /** false: the page as people without JavaScript get it (every page must work so). */
  javaScriptEnabled?: boolean;
}

export interface BrowserFixture {
  readonly browser: Browser;
  /** A page in a context of its own (own cookies), with baseURL set and requests recorded. */
  page(opts?: PageOptions): Promise<BrowserPage>;
}

/**
 * Registers the hooks of a test file: a browser for the file, new contexts per test, all
 * closed afterwards. `baseUrl` is read when a page is made, so it may be set in beforeAll.
 */
export function useBrowser(baseUrl: () => string): BrowserFixture {
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];
  const kept: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await Promise.all(kept.splice(0).map((c) => c.close().catch(() => undefined)));
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not running (useBrowser must be called at the top of the file)');
      return browser;
    },
    async page(opts = {}) {
      if (!browser) throw new Error('the browser is not running (useBrowser must be called at the top of the file)');
      const context = await browser.newContext({ baseURL: baseUrl(), viewport: opts.viewport ?? DESKTOP, storageState: opts.storageState, javaScriptEnabled: opts.javaScriptEnabled, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
      context.setDefaultTimeout(TIMEOUT);
      context.setDefaultNavigationTimeout(TIMEOUT);
      (opts.keep ? kept : open).push(context);
      const requests = new RequestRecorder();
      requests.attach(context);
      const page = await context.newPage();
      return { page, context, requests };
    },
  };
}

/**
 * Runs `action` (a click, Enter, a submit) and waits until the main frame has committed
 * the next document and loaded it. Works for POST → 303 → GET and for a form coming back
 * with errors on the same URL, where waitForURL cannot tell old from new.
 */
export async function navigation(page: Page, action: () => Promise<unknown>): Promise<void> {
  const committed = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: TIMEOUT });
  await action();
  await committed;
  await page.waitForLoadState('load', { timeout: TIMEOUT });
}

/** Opens a path and fails clearly unless the app answers `status` (200 by default). */
export async function open(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path, { waitUntil: 'load', timeout: TIMEOUT });
  const got = response?.status();
  if (got !== status) {
    const heading = await page.locator('h1').first().textContent({ timeout: 1_000 }).catch(() => null);
    throw new Error(`GET ${path} answered ${got ?? 'nothing'} (expected ${status}) at ${page.url()}${heading ? ` – page heading: "${heading.trim()}"` : ''}`);
  }
}

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

function describeViolations(label: string, violations: Violation[]): string {
  const lines = violations.map((v) => {
    const nodes = v.nodes.map((n) => `      - ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`);
    return `  • ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
  });
  return `axe found ${violations.length} violation(s) on ${label}:\n${lines.join('\n')}`;
}

/**
 * axe with the WCAG 2.1 A/AA rules on the page as it is now; fails with a readable list.
 * Legacy mode runs axe.run in the page itself: our pages have no frames, and it saves the
 * extra blank page per run that the frame-aware mode opens (three times faster on 2 cores).
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(A11Y_TAGS).setLegacyMode(true).analyze();
  if (results.violations.length > 0) throw new Error(describeViolations(`${label} (${page.url()})`, results.violations));
}

/**
 * WCAG 1.4.10: at 320 CSS px the page must not scroll sideways. Names the innermost
 * elements that stick out (boxes wider than the viewport, or text that overflows its box,
 * like a long e-mail address), ignoring regions that scroll on their own.
 */
export async function checkReflow(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth, offenders } = await page.evaluate(() => {
    const vw = window.innerWidth;
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}${text ? ` "${text}"` : ''}`;
    };
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    const found: Element[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const style = getComputedStyle(el);
      if (style.position === 'absolute' || style.position === 'fixed' || insideScroller(el)) continue;
      const rect = el.getBoundingClientRect();
      const html = el as HTMLElement;
      const textOverflow = style.overflowX === 'visible' && html.scrollWidth > html.clientWidth + 1 && rect.left + html.scrollWidth > vw + 1;
      if (rect.right > vw + 1 || textOverflow) found.push(el);
    }
    const innermost = found.filter((el) => !found.some((other) => other !== el && el.contains(other)));
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, offenders: innermost.slice(0, 8).map(describe) };
  });
  if (scrollWidth > innerWidth) {
    throw new Error(`reflow (WCAG 1.4.10) on ${label} (${page.url()}): the page is ${scrollWidth} px wide in a ${innerWidth} px viewport; sticking out:\n${offenders.map((w) => `  - ${w}`).join('\n') || '  (no single element found)'}`);
  }
}

/**
 * axe on the page as it is now at 1280×800 and at 320×640 (and reflow at 320). The page is
 * not reloaded, so a page shown after a POST (a form with errors) is checked as shown.
 */
export async function checkA11yAtBothSizes(page: Page, label: string): Promise<void> {
  const before = page.viewportSize();
  const problems: string[] = [];
  for (const size of [DESKTOP, MOBILE]) {
    await page.setViewportSize(size);
    // Let layout settle on the new size before axe measures contrast and overlap.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const at = `${label} at ${size.width}×${size.height}`;
    await checkA11y(page, at).catch((e: Error) => problems.push(e.message));
    if (size === MOBILE) await checkReflow(page, at).catch((e: Error) => problems.push(e.message));
  }
  if (before) await page.setViewportSize(before);
  if (problems.length > 0) throw new Error(problems.join('\n\n'));
}

/**
 * Waits for the newest mail to `address` to hold a link under `prefix` (mail may be sent
 * after the response, from a job); answers the link's path with query.
 */
export async function mailLink(outbox: Outbox, address: string, prefix: string, opts: { after?: number; timeout?: number } = {}): Promise<string> {
  const deadline = Date.now() + (opts.timeout ?? 10_000);
  let last: unknown;
  for (;;) {
    try {
      const mails = await outbox.to(address);
      if (mails.length > (opts.after ?? 0)) {
        const link = await outbox.link(address, prefix);
        const url = new URL(link);
        return `${url.pathname}${url.search}`;
      }
      last = new Error(`no new mail to ${address} (had ${opts.after ?? 0})`);
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether the context is signed in, and as what, from the JSON API with the context's cookies. */
export async function whoAmI(page: Page): Promise<{ status: number; role?: string; email?: string; name?: string }> {
  const response = await page.request.get('/api/v1/me', { timeout: TIMEOUT });
  if (response.status() !== 200) return { status: response.status() };
  const body = (await response.json()) as { role: string; email: string; name: string };
  return { status: 200, role: body.role, email: body.email, name: body.name };
}

/** Signs in through the form, as a person would: fields by label, Enter to submit. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await open(page, '/anmelden');
  await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await navigation(page, () => page.getByLabel('Passwort', { exact: true }).press('Enter'));
  if (new URL(page.url()).pathname === '/anmelden') {
    const error = await page.locator('#error-summary').textContent().catch(() => null);
    throw new Error(`sign-in as ${email} failed: ${error?.trim() ?? 'still on /anmelden'}`);
  }
}

/** Signs a context in through the JSON API (fast; for tests that are about other pages). */
export async function signInQuickly(page: Page, email: string, password: string): Promise<void> {
  const response = await page.request.post('/api/v1/session', { data: { email, password }, timeout: TIMEOUT });
  if (response.status() !== 200) throw new Error(`POST /api/v1/session for ${email} answered ${response.status()}: ${await response.text()}`);
}
