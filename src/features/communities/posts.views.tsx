/** A post with its replies, the post form (new and edit), the reply edit form, and the edit history. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { SimilarQuestions } from '../search/search.views.js';
import type { SimilarQuestion } from '../search/search.repo.js';
import { ActionButton, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField, type FormState } from '../../views/components/forms.js';
import { Facts } from '../../views/components/facts.js';
import { Time } from '../../views/components/time.js';
import type { MessageKey } from '../../views/i18n/index.js';
import type { PostType } from '../../db/schema.js';
import { ChathamNotice } from './communities.views.js';
import { CursorPager } from '../../views/components/list.js';
import { authorName, PostTypeLabel } from './post-list.views.js';
import type { listReuses, listRevisions, PostRow, ReplyItem } from './posts.repo.js';

export interface PostPageData {
  post: PostRow;
  html: { body: string; problem: string; solution: string; materials: string; reuse: string };
  replies: { items: (ReplyItem & { html: string; quoteHtml: string })[]; total: number; moreHref: string | null; firstHref: string | null };
  reuses: Awaited<ReturnType<typeof listReuses>>;
  viewerId: string;
  can: { reply: boolean; contribute: boolean; edit: boolean; delete: boolean; accept: boolean; moderate: boolean; history: boolean; reuse: boolean };
  locked: boolean;
  quote: { id: string; authorName: string; html: string } | null;
  replyForm: FormState;
}

function Prose({ html }: { html: string }) {
  return <div class="kp-prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

function HelpfulButton({ ctx, action, marked, count, enabled }: { ctx: ViewContext; action: string; marked: boolean; count: number; enabled: boolean }) {
  return (
    <div class="kp-helpful">
      <span class="kern-body kern-body--small">{ctx.t('post.helpfulCount', { count: ctx.fmt.number(count) })}</span>
      {enabled ? <ActionButton ctx={ctx} action={action} label={marked ? 'post.helpfulUndo' : 'post.helpfulMark'} variant="tertiary" hidden={{ helpful: marked ? 'off' : 'on' }} /> : null}
    </div>
  );
}

function ExampleFacts({ ctx, d }: { ctx: ViewContext; d: PostPageData }) {
  const { t } = ctx;
  const p = d.post;
  return (
    <section class="kp-section" aria-labelledby="example">
      <h2 class="kern-heading-medium" id="example">{t('example.title')}</h2>
      <Facts
        ctx={ctx}
        items={[
          ['example.status', t(`example.status.${p.exampleStatus ?? 'idea'}` as MessageKey)],
          ['example.organisation', p.exampleOrganisationName ? <a class="kern-link" href={`/organisationen/${p.exampleOrganisationId}`}>{p.exampleOrganisationName}</a> : '–'],
          ['example.contact', p.contactName ? <a class="kern-link" href={`/mitglieder/${p.contactId}`}>{p.contactName}</a> : '–'],
        ]}
      />
      <h3 class="kern-heading-small">{t('example.problem')}</h3>
      <Prose html={d.html.problem} />
      <h3 class="kern-heading-small">{t('example.solution')}</h3>
      <Prose html={d.html.solution} />
      {p.materials ? (
        <>
          <h3 class="kern-heading-small">{t('example.materials')}</h3>
          <Prose html={d.html.materials} />
        </>
      ) : null}
      {p.reuse ? (
        <>
          <h3 class="kern-heading-small">{t('example.reuse')}</h3>
          <Prose html={d.html.reuse} />
        </>
      ) : null}
      <h3 class="kern-heading-small">{t('example.reusedBy', { count: ctx.fmt.number(d.reuses.length) })}</h3>
      {d.reuses.length > 0 ? (
        <ul class="kern-list">
          {d.reuses.map((r) => (
            <li key={r.id}>
              <a class="kern-link" href={`/mitglieder/${r.id}`}>{r.name}</a>
              {r.organisationName ? ` – ${r.organisationName}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {d.can.reuse ? <ActionButton ctx={ctx} action={`/beitraege/${p.id}/nachnutzen`} label={p.reused ? 'example.reuseUndo' : 'example.reuseMark'} hidden={{ reuse: p.reused ? 'off' : 'on' }} /> : null}
    </section>
  );
}

function Reply({ ctx, d, r }: { ctx: ViewContext; d: PostPageData; r: PostPageData['replies']['items'][number] }) {
  const { t } = ctx;
  const p = d.post;
  const accepted = p.acceptedReplyId === r.id;
  const own = r.authorId === d.viewerId;
  return (
    <li class={`kp-reply${accepted ? ' kp-reply--accepted' : ''}`} id={`antwort-${r.id}`}>
      <article aria-labelledby={`antwort-${r.id}-meta`}>
        <p class="kern-body kern-body--small" id={`antwort-${r.id}-meta`}>
          <strong>{r.authorId ? <a class="kern-link" href={`/mitglieder/${r.authorId}`}>{authorName(ctx, r.authorName)}</a> : authorName(ctx, r.authorName)}</strong> · <Time ctx={ctx} value={r.createdAt} />
          {r.editedAt ? (
            <>
              {' '}
              · {t('post.edited')}
              {r.hasHistory && (own || d.can.moderate) ? (
                <>
                  {' '}
                  (<a class="kern-link" href={`/antworten/${r.id}/verlauf`}>{t('post.history')}</a>)
                </>
              ) : null}
            </>
          ) : null}
        </p>
        {accepted ? (
          <p class="kern-body kp-accepted">
            <span class="kern-icon kern-icon--success kern-icon--small" aria-hidden="true"></span> <strong>{t('reply.accepted')}</strong>
          </p>
        ) : null}
        {r.hiddenAt ? (
          <Alert kind="warning" title={t('reply.hiddenTitle')}>
            <p class="kern-body">{t('post.mod.hiddenReason', { reason: r.hiddenReason ?? '–' })}</p>
          </Alert>
        ) : null}
        {r.quoteBody ? (
          <blockquote class="kp-quote">
            <p class="kern-body kern-body--small">{t('reply.quoteOf', { name: authorName(ctx, r.quoteAuthorName) })}</p>
            <Prose html={r.quoteHtml} />
          </blockquote>
        ) : null}
        <Prose html={r.html} />
        <div class="kp-actions">
          <HelpfulButton ctx={ctx} action={`/antworten/${r.id}/hilfreich`} marked={r.markedHelpful} count={r.helpfulCount} enabled={d.can.contribute && !own} />
          {d.can.reply && !r.hiddenAt ? (
            <a class="kern-btn kern-btn--tertiary" href={`/beitraege/${p.id}?zitat=${r.id}#antworten`}>
              <span class="kern-label">{t('reply.quote')}</span>
            </a>
          ) : null}
          {d.can.accept && !r.hiddenAt ? <ActionButton ctx={ctx} action={`/antworten/${r.id}/akzeptieren`} label={accepted ? 'reply.unaccept' : 'reply.accept'} variant="tertiary" hidden={{ accept: accepted ? 'off' : 'on' }} /> : null}
          {own && (!d.locked || d.can.moderate) ? (
            <a class="kern-btn kern-btn--tertiary" href={`/antworten/${r.id}/bearbeiten`}>
              <span class="kern-label">{t('post.edit')}</span>
            </a>
          ) : null}
          {own || d.can.moderate ? <ActionButton ctx={ctx} action={`/antworten/${r.id}/loeschen`} label="post.delete" variant="tertiary" /> : null}
          {d.can.moderate ? (
            r.hiddenAt ? (
              <ActionButton ctx={ctx} action={`/antworten/${r.id}/einblenden`} label="post.mod.unhide" variant="tertiary" />
            ) : (
              <a class="kern-btn kern-btn--tertiary" href={`/antworten/${r.id}/ausblenden`}>
                <span class="kern-label">{t('post.mod.hide')}</span>
              </a>
            )
          ) : null}
          {!own ? (
            <a class="kern-link" href={`/beitraege/${p.id}/melden?antwort=${r.id}`}>
              {t('post.mod.report')}
            </a>
          ) : null}
        </div>
      </article>
    </li>
  );
}

function ModerationBar({ ctx, d }: { ctx: ViewContext; d: PostPageData }) {
  const p = d.post;
  const action = `/beitraege/${p.id}/moderation`;
  return (
    <section class="kp-section" aria-labelledby="moderation">
      <h2 class="kern-heading-small" id="moderation">{ctx.t('post.mod.title')}</h2>
      <div class="kp-actions">
        <ActionButton ctx={ctx} action={action} label={p.pinnedAt ? 'post.mod.unpin' : 'post.mod.pin'} hidden={{ action: p.pinnedAt ? 'unpin' : 'pin' }} />
        <ActionButton ctx={ctx} action={action} label={p.lockedAt ? 'post.mod.unlock' : 'post.mod.lock'} hidden={{ action: p.lockedAt ? 'unlock' : 'lock' }} />
        {p.hiddenAt ? (
          <ActionButton ctx={ctx} action={action} label="post.mod.unhide" hidden={{ action: 'unhide' }} />
        ) : (
          <a class="kern-btn kern-btn--secondary" href={`/beitraege/${p.id}/ausblenden`}>
            <span class="kern-label">{ctx.t('post.mod.hide')}</span>
          </a>
        )}
        <a class="kern-btn kern-btn--secondary" href={`/beitraege/${p.id}/verschieben`}>
          <span class="kern-label">{ctx.t('post.mod.move')}</span>
        </a>
      </div>
    </section>
  );
}

export function PostPage({ ctx, d }: { ctx: ViewContext; d: PostPageData }) {
  const { t } = ctx;
  const p = d.post;
  const own = p.authorId === d.viewerId;
  return (
    <Layout
      ctx={ctx}
      title={p.title}
      crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('community.list.title'), href: '/communities' }, { label: p.communityName, href: `/communities/${p.communitySlug}` }, { label: p.title }]}
    >
      <article aria-labelledby="post-title">
        <p class="kern-body kern-body--small">
          <PostTypeLabel ctx={ctx} type={p.type} />
          {p.type === 'question' ? <> · {p.acceptedReplyId ? t('post.answered') : t('post.open')}</> : null}
          {p.pinnedAt ? <> · {t('post.pinned')}</> : null}
        </p>
        <h1 class="kern-heading-large" id="post-title">
          {p.title}
        </h1>
        <p class="kern-body kern-body--small">
          {p.authorId ? <a class="kern-link" href={`/mitglieder/${p.authorId}`}>{authorName(ctx, p.authorName)}</a> : authorName(ctx, p.authorName)} · <Time ctx={ctx} value={p.createdAt} /> ·{' '}
          <a class="kern-link" href={`/communities/${p.communitySlug}`}>{p.communityName}</a>
          {p.editedAt ? (
            <>
              {' '}
              · {t('post.edited')}
              {p.hasHistory && d.can.history ? (
                <>
                  {' '}
                  (<a class="kern-link" href={`/beitraege/${p.id}/verlauf`}>{t('post.history')}</a>)
                </>
              ) : null}
            </>
          ) : null}
        </p>
        <ChathamNotice ctx={ctx} applies={p.chathamHouse} />
        {p.hiddenAt ? (
          <Alert kind="warning" title={t('post.hiddenTitle')}>
            <p class="kern-body">{t('post.mod.hiddenReason', { reason: p.hiddenReason ?? '–' })}</p>
          </Alert>
        ) : null}
        {d.locked ? (
          <Alert kind="info" title={t('post.lockedTitle')}>
            <p class="kern-body">{t('post.lockedBody')}</p>
          </Alert>
        ) : null}
        <Prose html={d.html.body} />
        {p.tags.length > 0 ? (
          <ul class="kp-tags" aria-label={t('post.tags')}>
            {p.tags.map((tag) => (
              <li class="kp-tag" key={tag}>{tag}</li>
            ))}
          </ul>
        ) : null}
        {p.type === 'example' ? <ExampleFacts ctx={ctx} d={d} /> : null}
        <div class="kp-actions">
          <HelpfulButton ctx={ctx} action={`/beitraege/${p.id}/hilfreich`} marked={p.markedHelpful} count={p.helpfulCount} enabled={d.can.contribute && !own} />
          <ActionButton ctx={ctx} action={`/beitraege/${p.id}/folgen`} label={p.following ? 'post.unfollow' : 'post.follow'} variant="tertiary" hidden={{ follow: p.following ? 'off' : 'on' }} />
          <ActionButton ctx={ctx} action={`/beitraege/${p.id}/merken`} label={p.bookmarked ? 'post.unbookmark' : 'post.bookmark'} variant="tertiary" hidden={{ bookmark: p.bookmarked ? 'off' : 'on' }} />
          {d.can.edit ? (
            <a class="kern-btn kern-btn--tertiary" href={`/beitraege/${p.id}/bearbeiten`}>
              <span class="kern-label">{t('post.edit')}</span>
            </a>
          ) : null}
          {d.can.delete ? <ActionButton ctx={ctx} action={`/beitraege/${p.id}/loeschen`} label="post.delete" variant="tertiary" /> : null}
          {!own ? (
            <a class="kern-link" href={`/beitraege/${p.id}/melden`}>
              {t('post.mod.report')}
            </a>
          ) : null}
        </div>
      </article>
      {d.can.moderate ? <ModerationBar ctx={ctx} d={d} /> : null}
      <section class="kp-section" aria-labelledby="replies">
        <h2 class="kern-heading-medium" id="replies">
          {t('post.repliesTitle', { count: ctx.fmt.number(d.replies.total) })}
        </h2>
        {d.replies.items.length === 0 ? <p class="kern-body">{t('post.noReplies')}</p> : null}
        <ol class="kp-replies">
          {d.replies.items.map((r) => (
            <Reply key={r.id} ctx={ctx} d={d} r={r} />
          ))}
        </ol>
        <CursorPager ctx={ctx} next={d.replies.moreHref} first={d.replies.firstHref} />
      </section>
      {d.can.reply ? (
        <section class="kp-section" aria-labelledby="antworten">
          <h2 class="kern-heading-medium" id="antworten">{t('reply.formTitle')}</h2>
          <ErrorSummary ctx={ctx} form={d.replyForm} labels={{ body: 'reply.body', quoteReplyId: 'reply.quote' }} />
          <form method="post" action={`/beitraege/${p.id}/antworten`} class="kp-form" novalidate>
            <CsrfField ctx={ctx} />
            {d.quote ? (
              <>
                <input type="hidden" name="quoteReplyId" value={d.quote.id} />
                <blockquote class="kp-quote">
                  <p class="kern-body kern-body--small">{t('reply.quoteOf', { name: d.quote.authorName })}</p>
                  <Prose html={d.quote.html} />
                </blockquote>
              </>
            ) : null}
            <TextArea ctx={ctx} form={d.replyForm} name="body" label="reply.body" hint="post.markdownHint" maxLength={20000} rows={6} required />
            <SubmitButton ctx={ctx} label="reply.submit" />
          </form>
        </section>
      ) : !d.locked && !d.can.contribute ? (
        <p class="kern-body">{t('post.joinToReply')}</p>
      ) : null}
    </Layout>
  );
}

const typeOptions = (ctx: ViewContext, types: PostType[]) => types.map((type) => ({ value: type, label: ctx.t(`post.type.${type}` as MessageKey) }));

export const postFieldLabels: Record<string, MessageKey> = {
  type: 'post.type',
  title: 'post.title',
  body: 'post.body',
  tags: 'post.tags',
  problem: 'example.problem',
  solution: 'example.solution',
  status: 'example.status',
  contactId: 'example.contact',
  materials: 'example.materials',
  reuse: 'example.reuse',
};

/** The post form, for a new post and for editing: practice-example fields are always there, used for that type. */
export function PostFormPage({ ctx, form, community, action, types, editing, similar }: { ctx: ViewContext; form: FormState; community: { slug: string; name: string; chathamHouse: boolean }; action: string; types: PostType[]; editing: boolean; similar?: SimilarQuestion[] | null }) {
  const { t } = ctx;
  const title = editing ? t('post.editTitle') : t('post.newTitle', { name: community.name });
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('community.list.title'), href: '/communities' }, { label: community.name, href: `/communities/${community.slug}` }, { label: title }]}>
      <PageHeading title={title} />
      <ChathamNotice ctx={ctx} applies={community.chathamHouse} />
      <ErrorSummary ctx={ctx} form={form} labels={postFieldLabels} />
      <form method="post" action={action} class="kp-form" novalidate data-similar-questions={editing ? undefined : `/suche/aehnliche-fragen?community=${community.slug}`}>
        <CsrfField ctx={ctx} />
        <SelectField ctx={ctx} form={form} name="type" label="post.type" hint="post.typeHint" options={typeOptions(ctx, types)} required />
        <TextField ctx={ctx} form={form} name="title" label="post.title" hint="post.titleHint" maxLength={200} required />
        {editing ? null : (
          <div class="kp-similar-check">
            <div id="similar-questions">{similar ? <SimilarQuestions ctx={ctx} questions={similar} checked /> : null}</div>
            <p class="kern-sr-only" role="status" id="similar-questions-status"></p>
            <p class="kern-body kern-body--small">{t('search.similar.hint')}</p>
          </div>
        )}
        <TextArea ctx={ctx} form={form} name="body" label="post.body" hint="post.markdownHint" maxLength={20000} rows={10} required />
        <TextField ctx={ctx} form={form} name="tags" label="post.tags" hint="post.tagsHint" maxLength={300} tagSuggest />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('example.fieldset')}</legend>
          <p class="kern-body kern-body--small">{t('example.fieldsetHint')}</p>
          <TextArea ctx={ctx} form={form} name="problem" label="example.problem" maxLength={5000} rows={4} />
          <TextArea ctx={ctx} form={form} name="solution" label="example.solution" maxLength={5000} rows={4} />
          <SelectField ctx={ctx} form={form} name="status" label="example.status" options={(['idea', 'pilot', 'operation'] as const).map((s) => ({ value: s, label: t(`example.status.${s}`) }))} />
          <TextField ctx={ctx} form={form} name="contactId" label="example.contact" hint="example.contactHint" type="email" maxLength={254} />
          <TextArea ctx={ctx} form={form} name="materials" label="example.materials" hint="post.markdownHint" maxLength={5000} rows={3} />
          <TextArea ctx={ctx} form={form} name="reuse" label="example.reuse" maxLength={5000} rows={3} />
        </fieldset>
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label={editing ? 'post.save' : 'post.publish'} />
          {editing ? null : <SubmitButton ctx={ctx} label="search.similar.check" variant="secondary" name="aktion" value="aehnliche-fragen" />}
        </div>
      </form>
    </Layout>
  );
}

export function ReplyEditPage({ ctx, form, post, action }: { ctx: ViewContext; form: FormState; post: { id: string; title: string }; action: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reply.editTitle')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: post.title, href: `/beitraege/${post.id}` }, { label: t('reply.editTitle') }]}>
      <PageHeading title={t('reply.editTitle')} />
      <ErrorSummary ctx={ctx} form={form} labels={{ body: 'reply.body' }} />
      <form method="post" action={action} class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextArea ctx={ctx} form={form} name="body" label="reply.body" hint="post.markdownHint" maxLength={20000} rows={8} required />
        <SubmitButton ctx={ctx} label="post.save" />
      </form>
    </Layout>
  );
}

export function HistoryPage({ ctx, back, title, current, revisions }: { ctx: ViewContext; back: string; title: string; current: { title: string | null; body: string; at: Date | null }; revisions: Awaited<ReturnType<typeof listRevisions>> }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('post.historyTitle')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: title, href: back }, { label: t('post.historyTitle') }]}>
      <PageHeading title={t('post.historyTitle')} lead={title} />
      <ol class="kp-result-list">
        <li class="kp-result">
          <h2 class="kern-heading-small">{t('post.historyCurrent')}</h2>
          {current.title ? <p class="kern-body"><strong>{current.title}</strong></p> : null}
          <pre class="kp-source">{current.body}</pre>
        </li>
        {revisions.map((v) => (
          <li class="kp-result" key={v.id}>
            <h2 class="kern-heading-small">
              {t('post.historyVersion')} <Time ctx={ctx} value={v.createdAt} />
            </h2>
            {v.title ? <p class="kern-body"><strong>{v.title}</strong></p> : null}
            <pre class="kp-source">{v.body}</pre>
          </li>
        ))}
      </ol>
      <p class="kern-body">
        <a class="kern-link" href={back}>{t('post.back')}</a>
      </p>
    </Layout>
  );
}
