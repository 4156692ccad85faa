/** The landing page, the members' start page, and the legal pages. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { CsrfField, ErrorSummary, SubmitButton, TextArea, TextField, type FormState } from '../../views/components/forms.js';
import type { PageText } from './site.repo.js';
import { StartSections } from '../communities/start.views.js';
import type { StartPageData } from '../communities/start.service.js';

/** Plain text with blank lines between paragraphs; escaped like every other text. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p class="kern-body" key={i}>
            {p}
          </p>
        ))}
    </>
  );
}

export function LandingPage({ ctx, text }: { ctx: ViewContext; text: PageText }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={text.title}>
      <section class="kp-hero" aria-labelledby="landing-title">
        <h1 class="kern-heading-display" id="landing-title">{text.title}</h1>
        <Paragraphs text={text.body} />
        <div class="kern-btn-wrapper">
          <a class="kern-btn kern-btn--primary" href="/registrieren">
            <span class="kern-label">{t('landing.register')}</span>
          </a>
          <a class="kern-btn kern-btn--secondary" href="/anmelden">
            <span class="kern-label">{t('nav.signIn')}</span>
          </a>
        </div>
      </section>
      <section class="kp-cards" aria-labelledby="landing-how">
        <h2 class="kern-heading-medium" id="landing-how">{t('landing.howTitle')}</h2>
        <ul class="kp-card-grid">
          {(['landing.how1', 'landing.how2', 'landing.how3'] as const).map((k) => (
            <li class="kern-card" key={k}>
              <div class="kern-card__container">
                <div class="kern-card__body">
                  <p class="kern-body">{t(k)}</p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}

export function StartPage({ ctx, name, state, reviewMessage, communities }: { ctx: ViewContext; name: string; state: 'member' | 'pending' | 'declined' | 'partner'; reviewMessage: string | null; communities: StartPageData | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('start.title')}>
      <PageHeading title={t('start.welcome', { name })} />
      {state === 'pending' ? (
        <Alert kind="info" title={t('start.pendingTitle')}>
          <p class="kern-body">{t('start.pendingBody')}</p>
        </Alert>
      ) : null}
      {state === 'declined' ? (
        <Alert kind="warning" title={t('start.declinedTitle')}>
          <p class="kern-body">{t('start.declinedBody')}</p>
          {reviewMessage ? <p class="kern-body">{reviewMessage}</p> : null}
        </Alert>
      ) : null}
      {state === 'member' ? <p class="kern-body kern-body--large">{t('start.memberLead')}</p> : null}
      {state === 'partner' ? <p class="kern-body kern-body--large">{t('start.partnerLead')}</p> : null}
      {communities ? <StartSections ctx={ctx} d={communities} /> : null}
      <ul class="kern-list kp-links">
        {state === 'member' ? (
          <>
            <li><a class="kern-link" href="/communities">{t('start.toCommunities')}</a></li>
            <li><a class="kern-link" href="/wer-weiss-was">{t('start.toExperts')}</a></li>
            <li><a class="kern-link" href="/mitglieder">{t('start.toMembers')}</a></li>
            <li><a class="kern-link" href="/organisationen">{t('start.toOrganisations')}</a></li>
          </>
        ) : null}
        <li><a class="kern-link" href="/konto/profil">{t('start.toProfile')}</a></li>
        <li><a class="kern-link" href="/konto">{t('start.toAccount')}</a></li>
      </ul>
    </Layout>
  );
}

export function LegalPage({ ctx, text, children }: { ctx: ViewContext; text: PageText; children?: preact.ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={text.title}>
      <PageHeading title={text.title} />
      <Paragraphs text={text.body} />
      {children}
    </Layout>
  );
}

export function AccessibilityFeedbackForm({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="feedback-title" class="kp-section">
      <h2 class="kern-heading-medium" id="feedback-title">{t('feedback.title')}</h2>
      <p class="kern-body">{t('feedback.lead')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={{ message: 'feedback.message', email: 'feedback.email', name: 'feedback.name', page: 'feedback.page' }} />
      <form method="post" action="/barrierefreiheit" class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextArea ctx={ctx} form={form} name="message" label="feedback.message" hint="feedback.messageHint" maxLength={5000} required rows={6} />
        <TextField ctx={ctx} form={form} name="page" label="feedback.page" hint="feedback.pageHint" maxLength={500} />
        <TextField ctx={ctx} form={form} name="name" label="feedback.name" autocomplete="name" maxLength={120} />
        <TextField ctx={ctx} form={form} name="email" type="email" label="feedback.email" hint="feedback.emailHint" autocomplete="email" maxLength={254} />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="feedback.submit" />
        </div>
      </form>
    </section>
  );
}
