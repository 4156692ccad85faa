/** Moderation pages: the report queue, hiding, moving and reporting a post or reply. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading, type Crumb } from '../../views/layout.js';
import { CheckboxField, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, type FormState, type Option } from '../../views/components/forms.js';
import { Facts } from '../../views/components/facts.js';
import { Time } from '../../views/components/time.js';
import { CursorPager, withQuery } from '../../views/components/list.js';
import type { MessageKey } from '../../views/i18n/index.js';

/** What the moderation pages show of the post they act on. */
export interface PostSummary {
  id: string;
  title: string;
  communitySlug: string;
  communityName: string;
}

export interface ReplySummary {
  id: string;
  body: string;
  authorName: string | null;
}

export const postHref = (postId: string, replyId?: string | null) => (replyId ? `/beitraege/${postId}#antwort-${replyId}` : `/beitraege/${postId}`);

/** Start › Communities › the community › the post › this page. */
function postCrumbs(ctx: ViewContext, post: PostSummary, here: string): Crumb[] {
  return [
    { label: ctx.t('nav.home'), href: '/' },
    { label: ctx.t('moderation.crumb.communities'), href: '/communities' },
    { label: post.communityName, href: `/communities/${post.communitySlug}` },
    { label: post.title, href: postHref(post.id) },
    { label: here },
  ];
}

function excerpt(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A status word with an icon: never told by colour alone. */
function StatusBadge({ ctx, kind, label }: { ctx: ViewContext; kind: 'warning' | 'info' | 'danger' | 'success'; label: MessageKey }) {
  return (
    <span class={`kern-badge kern-badge--${kind}`}>
      <span class={`kern-icon kern-icon--${kind} kern-icon--small`} aria-hidden="true"></span>
      <span class="kern-label kern-label--small">{ctx.t(label)}</span>
    </span>
  );
}

function BackToPost({ ctx, post, replyId }: { ctx: ViewContext; post: PostSummary; replyId?: string }) {
  return (
    <p class="kern-body">
      <a class="kern-link" href={postHref(post.id, replyId)}>
        {ctx.t('moderation.backToPost')}
      </a>
    </p>
  );
}

/** The post (and the reply) a form acts on. */
function TargetFacts({ ctx, post, reply }: { ctx: ViewContext; post: PostSummary; reply?: ReplySummary }) {
  const items: [MessageKey, ComponentChildren][] = [
    ['moderation.field.community', post.communityName],
    [
      'moderation.field.post',
      <a class="kern-link" href={postHref(post.id)}>
        {post.title}
      </a>,
    ],
  ];
  if (reply) items.push(['moderation.field.reply', <blockquote class="kp-prose">{excerpt(reply.body)}</blockquote>]);
  return <Facts ctx={ctx} items={items} />;
}

// --- The report queue ---------------------------------------------------------------------------

export interface ReportItem {
  id: string;
  reason: string;
  createdAt: Date;
  postId: string;
  replyId: string | null;
  postTitle: string;
  postHiddenAt: Date | null;
  postLockedAt: Date | null;
  replyBody: string | null;
  replyHiddenAt: Date | null;
  replyDeletedAt: Date | null;
  communitySlug: string;
  communityName: string;
  reporterName: string | null;
}

function ReportState({ ctx, report: r }: { ctx: ViewContext; report: ReportItem }) {
  const badges: [('warning' | 'info' | 'danger'), MessageKey][] = [];
  if (r.replyId) {
    if (r.replyDeletedAt) badges.push(['danger', 'moderation.status.deleted']);
    else if (r.replyHiddenAt) badges.push(['warning', 'moderation.status.hidden']);
  } else {
    if (r.postHiddenAt) badges.push(['warning', 'moderation.status.hidden']);
    if (r.postLockedAt) badges.push(['info', 'moderation.status.locked']);
  }
  if (badges.length === 0) return <>{ctx.t('moderation.reports.stateVisible')}</>;
  return (
    <span class="kp-actions">
      {badges.map(([kind, label]) => (
        <StatusBadge key={label} ctx={ctx} kind={kind} label={label} />
      ))}
    </span>
  );
}

function ReportCard({ ctx, report: r }: { ctx: ViewContext; report: ReportItem }) {
  const { t } = ctx;
  const headingId = `report-${r.id}`;
  const hideHref = r.replyId ? `/antworten/${r.replyId}/ausblenden` : `/beitraege/${r.postId}/ausblenden`;
  const hidden = r.replyId ? Boolean(r.replyHiddenAt || r.replyDeletedAt) : Boolean(r.postHiddenAt);
  const facts: [MessageKey, ComponentChildren][] = [
    ['moderation.field.community', <a class="kern-link" href={`/communities/${r.communitySlug}`}>{r.communityName}</a>],
  ];
  if (r.replyId && r.replyBody !== null) facts.push(['moderation.field.reply', <blockquote class="kp-prose">{excerpt(r.replyBody)}</blockquote>]);
  facts.push(
    ['moderation.reports.reason', r.reason],
    ['moderation.reports.reporter', r.reporterName ?? t('moderation.reports.reporterGone')],
    ['moderation.reports.time', <Time ctx={ctx} value={r.createdAt} />],
    ['moderation.reports.state', <ReportState ctx={ctx} report={r} />],
  );
  return (
    <li class="kp-result">
      <h2 class="kern-heading-small" id={headingId}>
        <a class="kern-link" href={postHref(r.postId, r.replyId)}>
          {r.postTitle}
        </a>
      </h2>
      <p class="kern-body">{t(r.replyId ? 'moderation.reports.kindReply' : 'moderation.reports.kindPost')}</p>
      <Facts ctx={ctx} items={facts} />
      <div class="kp-actions">
        {(['resolved', 'dismissed'] as const).map((outcome) => (
          <form key={outcome} method="post" action={`/moderation/meldungen/${r.id}`} class="kp-inline-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="outcome" value={outcome} />
            <button class={`kern-btn kern-btn--${outcome === 'resolved' ? 'primary' : 'secondary'}`} type="submit" aria-describedby={headingId}>
              <span class="kern-label">{t(outcome === 'resolved' ? 'moderation.reports.resolve' : 'moderation.reports.dismiss')}</span>
            </button>
          </form>
        ))}
        {hidden ? null : (
          <a class="kern-link" href={hideHref} aria-describedby={headingId}>
            {t(r.replyId ? 'moderation.reports.hideReply' : 'moderation.reports.hidePost')}
          </a>
        )}
      </div>
    </li>
  );
}

export interface ReportQueueData {
  items: ReportItem[];
  nextCursor: string | null;
}

export function ReportQueuePage({
  ctx,
  page,
  cursor,
  communities,
  community,
  office,
}: {
  ctx: ViewContext;
  page: ReportQueueData;
  cursor?: string;
  communities: { slug: string; name: string }[];
  community?: string;
  office: boolean;
}) {
  const { t } = ctx;
  const title = t('moderation.reports.title');
  const options: Option[] = communities.map((c) => ({ value: c.slug, label: c.name }));
  const complete = !cursor && !page.nextCursor;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('nav.home'), href: '/' }, { label: title }]}>
      <PageHeading title={title} lead={t(office ? 'moderation.reports.leadOffice' : 'moderation.reports.lead')} />
      {communities.length > 1 ? (
        <form method="get" action="/moderation" class="kp-filters">
          <SelectField ctx={ctx} form={{ values: { community: community ?? '' }, errors: {} }} name="community" label="moderation.reports.filter" placeholder="moderation.reports.filterAll" options={options} markOptional={false} />
          <div class="kern-btn-wrapper">
            <SubmitButton ctx={ctx} label="moderation.reports.filterSubmit" variant="secondary" />
          </div>
        </form>
      ) : null}
      {complete ? <p class="kern-body kern-body--bold">{t('moderation.reports.count', { count: ctx.fmt.number(page.items.length) })}</p> : null}
      {page.items.length === 0 ? (
        <p class="kern-body">{t('moderation.reports.empty')}</p>
      ) : (
        <ol class="kp-result-list">
          {page.items.map((r) => (
            <ReportCard key={r.id} ctx={ctx} report={r} />
          ))}
        </ol>
      )}
      <CursorPager ctx={ctx} next={page.nextCursor ? withQuery('/moderation', { community, cursor: page.nextCursor }) : null} first={cursor ? withQuery('/moderation', { community }) : null} firstLabel="office.audit.newest" />
    </Layout>
  );
}

// --- Hide --------------------------------------------------------------------------------------

export function HidePage({ ctx, post, reply, form }: { ctx: ViewContext; post: PostSummary; reply?: ReplySummary; form: FormState }) {
  const { t } = ctx;
  const title = t(reply ? 'moderation.hide.replyTitle' : 'moderation.hide.postTitle');
  const action = reply ? `/antworten/${reply.id}/ausblenden` : `/beitraege/${post.id}/ausblenden`;
  return (
    <Layout ctx={ctx} title={title} crumbs={postCrumbs(ctx, post, title)}>
      <PageHeading title={title} lead={t('moderation.hide.lead')} />
      <TargetFacts ctx={ctx} post={post} reply={reply} />
      <ErrorSummary ctx={ctx} form={form} labels={{ reason: 'moderation.hide.reason' }} />
      <form method="post" action={action} class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextArea ctx={ctx} form={form} name="reason" label="moderation.hide.reason" hint="moderation.hide.reasonHint" maxLength={1000} rows={4} required />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="moderation.hide.submit" />
        </div>
      </form>
      <BackToPost ctx={ctx} post={post} replyId={reply?.id} />
    </Layout>
  );
}

// --- Move --------------------------------------------------------------------------------------

export interface MoveTarget {
  slug: string;
  name: string;
  widens: boolean;
}

const moveLabels: Record<string, MessageKey> = { target: 'moderation.move.target', confirmWider: 'moderation.move.confirmWider' };

export function MovePage({ ctx, post, targets, form }: { ctx: ViewContext; post: PostSummary; targets: MoveTarget[]; form: FormState }) {
  const { t } = ctx;
  const title = t('moderation.move.title');
  const options: Option[] = targets.map((c) => ({ value: c.slug, label: c.widens ? t('moderation.move.targetWider', { name: c.name }) : c.name }));
  return (
    <Layout ctx={ctx} title={title} crumbs={postCrumbs(ctx, post, title)}>
      <PageHeading title={title} lead={t('moderation.move.lead')} />
      <TargetFacts ctx={ctx} post={post} />
      {targets.length === 0 ? (
        <p class="kern-body">{t('moderation.move.none')}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} form={form} labels={moveLabels} />
          <form method="post" action={`/beitraege/${post.id}/verschieben`} class="kp-form" novalidate>
            <CsrfField ctx={ctx} />
            <SelectField ctx={ctx} form={form} name="target" label="moderation.move.target" hint="moderation.move.targetHint" placeholder="moderation.move.choose" options={options} required />
            <CheckboxField ctx={ctx} form={form} name="confirmWider" label="moderation.move.confirmWider" hint="moderation.move.confirmWiderHint" />
            <div class="kern-btn-wrapper">
              <SubmitButton ctx={ctx} label="moderation.move.submit" />
            </div>
          </form>
        </>
      )}
      <BackToPost ctx={ctx} post={post} />
    </Layout>
  );
}

// --- Report ------------------------------------------------------------------------------------

export function ReportPage({ ctx, post, reply, form }: { ctx: ViewContext; post: PostSummary; reply?: ReplySummary; form: FormState }) {
  const { t } = ctx;
  const title = t(reply ? 'moderation.report.replyTitle' : 'moderation.report.postTitle');
  return (
    <Layout ctx={ctx} title={title} crumbs={postCrumbs(ctx, post, title)}>
      <PageHeading title={title} lead={t('moderation.report.lead')} />
      <TargetFacts ctx={ctx} post={post} reply={reply} />
      <ErrorSummary ctx={ctx} form={form} labels={{ reason: 'moderation.report.reason' }} />
      <form method="post" action={`/beitraege/${post.id}/melden`} class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        {reply ? <input type="hidden" name="antwort" value={reply.id} /> : null}
        <TextArea ctx={ctx} form={form} name="reason" label="moderation.report.reason" hint="moderation.report.reasonHint" maxLength={1000} rows={4} required />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="moderation.report.submit" />
        </div>
      </form>
      <BackToPost ctx={ctx} post={post} replyId={reply?.id} />
    </Layout>
  );
}
