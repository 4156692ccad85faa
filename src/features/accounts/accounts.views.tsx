/** Pages for joining and signing in. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField, type FormState, type OptionGroup } from '../../views/components/forms.js';
import type { MessageKey } from '../../views/i18n/index.js';

const registerLabels: Record<string, MessageKey> = {
  name: 'account.field.name',
  email: 'account.field.email',
  password: 'account.field.password',
  organisationId: 'account.field.organisation',
  organisationOther: 'account.field.organisationOther',
  reason: 'account.field.reason',
};

export function RegisterPage({ ctx, form, organisations }: { ctx: ViewContext; form: FormState; organisations: OptionGroup[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('register.title')}>
      <PageHeading title={t('register.title')} lead={t('register.lead')} />
      <ErrorSummary ctx={ctx} form={form} labels={registerLabels} />
      <form method="post" action="/registrieren" class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="name" label="account.field.name" autocomplete="name" maxLength={120} required />
        <TextField ctx={ctx} form={form} name="email" type="email" label="account.field.email" hint="register.emailHint" autocomplete="email" maxLength={254} required />
        <TextField ctx={ctx} form={form} name="password" type="password" label="account.field.password" hint="account.passwordHint" autocomplete="new-password" maxLength={200} required />
        <SelectField
          ctx={ctx}
          form={form}
          name="organisationId"
          label="account.field.organisation"
          hint="register.organisationHint"
          placeholder="register.organisationPlaceholder"
          options={[{ value: 'other', label: t('register.organisationNotListed') }]}
          groups={organisations}
        />
        <TextField ctx={ctx} form={form} name="organisationOther" label="account.field.organisationOther" hint="register.organisationOtherHint" maxLength={200} />
        <TextArea ctx={ctx} form={form} name="reason" label="account.field.reason" hint="register.reasonHint" maxLength={1000} rows={4} />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="register.submit" />
        </div>
      </form>
      <p class="kern-body">
        {t('register.haveAccount')} <a class="kern-link" href="/anmelden">{t('nav.signIn')}</a>
      </p>
    </Layout>
  );
}

const signInLabels: Record<string, MessageKey> = { email: 'account.field.email', password: 'account.field.password' };

export function SignInPage({ ctx, form, next }: { ctx: ViewContext; form: FormState; next: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signIn.title')}>
      <PageHeading title={t('signIn.title')} />
      <ErrorSummary ctx={ctx} form={form} labels={signInLabels} />
      <form method="post" action="/anmelden" class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={next} />
        <TextField ctx={ctx} form={form} name="email" type="email" label="account.field.email" autocomplete="username" maxLength={254} required />
        <TextField ctx={ctx} form={form} name="password" type="password" label="account.field.password" autocomplete="current-password" maxLength={200} required />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="signIn.submit" />
        </div>
      </form>
      <ul class="kern-list kp-links">
        <li><a class="kern-link" href="/anmelden/link">{t('signIn.withLink')}</a></li>
        <li><a class="kern-link" href="/passwort-vergessen">{t('signIn.forgotPassword')}</a></li>
        <li><a class="kern-link" href="/registrieren">{t('signIn.register')}</a></li>
      </ul>
    </Layout>
  );
}

/** A one-field form that asks for the address (sign-in link, password reset). */
export function EmailRequestPage({ ctx, form, title, lead, action, submit }: { ctx: ViewContext; form: FormState; title: MessageKey; lead: MessageKey; action: string; submit: MessageKey }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t(title)}>
      <PageHeading title={t(title)} lead={t(lead)} />
      <ErrorSummary ctx={ctx} form={form} labels={{ email: 'account.field.email' }} />
      <form method="post" action={action} class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="email" type="email" label="account.field.email" autocomplete="email" maxLength={254} required />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label={submit} />
        </div>
      </form>
    </Layout>
  );
}

export function MessagePage({ ctx, title, body, kind = 'info' }: { ctx: ViewContext; title: MessageKey; body: MessageKey; kind?: 'info' | 'success' | 'warning' }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t(title)}>
      <PageHeading title={t(title)} />
      <Alert kind={kind} title={t(body)} />
      <p class="kern-body">
        <a class="kern-link" href="/">{t('errorPage.home')}</a>
      </p>
    </Layout>
  );
}

/**
 * A link from a mail opens this page; the action happens only when the person presses the
 * button, so that mail scanners that follow links use up nothing.
 */
export function ConfirmLinkPage({ ctx, title, lead, action, submit }: { ctx: ViewContext; title: MessageKey; lead: MessageKey; action: string; submit: MessageKey }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t(title)}>
      <PageHeading title={t(title)} lead={t(lead)} />
      <form method="post" action={action} class="kp-form">
        <CsrfField ctx={ctx} />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label={submit} />
        </div>
      </form>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, form, token }: { ctx: ViewContext; form: FormState; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reset.title')}>
      <PageHeading title={t('reset.title')} />
      <ErrorSummary ctx={ctx} form={form} labels={{ password: 'account.field.newPassword' }} />
      <form method="post" action={`/passwort-zuruecksetzen/${token}`} class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="password" type="password" label="account.field.newPassword" hint="account.passwordHint" autocomplete="new-password" maxLength={200} required />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="reset.submit" />
        </div>
      </form>
    </Layout>
  );
}
