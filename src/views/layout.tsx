/**
 * The frame of every page: skip link, header with navigation and language switch, optional
 * breadcrumbs, main landmark with the flash message in a live region, footer with legal links.
 */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.js';
import type { MessageKey } from './i18n/index.js';
import { Alert } from './components/alert.js';
import { CsrfField } from './components/forms.js';
import { isInside, isOffice, isVerifiedMember } from '../features/accounts/accounts.policy.js';
import { HeaderSearch } from '../features/search/search.views.js';
import { Bell } from '../features/notifications/notifications.views.js';

export interface Crumb {
  label: string;
  href?: string;
}

interface NavItem {
  href: string;
  label: MessageKey;
}

function navItems(ctx: ViewContext): NavItem[] {
  const { actor } = ctx;
  if (actor.kind === 'anonymous') {
    return [
      { href: '/', label: 'nav.home' },
      { href: '/veranstaltungen', label: 'nav.events' },
      { href: '/anmelden', label: 'nav.signIn' },
      { href: '/registrieren', label: 'nav.register' },
    ];
  }
  const items: NavItem[] = [{ href: '/', label: 'nav.home' }];
  if (isInside(actor)) items.push({ href: '/communities', label: 'nav.communities' }, { href: '/mitglieder', label: 'nav.members' }, { href: '/wer-weiss-was', label: 'nav.experts' });
  items.push({ href: '/veranstaltungen', label: 'nav.events' });
  if (isVerifiedMember(actor)) items.push({ href: '/organisationen', label: 'nav.organisations' });
  items.push({ href: '/konto', label: 'nav.account' });
  if (isOffice(actor)) items.push({ href: '/geschaeftsstelle', label: 'nav.office' });
  return items;
}

function isCurrent(ctx: ViewContext, href: string): boolean {
  return href === '/' ? ctx.path === '/' : ctx.path === href || ctx.path.startsWith(`${href}/`);
}

export function Layout({ ctx, title, crumbs, children }: { ctx: ViewContext; title: string; crumbs?: Crumb[]; children: ComponentChildren }) {
  const { t } = ctx;
  const other = ctx.lang === 'de' ? 'en' : 'de';
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Knotenpunkt`}</title>
        <link rel="stylesheet" href="/assets/kern/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/assets/kern/kern.min.css" />
        <link rel="stylesheet" href="/assets/css/app.css" />
        <link rel="icon" href="/assets/img/favicon.svg" type="image/svg+xml" />
        <script type="module" src="/assets/js/app.js"></script>
        {ctx.actor.kind === 'user' ? <script type="module" src="/assets/js/notifications.js"></script> : null}
      </head>
      <body>
        <a class="kp-skip-link" href="#main">
          {t('layout.skipLink')}
        </a>
        <header class="kp-header">
          <div class="kern-container kp-header__inner">
            <a class="kp-brand" href="/">
              <span class="kp-brand__mark" aria-hidden="true">◆</span> Knotenpunkt
            </a>
            <nav class="kp-nav" aria-label={t('layout.mainNav')}>
              <ul>
                {navItems(ctx).map((item) => (
                  <li key={item.href}>
                    <a class="kern-link" href={item.href} aria-current={isCurrent(ctx, item.href) ? 'page' : undefined}>
                      {t(item.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {isInside(ctx.actor) ? <HeaderSearch ctx={ctx} /> : null}
            <div class="kp-header__actions">
              {ctx.actor.kind === 'user' ? <Bell ctx={ctx} /> : null}
              {ctx.actor.kind === 'user' ? (
                <form method="post" action="/abmelden" class="kp-inline-form">
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small">
                    <span class="kern-icon kern-icon--logout" aria-hidden="true"></span>
                    <span class="kern-label">{t('nav.signOut')}</span>
                  </button>
                </form>
              ) : null}
              <form method="post" action="/sprache" class="kp-inline-form">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="lang" value={other} />
                <input type="hidden" name="next" value={ctx.path} />
                <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small" lang={other}>
                  <span class="kern-icon kern-icon--language" aria-hidden="true"></span>
                  <span class="kern-label">{t('layout.switchLanguage')}</span>
                </button>
              </form>
            </div>
          </div>
        </header>
        {crumbs && crumbs.length > 0 ? (
          <nav class="kern-container kp-breadcrumbs" aria-label={t('layout.breadcrumbs')}>
            <ol>
              {crumbs.map((c, i) => (
                <li key={i}>{c.href ? <a class="kern-link" href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
              ))}
            </ol>
          </nav>
        ) : null}
        <main id="main" class="kern-container kp-main" tabindex={-1}>
          <div role="status" aria-live="polite" class="kp-flash">
            {ctx.flash ? <Alert kind={ctx.flash.kind} title={t(ctx.flash.key, ctx.flash.params)} /> : null}
          </div>
          {children}
        </main>
        <footer class="kp-footer">
          <div class="kern-container">
            <nav aria-label={t('layout.legalNav')}>
              <ul class="kp-footer__links">
                <li><a class="kern-link" href="/impressum">{t('legal.imprint')}</a></li>
                <li><a class="kern-link" href="/datenschutz">{t('legal.privacy')}</a></li>
                <li><a class="kern-link" href="/barrierefreiheit">{t('legal.accessibility')}</a></li>
              </ul>
            </nav>
            <p class="kern-body kern-body--small">{t('layout.footerNote')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The page heading with an optional lead sentence. */
export function PageHeading({ title, lead }: { title: string; lead?: string }) {
  return (
    <div class="kp-page-heading">
      <h1 class="kern-heading-large">{title}</h1>
      {lead ? <p class="kern-body kern-body--large">{lead}</p> : null}
    </div>
  );
}
