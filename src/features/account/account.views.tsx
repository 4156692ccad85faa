/** The person's own account: overview, password, address, sessions, access tokens. */
import type { ViewContext } from '../../views/context.js';
import { Facts } from '../../views/components/facts.js';
import { TableWrap } from '../../views/components/table.js';
import { Layout, PageHeading, type Crumb } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { ActionButton, CsrfField, ErrorSummary, SubmitButton, TextField, type FormState } from '../../views/components/forms.js';
import { Time } from '../../views/components/time.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { describeUserAgent } from '../../lib/user-agent.js';
import type { MeResponse } from '../accounts/accounts.present.js';

function crumbs(ctx: ViewContext, current?: MessageKey): Crumb[] {
  const list: Crumb[] = [{ label: ctx.t('nav.home'), href: '/' }, { label: ctx.t('nav.account'), href: current ? '/konto' : undefined }];
  if (current) list.push({ label: ctx.t(current) });
  return list;
}

const verificationKeys = {
  unconfirmed: 'konto.state.unconfirmed',
  pending: 'konto.state.pending',
  declined: 'konto.state.declined',
  verified: 'konto.state.verified',
  none: 'konto.state.none',
} as const satisfies Record<MeResponse['verification']['state'], MessageKey>;

export function AccountPage({ ctx, me, form }: { ctx: ViewContext; me: MeResponse; form: FormState }) {
  const { t } = ctx;
  const rows: [MessageKey, string][] = [
    ['account.field.name', me.name],
    ['account.field.email', me.email],
    ['konto.role', t(`role.${me.role}`)],
    ['account.field.organisation', me.organisation?.name ?? me.organisationOther ?? '–'],
    ['konto.verification', t(verificationKeys[me.verification.state])],
  ];
  return (
    <Layout ctx={ctx} title={t('nav.account')} crumbs={crumbs(ctx)}>
      <PageHeading title={t('nav.account')} />
      <Facts ctx={ctx} items={rows} />
      <section class="kp-section" aria-labelledby="name-title">
        <h2 class="kern-heading-medium" id="name-title">{t('konto.nameTitle')}</h2>
        <ErrorSummary ctx={ctx} form={form} labels={{ name: 'account.field.name' }} />
        <form method="post" action="/konto" class="kp-form" novalidate>
          <CsrfField ctx={ctx} />
          <TextField ctx={ctx} form={form} name="name" label="account.field.name" autocomplete="name" maxLength={120} required />
          <div class="kern-btn-wrapper">
            <SubmitButton ctx={ctx} label="form.save" />
          </div>
        </form>
      </section>
      <section class="kp-section" aria-labelledby="security-title">
        <h2 class="kern-heading-medium" id="security-title">{t('konto.securityTitle')}</h2>
        <ul class="kern-list">
          <li><a class="kern-link" href="/konto/passwort">{t('konto.passwordTitle')}</a></li>
          <li><a class="kern-link" href="/konto/email">{t('konto.emailTitle')}</a></li>
          <li><a class="kern-link" href="/konto/sitzungen">{t('sessions.title')}</a></li>
          <li><a class="kern-link" href="/konto/zugangstoken">{t('tokens.title')}</a></li>
          <li><a class="kern-link" href="/konto/benachrichtigungen">{t('notificationsUi.settings.title')}</a></li>
        </ul>
      </section>
    </Layout>
  );
}

export function PasswordPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('konto.passwordTitle')} crumbs={crumbs(ctx, 'konto.passwordTitle')}>
      <PageHeading title={t('konto.passwordTitle')} lead={t('konto.passwordLead')} />
      <ErrorSummary ctx={ctx} form={form} labels={{ currentPassword: 'account.field.currentPassword', password: 'account.field.newPassword' }} />
      <form method="post" action="/konto/passwort" class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="currentPassword" type="password" label="account.field.currentPassword" autocomplete="current-password" maxLength={200} required />
        <TextField ctx={ctx} form={form} name="password" type="password" label="account.field.newPassword" hint="account.passwordHint" autocomplete="new-password" maxLength={200} required />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="konto.passwordSubmit" />
        </div>
      </form>
    </Layout>
  );
}

export function EmailPage({ ctx, form, current }: { ctx: ViewContext; form: FormState; current: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('konto.emailTitle')} crumbs={crumbs(ctx, 'konto.emailTitle')}>
      <PageHeading title={t('konto.emailTitle')} lead={t('konto.emailLead', { email: current })} />
      <ErrorSummary ctx={ctx} form={form} labels={{ currentPassword: 'account.field.currentPassword', email: 'konto.newEmail' }} />
      <form method="post" action="/konto/email" class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="email" type="email" label="konto.newEmail" autocomplete="email" maxLength={254} required />
        <TextField ctx={ctx} form={form} name="currentPassword" type="password" label="account.field.currentPassword" autocomplete="current-password" maxLength={200} required />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="konto.emailSubmit" />
        </div>
      </form>
    </Layout>
  );
}

export interface SessionRow {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

export function SessionsPage({ ctx, sessions }: { ctx: ViewContext; sessions: SessionRow[] }) {
  const { t } = ctx;
  const others = sessions.filter((s) => !s.current).length;
  return (
    <Layout ctx={ctx} title={t('sessions.title')} crumbs={crumbs(ctx, 'sessions.title')}>
      <PageHeading title={t('sessions.title')} lead={t('sessions.lead')} />
      <p class="kern-body">{t('sessions.count', { count: sessions.length })}</p>
      <TableWrap label={t('sessions.title')}>
        <table class="kern-table">
          <caption class="kern-sr-only">{t('sessions.title')}</caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th class="kern-table__cell" scope="col">{t('sessions.device')}</th>
              <th class="kern-table__cell" scope="col">{t('sessions.ip')}</th>
              <th class="kern-table__cell" scope="col">{t('sessions.signedInAt')}</th>
              <th class="kern-table__cell" scope="col">{t('sessions.lastSeen')}</th>
              <th class="kern-table__cell" scope="col">{t('sessions.action')}</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {sessions.map((s) => (
              <tr class="kern-table__row" key={s.id}>
                <td class="kern-table__cell">{describeUserAgent(s.userAgent)}</td>
                <td class="kern-table__cell">{s.ip ?? '–'}</td>
                <td class="kern-table__cell"><Time ctx={ctx} value={s.createdAt} /></td>
                <td class="kern-table__cell"><Time ctx={ctx} value={s.lastSeenAt} /></td>
                <td class="kern-table__cell">
                  {s.current ? (
                    <span class="kern-badge kern-badge--info">
                      <span class="kern-icon kern-icon--info kern-icon--small" aria-hidden="true"></span>
                      <span class="kern-label kern-label--small">{t('sessions.current')}</span>
                    </span>
                  ) : (
                    <ActionButton ctx={ctx} action={`/konto/sitzungen/${s.id}/beenden`} label="sessions.end" />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {others > 0 ? (
        <div class="kp-section">
          <ActionButton ctx={ctx} action="/konto/sitzungen/andere-beenden" label="sessions.endOthers" variant="primary" />
        </div>
      ) : null}
    </Layout>
  );
}

export interface TokenRow {
  id: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
}

export function TokensPage({ ctx, tokens, form, created }: { ctx: ViewContext; tokens: TokenRow[]; form: FormState; created?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('tokens.title')} crumbs={crumbs(ctx, 'tokens.title')}>
      <PageHeading title={t('tokens.title')} lead={t('tokens.lead')} />
      {created ? (
        <Alert kind="success" title={t('tokens.createdTitle')}>
          <p class="kern-body">{t('tokens.createdBody')}</p>
          <p class="kp-token" id="new-token">{created}</p>
        </Alert>
      ) : null}
      {tokens.length === 0 ? (
        <p class="kern-body">{t('tokens.empty')}</p>
      ) : (
        <TableWrap label={t('tokens.title')}>
          <table class="kern-table">
            <caption class="kern-sr-only">{t('tokens.title')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th class="kern-table__cell" scope="col">{t('tokens.name')}</th>
                <th class="kern-table__cell" scope="col">{t('tokens.scopes')}</th>
                <th class="kern-table__cell" scope="col">{t('tokens.createdAt')}</th>
                <th class="kern-table__cell" scope="col">{t('tokens.lastUsed')}</th>
                <th class="kern-table__cell" scope="col">{t('sessions.action')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {tokens.map((token) => (
                <tr class="kern-table__row" key={token.id}>
                  <td class="kern-table__cell">{token.name}</td>
                  <td class="kern-table__cell">{token.scopes.map((s) => t(s === 'write' ? 'tokens.scope.write' : 'tokens.scope.read')).join(', ')}</td>
                  <td class="kern-table__cell"><Time ctx={ctx} value={token.createdAt} /></td>
                  <td class="kern-table__cell">{token.lastUsedAt ? <Time ctx={ctx} value={token.lastUsedAt} /> : t('tokens.never')}</td>
                  <td class="kern-table__cell">
                    <ActionButton ctx={ctx} action={`/konto/zugangstoken/${token.id}/widerrufen`} label="tokens.revoke" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <section class="kp-section" aria-labelledby="new-token-title">
        <h2 class="kern-heading-medium" id="new-token-title">{t('tokens.newTitle')}</h2>
        <ErrorSummary ctx={ctx} form={form} labels={{ name: 'tokens.name', scopes: 'tokens.scopes' }} />
        <form method="post" action="/konto/zugangstoken" class="kp-form" novalidate>
          <CsrfField ctx={ctx} />
          <TextField ctx={ctx} form={form} name="name" label="tokens.name" hint="tokens.nameHint" maxLength={80} required />
          <fieldset class={`kern-fieldset${form.errors.scopes ? ' kern-fieldset--error' : ''}`} aria-describedby={form.errors.scopes ? 'f-scopes-error' : undefined}>
            <legend class="kern-label">{t('tokens.scopes')}</legend>
            {form.errors.scopes ? (
              <p class="kern-error" id="f-scopes-error">
                <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                <span>{t(form.errors.scopes.key)}</span>
              </p>
            ) : null}
            <div class="kern-fieldset__body" id="f-scopes">
              <ScopeBox ctx={ctx} form={form} value="read" label="tokens.scope.read" />
              <ScopeBox ctx={ctx} form={form} value="write" label="tokens.scope.write" />
            </div>
          </fieldset>
          <div class="kern-btn-wrapper">
            <SubmitButton ctx={ctx} label="tokens.create" />
          </div>
        </form>
      </section>
    </Layout>
  );
}

function ScopeBox({ ctx, form, value, label }: { ctx: ViewContext; form: FormState; value: string; label: MessageKey }) {
  const chosen = form.values.scopes;
  const checked = Array.isArray(chosen) ? chosen.includes(value) : value === 'read' && chosen === undefined;
  return (
    <div class="kern-form-check">
      <input class="kern-form-check__checkbox" type="checkbox" id={`f-scope-${value}`} name="scopes" value={value} checked={checked} />
      <label class="kern-label" for={`f-scope-${value}`}>
        {ctx.t(label)}
      </label>
    </div>
  );
}

