/** The list of communities, a community's page and its members page. */
import { EventWhen } from '../events/events.views.js';
import type { EventRow } from '../events/events.repo.js';
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { ActionButton, CsrfField, ErrorSummary, SubmitButton, TextArea, TextField, type FormState } from '../../views/components/forms.js';
import { CursorPager, withQuery } from '../../views/components/list.js';
import type { MessageKey } from '../../views/i18n/index.js';
import type { CommunityDelivery } from '../../db/schema.js';
import { PersonCard } from '../members/members.views.js';
import type { CommunityRow, listCommunities, listCommunityMembers, previewMembers } from './communities.repo.js';
import type { listPosts } from './posts.repo.js';
import { PostList } from './post-list.views.js';

type CommunityList = Awaited<ReturnType<typeof listCommunities>>;
type Members = Awaited<ReturnType<typeof listCommunityMembers>>;
type Posts = Awaited<ReturnType<typeof listPosts>>;

export function VisibilityBadge({ ctx, visibility }: { ctx: ViewContext; visibility: 'open' | 'request' | 'hidden' }) {
  const icon = { open: 'success', request: 'info', hidden: 'visibility-off' }[visibility];
  const badge = { open: 'success', request: 'info', hidden: 'warning' }[visibility];
  return (
    <span class={`kern-badge kern-badge--${badge}`}>
      <span class={`kern-icon kern-icon--${icon} kern-icon--small`} aria-hidden="true"></span>
      <span class="kern-label kern-label--small">{ctx.t(`community.visibility.${visibility}` as MessageKey)}</span>
    </span>
  );
}

/** The Chatham House Rule, told on every page of a community that applies it. */
export function ChathamNotice({ ctx, applies }: { ctx: ViewContext; applies: boolean }) {
  if (!applies) return null;
  return (
    <Alert kind="info" title={ctx.t('community.chatham.title')}>
      <p class="kern-body">{ctx.t('community.chatham.body')}</p>
    </Alert>
  );
}

function Topics({ ctx, topics }: { ctx: ViewContext; topics: string[] }) {
  if (topics.length === 0) return null;
  return (
    <ul class="kp-tags" aria-label={ctx.t('community.topics')}>
      {topics.map((topic) => (
        <li class="kp-tag" key={topic}>
          {topic}
        </li>
      ))}
    </ul>
  );
}

function MembershipNote({ ctx, status, role }: { ctx: ViewContext; status: string | null; role: string | null }) {
  if (!status) return null;
  const key: MessageKey = status === 'active' ? (role === 'lead' ? 'community.you.lead' : 'community.you.member') : status === 'requested' ? 'community.you.requested' : 'community.you.invited';
  return <span class="kern-body kern-body--small kp-muted">{ctx.t(key)}</span>;
}

export function CommunityListPage({ ctx, filter, result, canPropose }: { ctx: ViewContext; filter: FormState; result: CommunityList; canPropose: boolean }) {
  const { t } = ctx;
  const values = filter.values as Record<string, string>;
  return (
    <Layout ctx={ctx} title={t('community.list.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('community.list.title') }]}>
      <PageHeading title={t('community.list.title')} lead={t('community.list.lead')} />
      <form method="get" action="/communities" class="kp-filters" role="search" aria-label={t('community.list.filter')}>
        <TextField ctx={ctx} form={filter} name="q" type="search" label="community.list.q" maxLength={100} markOptional={false} />
        <TextField ctx={ctx} form={filter} name="topic" label="community.list.topic" maxLength={60} markOptional={false} />
        <div class="kern-form-check">
          <input class="kern-form-check__checkbox" type="checkbox" id="f-mine" name="mine" value="1" checked={values.mine === '1'} />
          <label class="kern-label" for="f-mine">
            {t('community.list.mine')}
          </label>
        </div>
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="community.list.search" />
        </div>
      </form>
      <p class="kern-body" role="status">
        {t('community.list.count', { count: ctx.fmt.number(result.total) })}
      </p>
      {result.items.length === 0 ? (
        <Alert kind="info" title={t('community.list.emptyTitle')}>
          <p class="kern-body">{t('community.list.emptyBody')}</p>
        </Alert>
      ) : (
        <ul class="kp-result-list">
          {result.items.map((c) => (
            <li class="kp-result" key={c.id}>
              <h2 class="kern-heading-small">
                <a class="kern-link" href={`/communities/${c.slug}`}>
                  {c.name}
                </a>{' '}
                <VisibilityBadge ctx={ctx} visibility={c.visibility} />
              </h2>
              {c.description ? <p class="kern-body">{c.description}</p> : null}
              <Topics ctx={ctx} topics={c.topics} />
              <p class="kern-body kern-body--small">
                {t('community.memberCount', { count: ctx.fmt.number(c.memberCount) })} <MembershipNote ctx={ctx} status={c.myStatus} role={c.myRole} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <CursorPager ctx={ctx} next={result.nextCursor ? withQuery('/communities', { ...values, nach: result.nextCursor }) : null} />
      {canPropose ? (
        <p class="kern-body">
          <a class="kern-link" href="/communities/vorschlagen">
            {t('community.list.propose')}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

export interface CommunityPageData {
  community: CommunityRow;
  leads: CommunityRow['leads'];
  readable: boolean;
  pinned: Posts['items'];
  latest: Posts;
  openQuestions: Posts;
  members: Awaited<ReturnType<typeof previewMembers>> | null;
  /** The next events of the community that the viewer may see. */
  events: EventRow[];
  guidelinesHtml: string;
  join: 'join' | 'request' | 'accept' | null;
  canLeave: boolean;
  canPost: boolean;
  canModerate: boolean;
  following: boolean;
  typeFilter: string;
  moreHref: string | null;
  requestForm: FormState;
  /** For members: how mails from this community reach them (their effective setting), with a link to change it. */
  mailDelivery?: CommunityDelivery | null;
}

function CommunityActions({ ctx, d }: { ctx: ViewContext; d: CommunityPageData }) {
  const base = `/communities/${d.community.slug}`;
  return (
    <div class="kp-actions">
      {d.canPost ? (
        <a class="kern-btn kern-btn--primary" href={`${base}/neu`}>
          <span class="kern-label">{ctx.t('community.newPost')}</span>
        </a>
      ) : null}
      {d.join === 'join' ? <ActionButton ctx={ctx} action={`${base}/mitgliedschaft`} label="community.join" variant="primary" /> : null}
      {d.join === 'accept' ? <ActionButton ctx={ctx} action={`${base}/mitgliedschaft`} label="community.acceptInvitation" variant="primary" /> : null}
      {d.readable ? <ActionButton ctx={ctx} action={`${base}/folgen`} label={d.following ? 'community.unfollow' : 'community.follow'} hidden={{ follow: d.following ? 'off' : 'on' }} /> : null}
      {d.canLeave ? <ActionButton ctx={ctx} action={`${base}/austreten`} label={d.community.membership?.status === 'active' ? 'community.leave' : 'community.withdraw'} variant="tertiary" /> : null}
    </div>
  );
}

function RequestForm({ ctx, slug, form }: { ctx: ViewContext; slug: string; form: FormState }) {
  return (
    <>
      <ErrorSummary ctx={ctx} form={form} labels={{ message: 'community.requestMessage' }} />
      <form method="post" action={`/communities/${slug}/mitgliedschaft`} class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextArea ctx={ctx} form={form} name="message" label="community.requestMessage" maxLength={1000} rows={3} />
        <SubmitButton ctx={ctx} label="community.request" />
      </form>
    </>
  );
}

export function CommunityPage({ ctx, d }: { ctx: ViewContext; d: CommunityPageData }) {
  const { t } = ctx;
  const c = d.community;
  const base = `/communities/${c.slug}`;
  const types = ['', 'discussion', 'question', 'example', 'announcement'];
  return (
    <Layout ctx={ctx} title={c.name} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('community.list.title'), href: '/communities' }, { label: c.name }]}>
      <div class="kp-page-heading">
        <h1 class="kern-heading-large">{c.name}</h1>
        <p class="kern-body">
          <VisibilityBadge ctx={ctx} visibility={c.visibility} /> {t('community.memberCount', { count: ctx.fmt.number(c.memberCount) })}{' '}
          <MembershipNote ctx={ctx} status={c.myStatus} role={c.myRole} />
        </p>
        {c.description ? <p class="kern-body kern-body--large">{c.description}</p> : null}
        <Topics ctx={ctx} topics={c.topics} />
        {d.leads.length > 0 ? (
          <p class="kern-body">
            {t('community.leads')}{' '}
            {d.leads.map((l, i) => (
              <span key={l.id}>
                {i > 0 ? ', ' : ''}
                <a class="kern-link" href={`/mitglieder/${l.id}`}>
                  {l.name}
                </a>
              </span>
            ))}
          </p>
        ) : null}
      </div>
      <ChathamNotice ctx={ctx} applies={c.chathamHouse} />
      <CommunityActions ctx={ctx} d={d} />
      {d.mailDelivery ? (
        <p class="kern-body">
          {t('notificationsUi.community.mail', { delivery: t(`notificationSettings.delivery.${d.mailDelivery}`) })}
          {' · '}
          <a class="kern-link" href={`/konto/benachrichtigungen#community-${c.slug}`}>
            {t('notificationsUi.community.change')}
          </a>
        </p>
      ) : null}
      {d.join === 'request' ? <RequestForm ctx={ctx} slug={c.slug} form={d.requestForm} /> : null}
      {d.canModerate ? (
        <ul class="kern-list kp-actions">
          <li>
            <a class="kern-link" href={`${base}/mitglieder`}>{t('community.manageMembers')}</a>
          </li>
          <li>
            <a class="kern-link" href={`${base}/einstellungen`}>{t('community.settings')}</a>
          </li>
          <li>
            <a class="kern-link" href="/moderation">{t('community.reports')}</a>
          </li>
        </ul>
      ) : null}
      {!d.readable ? (
        <Alert kind="info" title={t('community.membersOnlyTitle')}>
          <p class="kern-body">{t(c.myStatus === 'requested' ? 'community.requestPending' : 'community.membersOnlyBody')}</p>
        </Alert>
      ) : (
        <>
          {d.pinned.length > 0 ? (
            <section class="kp-section" aria-labelledby="pinned">
              <h2 class="kern-heading-medium" id="pinned">{t('community.pinned')}</h2>
              <PostList ctx={ctx} items={d.pinned} showCommunity={false} />
            </section>
          ) : null}
          <section class="kp-section" aria-labelledby="latest">
            <h2 class="kern-heading-medium" id="latest">{t('community.latest')}</h2>
            <form method="get" action={base} class="kp-filters" aria-label={t('community.filterPosts')}>
              <div class="kern-form-input">
                <label class="kern-label" for="f-typ">{t('post.type')}</label>
                <div class="kern-form-input__select-wrapper">
                  <select class="kern-form-input__select" id="f-typ" name="typ">
                    {types.map((type) => (
                      <option key={type} value={type} selected={type === d.typeFilter}>
                        {type ? t(`post.type.${type}` as MessageKey) : t('post.type.all')}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div class="kern-btn-wrapper">
                <SubmitButton ctx={ctx} label="community.filterApply" variant="secondary" />
              </div>
            </form>
            <p class="kern-body" role="status">{t('post.count', { count: ctx.fmt.number(d.latest.total) })}</p>
            {d.latest.items.length === 0 ? (
              <Alert kind="info" title={t('community.emptyTitle')}>
                <p class="kern-body">{t(d.canPost ? 'community.emptyBody' : 'community.emptyBodyJoin')}</p>
              </Alert>
            ) : (
              <PostList ctx={ctx} items={d.latest.items} showCommunity={false} />
            )}
            <CursorPager ctx={ctx} next={d.moreHref} />
          </section>
          <section class="kp-section" aria-labelledby="open-questions">
            <h2 class="kern-heading-medium" id="open-questions">{t('community.openQuestions')}</h2>
            {d.openQuestions.items.length === 0 ? <p class="kern-body">{t('community.noOpenQuestions')}</p> : <PostList ctx={ctx} items={d.openQuestions.items} showCommunity={false} />}
            {d.openQuestions.total > d.openQuestions.items.length ? (
              <p class="kern-body">
                <a class="kern-link" href={withQuery(base, { typ: 'question', offen: '1' })}>{t('community.allOpenQuestions', { count: ctx.fmt.number(d.openQuestions.total) })}</a>
              </p>
            ) : null}
          </section>
          <section class="kp-section" aria-labelledby="community-events">
            <h2 class="kern-heading-medium" id="community-events">{t('community.events')}</h2>
            {d.events.length === 0 ? (
              <p class="kern-body">{t('community.noEvents')}</p>
            ) : (
              <ul class="kern-list">
                {d.events.map((e) => (
                  <li key={e.id}>
                    <a class="kern-link" href={`/veranstaltungen/${e.id}`}>
                      {e.title}
                    </a>{' '}
                    · <EventWhen ctx={ctx} event={e} />
                  </li>
                ))}
              </ul>
            )}
            {d.canModerate ? (
              <p class="kern-body">
                <a class="kern-link" href="/veranstaltungen/neu">{t('community.createEvent')}</a>
              </p>
            ) : null}
          </section>
          {d.members ? (
            <section class="kp-section" aria-labelledby="members">
              <h2 class="kern-heading-medium" id="members">{t('community.members')}</h2>
              <ul class="kp-result-list">
                {d.members.map((m) => (
                  <li key={m.id}>
                    <PersonCard ctx={ctx} p={{ ...m, partner: m.role === 'partner' }} level={3} />
                  </li>
                ))}
              </ul>
              <p class="kern-body">
                <a class="kern-link" href={`${base}/mitglieder`}>{t('community.allMembers', { count: ctx.fmt.number(c.memberCount) })}</a>
              </p>
            </section>
          ) : null}
        </>
      )}
      {c.guidelines ? (
        <section class="kp-section" aria-labelledby="guidelines">
          <h2 class="kern-heading-medium" id="guidelines">{t('community.guidelines')}</h2>
          <div class="kp-prose" dangerouslySetInnerHTML={{ __html: d.guidelinesHtml }} />
        </section>
      ) : null}
    </Layout>
  );
}

export interface MembersPageData {
  community: CommunityRow;
  members: Members;
  requests: Members | null;
  invitations: Members | null;
  canManage: boolean;
  moreHref: string | null;
  viewerId: string;
}

function MemberActions({ ctx, slug, m, viewerId }: { ctx: ViewContext; slug: string; m: Members['items'][number]; viewerId: string }) {
  const base = `/communities/${slug}/mitglieder/${m.id}`;
  if (m.id === viewerId) return null;
  return (
    <div class="kp-actions">
      {m.communityRole === 'lead' ? (
        <ActionButton ctx={ctx} action={`${base}/rolle`} label="community.makeMember" variant="tertiary" hidden={{ role: 'member' }} />
      ) : m.role !== 'partner' ? (
        <ActionButton ctx={ctx} action={`${base}/rolle`} label="community.makeLead" variant="tertiary" hidden={{ role: 'lead' }} />
      ) : null}
      <ActionButton ctx={ctx} action={`${base}/entfernen`} label="community.remove" variant="tertiary" />
    </div>
  );
}

export function MembersPage({ ctx, d, invite }: { ctx: ViewContext; d: MembersPageData; invite: FormState }) {
  const { t } = ctx;
  const c = d.community;
  const base = `/communities/${c.slug}`;
  return (
    <Layout ctx={ctx} title={t('community.membersOf', { name: c.name })} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('community.list.title'), href: '/communities' }, { label: c.name, href: base }, { label: t('community.members') }]}>
      <PageHeading title={t('community.membersOf', { name: c.name })} />
      <ChathamNotice ctx={ctx} applies={c.chathamHouse} />
      {d.canManage ? (
        <section class="kp-section" aria-labelledby="invite">
          <h2 class="kern-heading-medium" id="invite">{t('community.invite')}</h2>
          <ErrorSummary ctx={ctx} form={invite} labels={{ person: 'community.invitePerson' }} />
          <form method="post" action={`${base}/einladen`} class="kp-form" novalidate>
            <CsrfField ctx={ctx} />
            <TextField ctx={ctx} form={invite} name="person" type="email" label="community.invitePerson" hint={c.partnersAllowed ? 'community.invitePersonHintPartners' : 'community.invitePersonHint'} maxLength={254} required />
            <SubmitButton ctx={ctx} label="community.inviteSubmit" />
          </form>
        </section>
      ) : null}
      {d.requests && d.requests.items.length > 0 ? (
        <section class="kp-section" aria-labelledby="requests">
          <h2 class="kern-heading-medium" id="requests">{t('community.requests')}</h2>
          <ul class="kp-result-list">
            {d.requests.items.map((m) => (
              <li class="kp-result" key={m.id}>
                <PersonCard ctx={ctx} p={{ ...m, partner: m.role === 'partner' }} level={3}>
                  {m.message ? <blockquote class="kern-body">{m.message}</blockquote> : null}
                  <div class="kp-actions">
                    <ActionButton ctx={ctx} action={`${base}/mitglieder/${m.id}/annehmen`} label="community.approve" variant="primary" />
                    <ActionButton ctx={ctx} action={`${base}/mitglieder/${m.id}/ablehnen`} label="community.decline" />
                  </div>
                </PersonCard>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.invitations && d.invitations.items.length > 0 ? (
        <section class="kp-section" aria-labelledby="invitations">
          <h2 class="kern-heading-medium" id="invitations">{t('community.invitations')}</h2>
          <ul class="kp-result-list">
            {d.invitations.items.map((m) => (
              <li class="kp-result" key={m.id}>
                <PersonCard ctx={ctx} p={{ ...m, partner: m.role === 'partner' }} level={3}>
                  <ActionButton ctx={ctx} action={`${base}/mitglieder/${m.id}/entfernen`} label="community.withdrawInvitation" variant="tertiary" />
                </PersonCard>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="kp-section" aria-labelledby="member-list">
        <h2 class="kern-heading-medium" id="member-list">{t('community.members')}</h2>
        <p class="kern-body" role="status">{t('community.memberCount', { count: ctx.fmt.number(d.members.total) })}</p>
        <ul class="kp-result-list">
          {d.members.items.map((m) => (
            <li class="kp-result" key={m.id}>
              <PersonCard ctx={ctx} p={{ ...m, partner: m.role === 'partner' }} level={3}>
                {m.communityRole === 'lead' ? <p class="kern-body kern-body--small"><strong>{t('community.role.lead')}</strong></p> : null}
                {d.canManage ? <MemberActions ctx={ctx} slug={c.slug} m={m} viewerId={d.viewerId} /> : null}
              </PersonCard>
            </li>
          ))}
        </ul>
        <CursorPager ctx={ctx} next={d.moreHref} />
      </section>
    </Layout>
  );
}
