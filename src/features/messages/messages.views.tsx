/** Pages of direct messages: my conversations, one conversation, the first message, reporting, and the office's report list. */
import { Fragment } from 'preact';
import type { ViewContext } from '../../views/context.js';
import type { Crumb } from '../../views/layout.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { ActionButton, CsrfField, ErrorSummary, SubmitButton, TextArea, type FormState } from '../../views/components/forms.js';
import { countText, CursorPager, Pager, withQuery } from '../../views/components/list.js';
import { Time } from '../../views/components/time.js';
import { Avatar } from '../../views/components/avatar.js';
import { officeCrumbs } from '../office/office.views.js';
import type { WriteRefusal } from './messages.policy.js';
import { refusalKey } from './messages.service.js';
import { MAX_BODY, MAX_REASON, UNREAD_CAP, type ConversationListItem, type ConversationRow, type MessageRow, type ReportRow } from './messages.repo.js';

/** Plain text as written: paragraphs at blank lines, line breaks kept; everything escaped. */
export function PlainText({ text }: { text: string }) {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).filter((p) => p.trim() !== '');
  return (
    <>
      {paragraphs.map((p, i) => {
        const lines = p.split('\n');
        return (
          <p class="kern-body" key={i}>
            {lines.map((line, j) => (
              <Fragment key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </p>
        );
      })}
    </>
  );
}

const messagesCrumbs = (ctx: ViewContext, trail: Crumb[]): Crumb[] => [{ label: ctx.t('nav.home'), href: '/' }, { label: ctx.t('messages.title'), href: trail.length ? '/nachrichten' : undefined }, ...trail];

const nameOf = (ctx: ViewContext, name: string | null) => name ?? ctx.t('messages.deletedPerson');

function UnreadBadge({ ctx, count }: { ctx: ViewContext; count: number }) {
  if (count === 0) return null;
  const text = count > UNREAD_CAP ? ctx.t('messages.unread.many', { count: UNREAD_CAP }) : countText(ctx, count, { one: 'messages.unread.one', other: 'messages.unread.other' });
  return (
    <span class="kern-badge kern-badge--info">
      <span class="kern-icon kern-icon--info kern-icon--small" aria-hidden="true"></span>
      <span class="kern-label kern-label--small">{text}</span>
    </span>
  );
}

export function ConversationListPage({
  ctx,
  items,
  counts,
  next,
  paged,
}: {
  ctx: ViewContext;
  items: ConversationListItem[];
  counts: { total: number; unread: number };
  next: string | null;
  paged: boolean;
}) {
  const { t } = ctx;
  const me = ctx.actor.kind === 'user' ? ctx.actor.user.id : '';
  return (
    <Layout ctx={ctx} title={t('messages.title')} crumbs={messagesCrumbs(ctx, [])}>
      <PageHeading title={t('messages.title')} lead={t('messages.lead')} />
      {counts.total === 0 ? (
        <Alert kind="info" title={t('messages.empty')}>
          <p class="kern-body">
            <a class="kern-link" href="/mitglieder">
              {t('messages.toMembers')}
            </a>
          </p>
        </Alert>
      ) : (
        <>
          <p class="kern-body kern-body--bold">
            {countText(ctx, counts.total, { one: 'messages.count.one', other: 'messages.count.other' })} ·{' '}
            {counts.unread === 0 ? t('messages.unreadConversations.none') : countText(ctx, counts.unread, { one: 'messages.unreadConversations.one', other: 'messages.unreadConversations.other' })}
          </p>
          <ul class="kp-result-list">
            {items.map((c) => (
              <li class="kp-result" key={c.id}>
                <div class="kp-person">
                  <Avatar id={c.otherId ?? c.id} name={nameOf(ctx, c.otherName)} size="small" />
                  <h2 class="kern-heading-small">
                    <a class="kern-link" href={`/nachrichten/${c.id}`}>
                      {c.unread > 0 ? <strong>{nameOf(ctx, c.otherName)}</strong> : nameOf(ctx, c.otherName)}
                    </a>
                  </h2>
                </div>
                <UnreadBadge ctx={ctx} count={c.unread} />
                {c.lastBody !== null ? (
                  <p class="kern-body kp-search-result__snippet">
                    {c.lastAuthorId === me ? t('messages.lastFromYou', { text: excerpt(c.lastBody) }) : excerpt(c.lastBody)}
                  </p>
                ) : null}
                <p class="kern-body kern-body--small">
                  {t('messages.lastAt')} <Time ctx={ctx} value={c.lastMessageAt} />
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <CursorPager ctx={ctx} next={next ? withQuery('/nachrichten', { nach: next }) : null} first={paged ? '/nachrichten' : null} firstLabel="messages.first" nextLabel="messages.more" />
    </Layout>
  );
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 140)}…` : flat;
}

function BodyForm({ ctx, form, action, hidden = {} }: { ctx: ViewContext; form: FormState; action: string; hidden?: Record<string, string> }) {
  return (
    <form method="post" action={action} novalidate>
      <CsrfField ctx={ctx} />
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <ErrorSummary ctx={ctx} form={form} labels={{ body: 'messages.field.body' }} />
      <TextArea ctx={ctx} form={form} name="body" label="messages.field.body" hint="messages.hint.body" required maxLength={MAX_BODY} rows={5} />
      <div class="kern-btn-wrapper">
        <SubmitButton ctx={ctx} label="messages.send" />
      </div>
    </form>
  );
}

function refusalText(ctx: ViewContext, refusal: WriteRefusal, c: ConversationRow): string {
  if (!c.otherId) return ctx.t('messages.state.gone');
  const name = nameOf(ctx, c.otherName);
  if (refusal === 'blocking') return ctx.t('messages.state.blocking', { name });
  if (refusal === 'blockedBy') return ctx.t('messages.state.blockedBy', { name });
  return ctx.t('messages.state.notAllowed', { name });
}

export function ConversationPage({
  ctx,
  conversation: c,
  messages,
  older,
  paged,
  refusal,
  form,
}: {
  ctx: ViewContext;
  conversation: ConversationRow;
  /** Oldest first. */
  messages: MessageRow[];
  older: string | null;
  paged: boolean;
  refusal: WriteRefusal | null;
  form: FormState;
}) {
  const { t } = ctx;
  const name = nameOf(ctx, c.otherName);
  const me = ctx.actor.kind === 'user' ? ctx.actor.user.id : '';
  const title = t('messages.conversationWith', { name });
  return (
    <Layout ctx={ctx} title={title} crumbs={messagesCrumbs(ctx, [{ label: name }])}>
      <div class="kp-person kp-page-heading">
        <Avatar id={c.otherId ?? c.id} name={name} size="medium" />
        <div>
          <h1 class="kern-heading-large">{title}</h1>
          {c.otherId ? (
            <p class="kern-body">
              <a class="kern-link" href={`/mitglieder/${c.otherId}`}>
                {name}
              </a>
            </p>
          ) : null}
        </div>
      </div>
      <section class="kp-section" aria-labelledby="history-title">
        <h2 class="kern-heading-medium" id="history-title">
          {t('messages.heading.messages')}
        </h2>
        {older || paged ? (
          <CursorPager ctx={ctx} next={older ? withQuery(`/nachrichten/${c.id}`, { vor: older }) : null} first={paged ? `/nachrichten/${c.id}` : null} firstLabel="messages.newest" nextLabel="messages.older" />
        ) : null}
        {messages.length === 0 ? (
          <p class="kern-body">{t('messages.noMessages')}</p>
        ) : (
          <ol class="kp-result-list">
            {messages.map((m) => {
              const mine = m.authorId === me;
              const author = mine ? t('messages.you') : nameOf(ctx, m.authorName);
              return (
                <li key={m.id} id={`nachricht-${m.id}`}>
                  <article class="kp-result" aria-labelledby={`nachricht-${m.id}-von`}>
                    <h3 class="kern-heading-small" id={`nachricht-${m.id}-von`}>
                      {author}
                    </h3>
                    <p class="kern-body kern-body--small">
                      <Time ctx={ctx} value={m.createdAt} />
                      {!mine && (c.lastReadAt === null || m.createdAt > c.lastReadAt) ? (
                        <>
                          {' '}
                          <span class="kp-badge">{t('messages.newBadge')}</span>
                        </>
                      ) : null}
                    </p>
                    <PlainText text={m.body} />
                    {mine ? null : m.reportedByMe ? (
                      <p class="kern-body kern-body--small">
                        <span class="kp-badge">{t('messages.reported')}</span>
                      </p>
                    ) : (
                      <p class="kern-body kern-body--small">
                        <a class="kern-link" href={`/nachrichten/${c.id}/melden/${m.id}`}>
                          {t('messages.report')}
                          <span class="kern-sr-only">: {t('messages.reportContext', { name: author, date: ctx.fmt.dateTime(m.createdAt) })}</span>
                        </a>
                      </p>
                    )}
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section class="kp-section" aria-labelledby="reply-title" id="antworten">
        <h2 class="kern-heading-medium" id="reply-title">
          {t('messages.heading.reply')}
        </h2>
        {refusal ? <Alert kind="warning" title={refusalText(ctx, refusal, c)} /> : null}
        {/* After a refused submit the form stays, with what was typed and the reason at the field. */}
        {!refusal || Object.keys(form.errors).length > 0 ? <BodyForm ctx={ctx} form={form} action={`/nachrichten/${c.id}`} /> : null}
      </section>
      {c.otherId ? (
        <section class="kp-section" aria-labelledby="block-title">
          <h2 class="kern-heading-medium" id="block-title">
            {t('messages.heading.block')}
          </h2>
          {c.blocking ? (
            <ActionButton ctx={ctx} action={`/nachrichten/${c.id}/freigeben`} label="messages.unblock" />
          ) : (
            <>
              <p class="kern-body">{t('messages.blockHint', { name })}</p>
              <ActionButton ctx={ctx} action={`/nachrichten/${c.id}/blockieren`} label="messages.block" />
            </>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

export function NewMessagePage({ ctx, person, form, refusal }: { ctx: ViewContext; person: { id: string; name: string }; form: FormState; refusal: WriteRefusal | null }) {
  const { t } = ctx;
  const title = t('messages.new.title', { name: person.name });
  return (
    <Layout ctx={ctx} title={title} crumbs={messagesCrumbs(ctx, [{ label: title }])}>
      <PageHeading title={title} lead={t('messages.new.lead', { name: person.name })} />
      {refusal ? <Alert kind="warning" title={t(refusalKey(refusal))} /> : null}
      {!refusal || Object.keys(form.errors).length > 0 ? <BodyForm ctx={ctx} form={form} action="/nachrichten/neu" hidden={{ an: person.id }} /> : null}
      <p class="kern-body">
        <a class="kern-link" href={`/mitglieder/${person.id}`}>
          {person.name}
        </a>
      </p>
    </Layout>
  );
}

export function ReportPage({ ctx, conversation: c, message, form }: { ctx: ViewContext; conversation: ConversationRow; message: { id: string; body: string; authorName: string | null; createdAt: Date }; form: FormState }) {
  const { t } = ctx;
  const name = nameOf(ctx, c.otherName);
  return (
    <Layout ctx={ctx} title={t('messages.report.title')} crumbs={messagesCrumbs(ctx, [{ label: name, href: `/nachrichten/${c.id}` }, { label: t('messages.report.title') }])}>
      <PageHeading title={t('messages.report.title')} lead={t('messages.report.lead')} />
      <section class="kp-section" aria-labelledby="reported-title">
        <h2 class="kern-heading-medium" id="reported-title">
          {t('messages.report.message')}
        </h2>
        <p class="kern-body kern-body--small">
          {t('messages.sentBy', { name: nameOf(ctx, message.authorName) })} <Time ctx={ctx} value={message.createdAt} />
        </p>
        <blockquote class="kp-quote">
          <PlainText text={message.body} />
        </blockquote>
      </section>
      <form method="post" action={`/nachrichten/${c.id}/melden/${message.id}`} novalidate class="kp-section">
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} form={form} labels={{ reason: 'messages.field.reason' }} />
        <TextArea ctx={ctx} form={form} name="reason" label="messages.field.reason" hint="messages.hint.reason" required maxLength={MAX_REASON} rows={4} />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="messages.report.submit" />
          <a class="kern-btn kern-btn--secondary" href={`/nachrichten/${c.id}`}>
            <span class="kern-label">{t('messages.report.back')}</span>
          </a>
        </div>
      </form>
    </Layout>
  );
}

export function OfficeReportsPage({ ctx, page, offset }: { ctx: ViewContext; page: { items: ReportRow[]; total: number; limit: number }; offset: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('messages.office.title')} crumbs={officeCrumbs(ctx, [{ label: t('messages.office.title') }])}>
      <PageHeading title={t('messages.office.title')} lead={t('messages.office.lead')} />
      <p class="kern-body kern-body--bold">{page.total === 0 ? t('messages.office.open.none') : countText(ctx, page.total, { one: 'messages.office.open.one', other: 'messages.office.open.other' })}</p>
      {page.items.length === 0 ? (
        <p class="kern-body">{t('messages.office.empty')}</p>
      ) : (
        <ol class="kern-list">
          {page.items.map((r) => (
            <li key={r.id}>
              <article class="kern-card kp-section" aria-labelledby={`report-${r.id}`}>
                <div class="kern-card__container">
                  <div class="kern-card__header">
                    <h2 class="kern-heading-small" id={`report-${r.id}`}>
                      {t('messages.office.heading', { reporter: nameOf(ctx, r.reporterName) })}
                    </h2>
                    <span class="kern-badge kern-badge--warning">
                      <span class="kern-icon kern-icon--warning kern-icon--small" aria-hidden="true"></span>
                      <span class="kern-label kern-label--small">{t('messages.office.status.open')}</span>
                    </span>
                  </div>
                  <div class="kern-card__body">
                    <dl class="kern-description-list">
                      <div class="kern-description-list-item">
                        <dt class="kern-description-list-item__key">{t('messages.office.reporter')}</dt>
                        <dd class="kern-description-list-item__value">{r.reporterId && r.reporterName ? <a class="kern-link" href={`/geschaeftsstelle/nutzer/${r.reporterId}`}>{r.reporterName}</a> : t('messages.deletedPerson')}</dd>
                      </div>
                      <div class="kern-description-list-item">
                        <dt class="kern-description-list-item__key">{t('messages.office.author')}</dt>
                        <dd class="kern-description-list-item__value">{r.authorId && r.authorName ? <a class="kern-link" href={`/geschaeftsstelle/nutzer/${r.authorId}`}>{r.authorName}</a> : t('messages.deletedPerson')}</dd>
                      </div>
                      <div class="kern-description-list-item">
                        <dt class="kern-description-list-item__key">{t('messages.office.sentAt')}</dt>
                        <dd class="kern-description-list-item__value">
                          <Time ctx={ctx} value={r.messageCreatedAt} />
                        </dd>
                      </div>
                      <div class="kern-description-list-item">
                        <dt class="kern-description-list-item__key">{t('messages.office.reportedAt')}</dt>
                        <dd class="kern-description-list-item__value">
                          <Time ctx={ctx} value={r.createdAt} />
                        </dd>
                      </div>
                    </dl>
                    <h3 class="kern-heading-small">{t('messages.office.message')}</h3>
                    <blockquote class="kp-quote">
                      <PlainText text={r.body} />
                    </blockquote>
                    <h3 class="kern-heading-small">{t('messages.office.reason')}</h3>
                    <PlainText text={r.reason} />
                  </div>
                  <div class="kern-card__footer kp-actions">
                    <ActionButton ctx={ctx} action={`/geschaeftsstelle/nachrichten/${r.id}/erledigt`} label="messages.office.resolve" variant="primary" />
                    <ActionButton ctx={ctx} action={`/geschaeftsstelle/nachrichten/${r.id}/verworfen`} label="messages.office.dismiss" />
                  </div>
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pager ctx={ctx} offset={offset} limit={page.limit} total={page.total} shown={page.items.length} href={(o) => withQuery('/geschaeftsstelle/nachrichten', { offset: o })} />
    </Layout>
  );
}
