/** People and roles: search, and one person with role change and suspension. */
import type { ViewContext } from '../../views/context.js';
import { Facts } from '../../views/components/facts.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { ActionButton, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField, type FormState } from '../../views/components/forms.js';
import { Time } from '../../views/components/time.js';
import type { MessageKey } from '../../views/i18n/index.js';
import type { Role } from '../../db/schema.js';
import { Pager, countText, withQuery } from '../../views/components/list.js';
import { officeCrumbs } from './office.views.js';

interface StatusFacts {
  suspendedAt: Date | null;
  emailConfirmedAt: Date | null;
  reviewStatus: 'pending' | 'declined' | null;
}

/** One status word with an icon: told by text and icon, never by colour alone. */
function StatusBadge({ ctx, user }: { ctx: ViewContext; user: StatusFacts }) {
  const [kind, icon, key]: [string, string, MessageKey] = user.suspendedAt
    ? ['danger', 'danger', 'office.users.status.suspended']
    : !user.emailConfirmedAt
      ? ['warning', 'warning', 'office.users.status.unconfirmed']
      : user.reviewStatus === 'pending'
        ? ['info', 'info', 'office.users.status.pending']
        : user.reviewStatus === 'declined'
          ? ['warning', 'warning', 'office.users.status.declined']
          : ['success', 'success', 'office.users.status.active'];
  return (
    <span class={`kern-badge kern-badge--${kind}`}>
      <span class={`kern-icon kern-icon--${icon} kern-icon--small`} aria-hidden="true"></span>
      <span class="kern-label kern-label--small">{ctx.t(key)}</span>
    </span>
  );
}

export interface UserRow extends StatusFacts {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationName: string | null;
}

export function UsersPage({ ctx, q, offset, page }: { ctx: ViewContext; q: string; offset: number; page: { items: UserRow[]; total: number; limit: number } }) {
  const { t } = ctx;
  const form: FormState = { values: { q }, errors: {} };
  return (
    <Layout ctx={ctx} title={t('office.users.title')} crumbs={officeCrumbs(ctx, [{ label: t('office.users.title') }])}>
      <PageHeading title={t('office.users.title')} lead={t('office.users.lead')} />
      <form method="get" action="/geschaeftsstelle/nutzer" class="kp-filters" role="search" aria-label={t('office.users.title')}>
        <TextField ctx={ctx} form={form} name="q" type="search" label="office.users.search" maxLength={100} />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="office.users.searchSubmit" />
        </div>
      </form>
      <p class="kern-body kern-body--bold">{countText(ctx, page.total, { one: 'office.users.count.one', other: 'office.users.count.other' })}</p>
      {page.items.length === 0 ? (
        <p class="kern-body">{t('office.users.empty')}</p>
      ) : (
        <div class="kp-table-wrap" role="region" aria-label={t('office.users.title')} tabindex={0}>
          <table class="kern-table">
            <caption class="kern-sr-only">{t('office.users.title')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th class="kern-table__cell" scope="col">{t('account.field.name')}</th>
                <th class="kern-table__cell" scope="col">{t('account.field.email')}</th>
                <th class="kern-table__cell" scope="col">{t('office.users.role')}</th>
                <th class="kern-table__cell" scope="col">{t('account.field.organisation')}</th>
                <th class="kern-table__cell" scope="col">{t('office.users.status')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {page.items.map((u) => (
                <tr class="kern-table__row" key={u.id}>
                  <th class="kern-table__cell" scope="row">
                    <a class="kern-link" href={`/geschaeftsstelle/nutzer/${u.id}`}>
                      {u.name}
                    </a>
                  </th>
                  <td class="kern-table__cell">{u.email}</td>
                  <td class="kern-table__cell">{t(`role.${u.role}`)}</td>
                  <td class="kern-table__cell">{u.organisationName ?? '–'}</td>
                  <td class="kern-table__cell">
                    <StatusBadge ctx={ctx} user={u} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager ctx={ctx} offset={offset} limit={page.limit} total={page.total} shown={page.items.length} href={(o) => withQuery('/geschaeftsstelle/nutzer', { q, offset: o })} />
    </Layout>
  );
}

export interface UserDetail extends UserRow {
  organisationOther: string | null;
  verifiedVia: 'domain' | 'review' | 'invitation' | 'seed' | null;
  verifiedAt: Date | null;
  createdAt: Date;
}

export interface UserActions {
  /** Roles this viewer may give the person; empty when they may change nothing. */
  roles: Role[];
  canSuspend: boolean;
  self: boolean;
}

export function UserPage({ ctx, user, actions, form }: { ctx: ViewContext; user: UserDetail; actions: UserActions; form: FormState }) {
  const { t } = ctx;
  const base = `/geschaeftsstelle/nutzer/${user.id}`;
  const facts: [MessageKey, preact.ComponentChildren][] = [
    ['account.field.email', user.email],
    ['office.users.role', t(`role.${user.role}`)],
    ['account.field.organisation', user.organisationName ?? user.organisationOther ?? '–'],
    ['office.users.status', <StatusBadge ctx={ctx} user={user} />],
    ['office.users.verification', user.verifiedAt && user.verifiedVia ? <><Time ctx={ctx} value={user.verifiedAt} />{`, ${t(`office.users.via.${user.verifiedVia}`)}`}</> : t('office.users.notVerified')],
    ['office.users.registeredAt', <Time ctx={ctx} value={user.createdAt} />],
  ];
  if (user.suspendedAt) facts.push(['office.users.suspendedSince', <Time ctx={ctx} value={user.suspendedAt} />]);
  const cannot = actions.self ? t('office.users.ownRole') : t('office.users.onlyAdmin');
  return (
    <Layout ctx={ctx} title={user.name} crumbs={officeCrumbs(ctx, [{ label: t('office.users.title'), href: '/geschaeftsstelle/nutzer' }, { label: user.name }])}>
      <PageHeading title={user.name} />
      <Facts ctx={ctx} items={facts} />
      <section class="kp-section" aria-labelledby="role-title">
        <h2 class="kern-heading-medium" id="role-title">{t('office.users.roleTitle')}</h2>
        {actions.roles.length === 0 && Object.keys(form.errors).length === 0 ? (
          <p class="kern-body">{cannot}</p>
        ) : (
          <>
            <ErrorSummary ctx={ctx} form={form} labels={{ role: 'office.users.newRole' }} />
            <form method="post" action={`${base}/rolle`} class="kp-form" novalidate>
              <CsrfField ctx={ctx} />
              <SelectField
                ctx={ctx}
                form={form}
                name="role"
                label="office.users.newRole"
                hint="office.users.roleHint"
                placeholder="org.office.choose"
                options={actions.roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                required
              />
              <div class="kern-btn-wrapper">
                <SubmitButton ctx={ctx} label="office.users.roleSubmit" />
              </div>
            </form>
          </>
        )}
      </section>
      <section class="kp-section" aria-labelledby="suspend-title">
        <h2 class="kern-heading-medium" id="suspend-title">{t('office.users.suspendTitle')}</h2>
        {actions.canSuspend ? (
          <>
            <p class="kern-body">{t('office.users.suspendLead')}</p>
            {user.suspendedAt ? (
              <ActionButton ctx={ctx} action={`${base}/entsperren`} label="office.users.unsuspend" variant="primary" />
            ) : (
              <ActionButton ctx={ctx} action={`${base}/sperren`} label="office.users.suspend" />
            )}
          </>
        ) : (
          <p class="kern-body">{cannot}</p>
        )}
      </section>
    </Layout>
  );
}
