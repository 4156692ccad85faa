/** The member directory and a member's profile. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Avatar } from '../../views/components/avatar.js';
import { Alert } from '../../views/components/alert.js';
import { ActionButton, SelectField, SubmitButton, TextField, type FormState } from '../../views/components/forms.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { levelOptions, Pager, stateOptions, withQuery } from '../../views/components/list.js';
import type { getMemberProfile, listMembers } from './members.repo.js';
import { CommunityLinks, type CommunityLink } from '../communities/community-links.views.js';

type MemberRow = Awaited<ReturnType<typeof listMembers>>['items'][number];
type Profile = NonNullable<Awaited<ReturnType<typeof getMemberProfile>>>;

export function levelAndState(ctx: ViewContext, level: string | null, state: string | null): string {
  return [level ? ctx.t(`level.${level}` as MessageKey) : '', state ? ctx.t(`state.${state}` as MessageKey) : ''].filter(Boolean).join(' · ');
}

export function PartnerBadge({ ctx }: { ctx: ViewContext }) {
  return (
    <span class="kern-badge kern-badge--warning">
      <span class="kern-icon kern-icon--info kern-icon--small" aria-hidden="true"></span>
      <span class="kern-label kern-label--small">{ctx.t('role.partner')}</span>
    </span>
  );
}


export interface PersonCardData {
  id: string;
  name: string;
  partner: boolean;
  position: string | null;
  organisationName: string | null;
  level: string | null;
  state: string | null;
}

/**
 * A person in a result list: avatar, name, partner mark, position, level first, organisation.
 * The name is an h2; `level` 3 where the cards sit in a section with an h2 of its own.
 */
export function PersonCard({ ctx, p, level = 2, children }: { ctx: ViewContext; p: PersonCardData; level?: 2 | 3; children?: ComponentChildren }) {
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <div class="kp-person">
      <Avatar id={p.id} name={p.name} />
      <div>
        <Heading class="kern-heading-small">
          <a class="kern-link" href={`/mitglieder/${p.id}`}>
            {p.name}
          </a>{' '}
          {p.partner ? <PartnerBadge ctx={ctx} /> : null}
        </Heading>
        {p.position ? <p class="kern-body">{p.position}</p> : null}
        <p class="kern-body kern-body--small">
          <strong>{levelAndState(ctx, p.level, p.state) || '–'}</strong>
          {p.organisationName ? ` – ${p.organisationName}` : ''}
        </p>
        {children}
      </div>
    </div>
  );
}

export function MemberSummary({ ctx, m }: { ctx: ViewContext; m: MemberRow }) {
  return (
    <PersonCard ctx={ctx} p={{ ...m, partner: m.role === 'partner' }}>
      {m.expertise && m.expertise.length > 0 ? (
        <ul class="kp-tags" aria-label={ctx.t('profile.expertise')}>
          {m.expertise.map((tag) => (
            <li class="kp-tag" key={tag}>
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
    </PersonCard>
  );
}

export function DirectoryPage({ ctx, filter, result, offset }: { ctx: ViewContext; filter: FormState; result: Awaited<ReturnType<typeof listMembers>>; offset: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('members.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('members.title') }]}>
      <PageHeading title={t('members.title')} lead={t('members.lead')} />
      <form method="get" action="/mitglieder" class="kp-filters" role="search" aria-label={t('members.filterLabel')}>
        <TextField ctx={ctx} form={filter} name="q" type="search" label="members.q" maxLength={100} markOptional={false} />
        <TextField ctx={ctx} form={filter} name="topic" label="members.topic" maxLength={60} markOptional={false} />
        <SelectField ctx={ctx} form={filter} name="level" label="members.level" placeholder="members.any" options={levelOptions(ctx)} markOptional={false} />
        <SelectField ctx={ctx} form={filter} name="state" label="members.state" placeholder="members.any" options={stateOptions(ctx)} markOptional={false} />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="members.search" />
        </div>
      </form>
      <p class="kern-body" role="status">{t('members.count', { count: ctx.fmt.number(result.total) })}</p>
      {result.items.length === 0 ? (
        <Alert kind="info" title={t('members.emptyTitle')}>
          <p class="kern-body">{t('members.emptyBody')}</p>
        </Alert>
      ) : (
        <ul class="kp-result-list">
          {result.items.map((m) => (
            <li class="kp-result" key={m.id}>
              <MemberSummary ctx={ctx} m={m} />
            </li>
          ))}
        </ul>
      )}
      <Pager ctx={ctx} offset={offset} limit={result.limit} total={result.total} shown={result.items.length} href={(o) => withQuery('/mitglieder', { ...(filter.values as Record<string, string>), offset: o })} />
    </Layout>
  );
}

export function ProfilePage({ ctx, p, bioHtml, own, missing, canConfirm, communities, canMessage = false }: { ctx: ViewContext; p: Profile; bioHtml: string | null; own: boolean; missing: MessageKey[]; canConfirm: boolean; communities: CommunityLink[]; canMessage?: boolean }) {
  const { t } = ctx;
  const expertise = p.tags.filter((tag) => tag.kind === 'expertise');
  const ask = p.tags.filter((tag) => tag.kind === 'ask');
  return (
    <Layout ctx={ctx} title={p.name} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('members.title'), href: '/mitglieder' }, { label: p.name }]}>
      <div class="kp-person kp-page-heading">
        <Avatar id={p.id} name={p.name} size="large" />
        <div>
          <h1 class="kern-heading-large">{p.name}</h1>
          {p.role === 'partner' ? <PartnerBadge ctx={ctx} /> : null}
          {p.position ? <p class="kern-body kern-body--large">{p.position}</p> : null}
          <p class="kern-body">
            {p.organisationId ? (
              <a class="kern-link" href={`/organisationen/${p.organisationId}`}>
                {p.organisationName}
              </a>
            ) : (
              (p.organisationOther ?? '')
            )}
            {p.level ? ` – ${levelAndState(ctx, p.level, p.state)}` : ''}
          </p>
        </div>
      </div>
      {own ? (
        <>
          {missing.length > 0 ? (
            <Alert kind="info" title={t('profile.completeTitle')}>
              <ul class="kern-list">
                {missing.map((key) => (
                  <li key={key}>{t(key)}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <p class="kern-body">
            <a class="kern-btn kern-btn--secondary" href="/konto/profil">
              <span class="kern-icon kern-icon--edit" aria-hidden="true"></span>
              <span class="kern-label">{t('profile.edit')}</span>
            </a>
          </p>
        </>
      ) : null}
      {canMessage ? (
        <p class="kern-body">
          <a class="kern-btn kern-btn--secondary" href={`/nachrichten/neu?an=${p.id}`}>
            <span class="kern-label">{t('messages.write')}</span>
          </a>
        </p>
      ) : null}
      {bioHtml ? (
        <section class="kp-section kp-prose" aria-labelledby="bio-title">
          <h2 class="kern-heading-medium" id="bio-title">{t('profile.bio')}</h2>
          <div class="kern-body" dangerouslySetInnerHTML={{ __html: bioHtml }} />
        </section>
      ) : null}
      {expertise.length > 0 ? (
        <section class="kp-section" aria-labelledby="expertise-title">
          <h2 class="kern-heading-medium" id="expertise-title">{t('profile.expertise')}</h2>
          <ul class="kp-result-list">
            {expertise.map((tag) => (
              <li key={tag.id} class="kp-actions">
                <a class="kern-link" href={`/wer-weiss-was?q=${encodeURIComponent(tag.label)}`}>
                  {tag.label}
                </a>
                <span class="kern-body kern-body--small">{t('profile.confirmations', { count: tag.confirmations ?? 0 })}</span>
                {canConfirm ? (
                  tag.confirmedByViewer ? (
                    <ActionButton ctx={ctx} action={`/mitglieder/${p.id}/expertise/${tag.slug}/zuruecknehmen`} label="profile.withdraw" variant="tertiary" />
                  ) : (
                    <ActionButton ctx={ctx} action={`/mitglieder/${p.id}/expertise/${tag.slug}/bestaetigen`} label="profile.confirm" variant="tertiary" />
                  )
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {ask.length > 0 ? (
        <section class="kp-section" aria-labelledby="ask-title">
          <h2 class="kern-heading-medium" id="ask-title">{t('profile.ask')}</h2>
          <ul class="kp-tags">
            {ask.map((tag) => (
              <li class="kp-tag" key={tag.id}>
                {tag.label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.phone || p.contactOther || (p.languages && p.languages.length > 0) ? (
        <section class="kp-section" aria-labelledby="contact-title">
          <h2 class="kern-heading-medium" id="contact-title">{t('profile.contact')}</h2>
          <dl class="kern-description-list">
            {p.phone ? (
              <div class="kern-description-list-item">
                <dt class="kern-description-list-item__key">{t('profile.phone')}</dt>
                <dd class="kern-description-list-item__value">{p.phone}</dd>
              </div>
            ) : null}
            {p.contactOther ? (
              <div class="kern-description-list-item">
                <dt class="kern-description-list-item__key">{t('profile.contactOther')}</dt>
                <dd class="kern-description-list-item__value">{p.contactOther}</dd>
              </div>
            ) : null}
            {p.languages && p.languages.length > 0 ? (
              <div class="kern-description-list-item">
                <dt class="kern-description-list-item__key">{t('profile.languages')}</dt>
                <dd class="kern-description-list-item__value">{p.languages.map((l) => t(`language.${l}` as MessageKey)).join(', ')}</dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}
      <CommunityLinks ctx={ctx} title="community.ofPerson" items={communities} />
    </Layout>
  );
}
