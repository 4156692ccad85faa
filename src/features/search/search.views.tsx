/** The search page (/suche), the search box of the header and the similar-questions box. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { SelectField, SubmitButton, TextField, type FormState } from '../../views/components/forms.js';
import { CursorPager, levelOptions, withQuery } from '../../views/components/list.js';
import { Time } from '../../views/components/time.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS } from './search.query.js';
import { isMarkdownKind, segments, resultPath, type Segment } from './search.present.js';
import { SEARCH_TYPES, type SearchRow, type SimilarQuestion } from './search.repo.js';
import { PERIODS, type SearchOutcome } from './search.service.js';

/** The search box in the header of every page inside the protected space. */
export function HeaderSearch({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <form method="get" action="/suche" role="search" aria-label={t('search.header.label')} class="kp-header-search">
      <label class="kern-sr-only" for="kp-header-q">
        {t('search.header.field')}
      </label>
      <input class="kern-form-input__input" type="search" id="kp-header-q" name="q" maxLength={MAX_QUERY_CHARS} autocomplete="off" />
      <button type="submit" class="kern-btn kern-btn--secondary kern-btn--x-small">
        <span class="kern-icon kern-icon--search" aria-hidden="true"></span>
        <span class="kern-label">{t('search.header.submit')}</span>
      </button>
    </form>
  );
}

function Marked({ parts }: { parts: Segment[] }) {
  return <>{parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

function kindLabel(row: SearchRow): MessageKey {
  if (row.kind === 'reply') return row.accepted ? 'search.kind.acceptedReply' : 'search.kind.reply';
  if (row.kind === 'post') return `search.kind.${row.postType ?? 'discussion'}`;
  return `search.kind.${row.kind}`;
}

function Result({ ctx, row }: { ctx: ViewContext; row: SearchRow }) {
  const { t } = ctx;
  const title = segments(row.titleMarked);
  const snippet = segments(row.snippetMarked, isMarkdownKind(row.kind));
  const meta: (string | preact.JSX.Element)[] = [];
  if (row.communityName && row.kind !== 'community') meta.push(t('search.meta.inCommunity', { community: row.communityName }));
  if (row.level) meta.push(t(`level.${row.level}`));
  if (row.authorName && (row.kind === 'post' || row.kind === 'reply')) meta.push(t('search.meta.by', { name: row.authorName }));
  if (row.kind === 'member' && row.organisationName) meta.push(row.organisationName);
  if ((row.kind === 'post' || row.kind === 'reply') && row.postType === 'question') meta.push(t(row.answered ? 'search.meta.answered' : 'search.meta.open'));
  if (row.kind === 'event' && row.cancelled) meta.push(<strong>{t('search.meta.cancelled')}</strong>);
  return (
    <li class="kp-result kp-search-result">
      <p class="kern-body kern-body--small kp-search-result__kind">
        <span class={`kp-badge kp-badge--${row.kind}`}>{t(kindLabel(row))}</span>
      </p>
      <h3 class="kern-heading-small kp-search-result__title">
        <a class="kern-link" href={resultPath(row)}>
          {row.kind === 'reply' ? (
            <>
              <span class="kern-sr-only">{t('search.kind.reply')}: </span>
              <Marked parts={title} />
            </>
          ) : (
            <Marked parts={title} />
          )}
        </a>
      </h3>
      {snippet.length > 0 ? (
        <p class="kern-body kp-search-result__snippet">
          <Marked parts={snippet} />
        </p>
      ) : null}
      <p class="kern-body kern-body--small kp-muted">
        {meta.map((m, i) => (
          <>
            {i > 0 ? ' · ' : null}
            {m}
          </>
        ))}
        {row.createdAt ? (
          <>
            {meta.length > 0 ? ' · ' : null}
            <Time ctx={ctx} value={row.createdAt} dateOnly />
          </>
        ) : null}
      </p>
    </li>
  );
}

export interface SearchPageProps {
  ctx: ViewContext;
  form: FormState;
  outcome: SearchOutcome;
  communities: { slug: string; name: string }[];
}

const FILTERS = ['typ', 'community', 'ebene', 'zeitraum'] as const;

export function SearchPage({ ctx, form, outcome, communities }: SearchPageProps) {
  const { t } = ctx;
  const { query, status } = outcome;
  const values = form.values as Record<string, string | undefined>;
  const title = query.text ? t('search.titleFor', { q: query.text }) : t('search.title');
  const filtered = FILTERS.some((f) => values[f]);
  const here = (extra: Record<string, string | undefined>) => withQuery('/suche', { q: values.q, typ: values.typ, community: values.community, ebene: values.ebene, zeitraum: values.zeitraum, sortierung: values.sortierung, ...extra });
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('search.title') }]}>
      <PageHeading title={t('search.title')} lead={t('search.lead')} />
      <form method="get" action="/suche" class="kp-filters kp-search-form" role="search" aria-label={t('search.form.label')}>
        <TextField ctx={ctx} form={form} name="q" type="search" label="search.field.q" hint="search.field.q.hint" maxLength={MAX_QUERY_CHARS} markOptional={false} />
        <SelectField ctx={ctx} form={form} name="typ" label="search.field.type" placeholder="search.any" options={SEARCH_TYPES.map((s) => ({ value: s, label: t(`search.type.${s}`) }))} markOptional={false} />
        <SelectField ctx={ctx} form={form} name="community" label="search.field.community" placeholder="search.anyCommunity" options={communities.map((c) => ({ value: c.slug, label: c.name }))} markOptional={false} />
        <SelectField ctx={ctx} form={form} name="ebene" label="search.field.level" placeholder="search.any" options={levelOptions(ctx)} markOptional={false} />
        <SelectField ctx={ctx} form={form} name="zeitraum" label="search.field.period" placeholder="search.any" options={PERIODS.map((p) => ({ value: p, label: t(`search.period.${p}`) }))} markOptional={false} />
        <SelectField ctx={ctx} form={form} name="sortierung" label="search.field.sort" options={[{ value: 'relevanz', label: t('search.sort.relevance') }, { value: 'datum', label: t('search.sort.date') }]} markOptional={false} />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="search.submit" />
        </div>
      </form>

      {query.truncated ? <Alert kind="info" title={t('search.notice.truncated', { chars: MAX_QUERY_CHARS, terms: MAX_QUERY_TERMS })} /> : null}

      {status !== 'ok' ? (
        <div role="status">
          <Alert kind={status === 'empty' ? 'info' : 'warning'} title={t(`search.status.${status}`)} />
        </div>
      ) : (
        <section aria-labelledby="search-results-title">
          <h2 class="kern-heading-medium" id="search-results-title">
            {t('search.results')}
          </h2>
          <div role="status">
            {outcome.correctedText ? (
              <p class="kern-body">
                {t('search.notice.corrected', { q: query.text, corrected: outcome.correctedText })}
              </p>
            ) : null}
            <p class="kern-body">
              {outcome.capped ? t('search.count.capped', { count: ctx.fmt.number(outcome.total) }) : outcome.total === 1 ? t('search.count.one') : t('search.count.other', { count: ctx.fmt.number(outcome.total) })}
            </p>
          </div>
          {outcome.items.length > 0 ? (
            <ol class="kp-result-list" start={outcome.offset + 1}>
              {outcome.items.map((row) => (
                <Result ctx={ctx} row={row} key={`${row.kind}-${row.id}`} />
              ))}
            </ol>
          ) : (
            <Alert kind="info" title={t('search.none.title', { q: query.text })}>
              <ul class="kern-list">
                <li>{t('search.none.spelling')}</li>
                {query.terms.length > 1 ? <li>{t('search.none.fewer')}</li> : null}
                {filtered ? (
                  <li>
                    <a class="kern-link" href={withQuery('/suche', { q: values.q })}>
                      {t('search.none.widen')}
                    </a>
                  </li>
                ) : null}
                <li>
                  <a class="kern-link" href={withQuery('/wer-weiss-was', { q: query.text.slice(0, 100) })}>
                    {t('search.none.experts', { q: query.text })}
                  </a>
                </li>
                <li>
                  <a class="kern-link" href="/communities">
                    {t('search.none.ask')}
                  </a>
                </li>
              </ul>
            </Alert>
          )}
          <CursorPager ctx={ctx} next={outcome.next ? here({ nach: outcome.next }) : null} first={outcome.offset > 0 ? here({}) : null} firstLabel="search.first" nextLabel="search.more" />
        </section>
      )}
    </Layout>
  );
}

/** Similar questions for the question form: a list, or a short "none found" when asked for. */
export function SimilarQuestions({ ctx, questions, checked }: { ctx: ViewContext; questions: SimilarQuestion[]; checked: boolean }) {
  const { t } = ctx;
  if (questions.length === 0) return checked ? <p class="kern-body">{t('search.similar.none')}</p> : null;
  // data-status: the one line the script announces (the list itself is not read out on every pause in typing).
  const status = questions.length === 1 ? t('search.similar.count.one') : t('search.similar.count.other', { count: questions.length });
  return (
    <section class="kp-similar" aria-labelledby="similar-title" data-status={status}>
      <h2 class="kern-heading-small" id="similar-title">
        {t('search.similar.title')}
      </h2>
      <p class="kern-body">{t('search.similar.lead')}</p>
      <ul class="kern-list">
        {questions.map((q) => (
          <li key={q.id}>
            <a class="kern-link" href={`/beitraege/${q.id}`}>
              {q.title}
            </a>{' '}
            <span class="kern-body--small kp-muted">
              ({q.communityName} · {t(q.answered ? 'search.meta.answered' : 'search.meta.open')} · {q.replyCount === 1 ? t('search.similar.replies.one') : t('search.similar.replies.other', { count: ctx.fmt.number(q.replyCount) })})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
