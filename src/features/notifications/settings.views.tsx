/** The mail settings page and the unsubscribe pages. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { CsrfField, fieldId, SubmitButton, type FormState } from '../../views/components/forms.js';
import type { MessageKey } from '../../views/i18n/index.js';
import type { CommunityDelivery, Delivery, NotificationKind } from '../../db/schema.js';
import { COMMUNITY_DELIVERIES, DEFAULT_DELIVERY, DELIVERIES, NOTIFICATION_KINDS } from './kinds.js';
import type { CommunitySetting } from './settings.service.js';

export const kindField = (kind: NotificationKind) => `kind-${kind}`;
export const communityField = (slug: string) => `community-${slug}`;
/** The value of "as my setting for community activity" in the form. */
export const DEFAULT_VALUE = 'default';

export const deliveryLabel = (ctx: ViewContext, delivery: CommunityDelivery): string => ctx.t(`notificationSettings.delivery.${delivery}` as MessageKey);

function valueOf(form: FormState, name: string): string {
  const v = form.values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

function DeliverySelect({ ctx, form, name, label, hint, options }: { ctx: ViewContext; form: FormState; name: string; label: string; hint?: string; options: { value: string; label: string }[] }) {
  const error = form.errors[name];
  const selected = valueOf(form, name);
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {label}
      </label>
      {hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="kern-error" id={`${id}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
          <span>{ctx.t(error.key, error.params)}</span>
        </p>
      ) : null}
      <div class="kern-form-input__select-wrapper">
        <select
          class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          id={id}
          name={name}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === selected}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function SettingsPage({ ctx, form, communities, activity }: { ctx: ViewContext; form: FormState; communities: CommunitySetting[]; activity: Delivery }) {
  const { t } = ctx;
  const title = t('notificationsUi.settings.title');
  const labels = new Map<string, string>([
    ...NOTIFICATION_KINDS.map((k) => [kindField(k), t(`notificationSettings.kind.${k}`)] as [string, string]),
    ...communities.map((c) => [communityField(c.slug), c.name] as [string, string]),
  ]);
  const errors = Object.entries(form.errors);
  const kindOptions = DELIVERIES.map((d) => ({ value: d, label: deliveryLabel(ctx, d) }));
  const communityOptions = [
    { value: DEFAULT_VALUE, label: t('notificationSettings.delivery.default', { delivery: deliveryLabel(ctx, activity) }) },
    ...COMMUNITY_DELIVERIES.map((d) => ({ value: d, label: deliveryLabel(ctx, d) })),
  ];
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('nav.account'), href: '/konto' }, { label: title }]}>
      <PageHeading title={title} lead={t('notificationsUi.settings.lead')} />
      {errors.length > 0 ? (
        <div class="kern-alert kern-alert--danger kp-error-summary" role="alert" tabindex={-1} id="error-summary">
          <div class="kern-alert__header">
            <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
            <span class="kern-title">{t('form.summaryTitle')}</span>
          </div>
          <div class="kern-alert__body">
            <ul class="kern-list">
              {errors.map(([name, error]) => (
                <li key={name}>
                  <a class="kern-link" href={`#${fieldId(name)}`}>
                    {labels.get(name) ? `${labels.get(name)}: ` : ''}
                    {t(error.key, error.params)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <form method="post" action="/konto/benachrichtigungen" class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="notificationsUi.settings.save" />
        </div>
        <section aria-labelledby="kinds-title">
          <h2 class="kern-heading-medium" id="kinds-title">
            {t('notificationsUi.settings.kinds')}
          </h2>
          <div class="kp-form">
            {NOTIFICATION_KINDS.map((kind) => (
              <DeliverySelect
                key={kind}
                ctx={ctx}
                form={form}
                name={kindField(kind)}
                label={t(`notificationSettings.kind.${kind}`)}
                hint={t('notificationsUi.settings.defaultNote', { delivery: deliveryLabel(ctx, DEFAULT_DELIVERY[kind]) })}
                options={kindOptions}
              />
            ))}
          </div>
        </section>
        <section aria-labelledby="communities-title">
          <h2 class="kern-heading-medium" id="communities-title">
            {t('notificationsUi.settings.communities')}
          </h2>
          <p class="kern-body">{t('notificationsUi.settings.communitiesHint')}</p>
          {communities.length === 0 ? (
            <p class="kern-body">{t('notificationsUi.settings.noCommunities')}</p>
          ) : (
            <div class="kp-form">
              {communities.map((c) => (
                <div key={c.id} id={`community-${c.slug}`}>
                  <DeliverySelect ctx={ctx} form={form} name={communityField(c.slug)} label={c.name} options={communityOptions} />
                </div>
              ))}
            </div>
          )}
        </section>
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="notificationsUi.settings.save" />
        </div>
      </form>
    </Layout>
  );
}

export type UnsubscribeSubject = { kind: NotificationKind } | { community: string } | { digest: true };

function question(ctx: ViewContext, subject: UnsubscribeSubject): string {
  if ('kind' in subject) return ctx.t('unsubscribe.confirm.kind', { setting: ctx.t(`notificationSettings.kind.${subject.kind}`) });
  if ('community' in subject) return ctx.t('unsubscribe.confirm.community', { community: subject.community });
  return ctx.t('unsubscribe.confirm.digest');
}

/** The confirmation page of an unsubscribe link (a GET changes nothing), or its invalid state. */
export function UnsubscribePage({ ctx, subject, action }: { ctx: ViewContext; subject: UnsubscribeSubject | null; action: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('unsubscribe.title')}>
      <PageHeading title={t('unsubscribe.title')} />
      {subject ? (
        <form method="post" action={action} class="kp-form">
          <p class="kern-body kern-body--large">{question(ctx, subject)}</p>
          <div class="kern-btn-wrapper">
            <SubmitButton ctx={ctx} label="unsubscribe.button" />
          </div>
        </form>
      ) : (
        <Alert kind="warning" title={t('unsubscribe.invalid')} />
      )}
      <p class="kern-body">
        <a class="kern-link" href="/konto/benachrichtigungen">
          {t('unsubscribe.settings')}
        </a>
      </p>
    </Layout>
  );
}

export function UnsubscribedPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notificationsUi.unsubscribe.doneTitle')}>
      <PageHeading title={t('notificationsUi.unsubscribe.doneTitle')} />
      <Alert kind="success" title={t('unsubscribe.done')} />
      <p class="kern-body">
        <a class="kern-link" href="/konto/benachrichtigungen">
          {t('unsubscribe.settings')}
        </a>
      </p>
    </Layout>
  );
}
