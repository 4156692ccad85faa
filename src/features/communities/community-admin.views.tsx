/** The office's community pages (list, proposals, create) and the member's proposal form. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { CheckboxField, CsrfField, ErrorSummary, SubmitButton, TextArea, TextField, fieldId, type FormState } from '../../views/components/forms.js';
import { Facts } from '../../views/components/facts.js';
import { TableWrap } from '../../views/components/table.js';
import { Time } from '../../views/components/time.js';
import { CursorPager, withQuery } from '../../views/components/list.js';
import type { MessageKey } from '../../views/i18n/index.js';
import type { CommunityVisibility } from '../../db/schema.js';
import { officeCrumbs } from '../office/office.views.js';
import { VisibilityBadge } from './communities.views.js';

const LIST = '/geschaeftsstelle/communities';
const visibilities: readonly CommunityVisibility[] = ['open', 'request', 'hidden'];

function Badge({ kind, label }: { kind: 'success' | 'info' | 'warning'; label: string }) {
  return (
    <span class={`kern-badge kern-badge--${kind}`}>
      <span class={`kern-icon kern-icon--${kind} kern-icon--small`} aria-hidden="true"></span>
      <span class="kern-label kern-label--small">{label}</span>
    </span>
  );
}

/** The three visibilities as radio buttons, each with its explanation. */
function VisibilityRadios({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  const error = form.errors.visibility;
  const chosen = form.values.visibility;
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} aria-describedby={error ? 'f-visibility-error' : undefined}>
      <legend class="kern-label">{t('communityAdmin.field.visibility')}</legend>
      {error ? (
        <p class="kern-error" id="f-visibility-error">
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
          <span>{t(error.key, error.params)}</span>
        </p>
      ) : null}
      <div class="kern-fieldset__body" id={fieldId('visibility')}>
        {visibilities.map((v) => (
          <div key={v}>
            <div class="kern-form-check">
              <input
                class={`kern-form-check__radio${error ? ' kern-form-check__radio--error' : ''}`}
                type="radio"
                id={`f-visibility-${v}`}
                name="visibility"
                value={v}
                checked={chosen === v}
                aria-describedby={`f-visibility-${v}-hint`}
              />
              <label class="kern-label" for={`f-visibility-${v}`}>
                {t(`communityAdmin.visibility.${v}`)}
              </label>
            </div>
            <div class="kern-hint" id={`f-visibility-${v}-hint`}>
              {t(`communityAdmin.visibility.${v}Hint`)}
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

// --- The list with the proposals first ------------------------------------------------------------

export interface ProposalRow {
  id: string;
  name: string;
  description: string;
  visibility: CommunityVisibility;
  proposalReason: string | null;
  createdAt: Date;
  proposerId: string | null;
  proposerName: string | null;
  topics: string[];
}

export interface CommunityRow {
  id: string;
  slug: string;
  name: string;
  visibility: CommunityVisibility;
  partnersAllowed: boolean;
  memberCount: number;
  lastActivityAt: Date;
}

/** The form of a proposal that came back with an error, if any. */
export interface ProposalDecision {
  id: string;
  form: FormState;
}

function ProposalCard({ ctx, proposal: p, form }: { ctx: ViewContext; proposal: ProposalRow; form: FormState }) {
  const { t } = ctx;
  const none = t('communityAdmin.proposals.none');
  const headingId = `proposal-${p.id}`;
  const messageId = `f-message-${p.id}`;
  const error = form.errors.message;
  const message = form.values.message;
  const facts: [MessageKey, ComponentChildren][] = [
    [
      'communityAdmin.proposals.by',
      p.proposerId ? (
        <a class="kern-link" href={`/mitglieder/${p.proposerId}`}>
          {p.proposerName}
        </a>
      ) : (
        none
      ),
    ],
    ['communityAdmin.proposals.at', <Time ctx={ctx} value={p.createdAt} />],
    ['communityAdmin.proposals.visibility', <VisibilityBadge ctx={ctx} visibility={p.visibility} />],
    ['communityAdmin.proposals.topics', p.topics.length ? p.topics.join(', ') : none],
    ['communityAdmin.proposals.description', p.description || none],
    ['communityAdmin.proposals.reason', p.proposalReason ?? none],
  ];
  return (
    <li class="kern-card">
      <div class="kern-card__container">
        <div class="kern-card__header">
          <h3 class="kern-heading-small" id={headingId}>
            {p.name}
          </h3>
        </div>
        <div class="kern-card__body">
          <Facts ctx={ctx} items={facts} />
          <form method="post" action={`${LIST}/vorschlaege/${p.id}`} class="kp-form" novalidate>
            <CsrfField ctx={ctx} />
            <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
              <label class="kern-label" for={messageId}>
                {t('communityAdmin.proposals.message')}
                <span class="kern-label__optional"> – {t('form.optional')}</span>
              </label>
              <div class="kern-hint" id={`${messageId}-hint`}>
                {t('communityAdmin.proposals.messageHint')}
              </div>
              {error ? (
                <p class="kern-error" id={`${messageId}-error`}>
                  <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                  <span>{t(error.key, error.params)}</span>
                </p>
              ) : null}
              <textarea
                class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
                id={messageId}
                name="message"
                rows={3}
                maxLength={2000}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `${messageId}-hint ${messageId}-error` : `${messageId}-hint`}
              >
                {typeof message === 'string' ? message : ''}
              </textarea>
            </div>
            <div class="kern-btn-wrapper">
              <button class="kern-btn kern-btn--primary" type="submit" name="decision" value="approve" aria-describedby={headingId}>
                <span class="kern-label">{t('communityAdmin.proposals.approve')}</span>
              </button>
              <button class="kern-btn kern-btn--secondary" type="submit" name="decision" value="decline" aria-describedby={headingId}>
                <span class="kern-label">{t('communityAdmin.proposals.decline')}</span>
              </button>
            </div>
          </form>
        </div>
      </div>
    </li>
  );
}

function CommunityTable({ ctx, rows }: { ctx: ViewContext; rows: CommunityRow[] }) {
  const { t } = ctx;
  const caption = t('communityAdmin.list.title');
  return (
    // Named apart from the section around it, so that the two landmarks keep unique names.
    <TableWrap label={t('communityAdmin.list.table')}>
      <table class="kern-table">
        <caption class="kern-sr-only">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th class="kern-table__cell" scope="col">{t('communityAdmin.list.name')}</th>
            <th class="kern-table__cell" scope="col">{t('communityAdmin.list.address')}</th>
            <th class="kern-table__cell" scope="col">{t('communityAdmin.list.visibility')}</th>
            <th class="kern-table__cell kern-table__cell--numeric" scope="col">{t('communityAdmin.list.members')}</th>
            <th class="kern-table__cell" scope="col">{t('communityAdmin.list.activity')}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((c) => (
            <tr class="kern-table__row" key={c.id}>
              <th class="kern-table__cell" scope="row">
                <a class="kern-link" href={`/communities/${c.slug}`}>
                  {c.name}
                </a>
              </th>
              <td class="kern-table__cell">{c.slug}</td>
              <td class="kern-table__cell">
                <span class="kp-actions">
                  <VisibilityBadge ctx={ctx} visibility={c.visibility} />
                  {c.partnersAllowed ? <Badge kind="info" label={t('communityAdmin.badge.partners')} /> : null}
                </span>
              </td>
              <td class="kern-table__cell kern-table__cell--numeric">{ctx.fmt.number(c.memberCount)}</td>
              <td class="kern-table__cell">
                <Time ctx={ctx} value={c.lastActivityAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function CommunitiesAdminPage({
  ctx,
  proposals,
  page,
  cursor,
  decision,
}: {
  ctx: ViewContext;
  proposals: ProposalRow[];
  page: { items: CommunityRow[]; total: number; nextCursor: string | null };
  cursor?: string;
  decision?: ProposalDecision;
}) {
  const { t } = ctx;
  const title = t('communityAdmin.title');
  const empty: FormState = { values: {}, errors: {} };
  return (
    <Layout ctx={ctx} title={title} crumbs={officeCrumbs(ctx, [{ label: t('office.section.communities') }])}>
      <PageHeading title={title} lead={t('communityAdmin.lead')} />
      <div class="kern-btn-wrapper">
        <a class="kern-btn kern-btn--primary" href={`${LIST}/neu`}>
          <span class="kern-icon kern-icon--add" aria-hidden="true"></span>
          <span class="kern-label">{t('communityAdmin.create')}</span>
        </a>
        <a class="kern-btn kern-btn--secondary" href="/moderation">
          <span class="kern-label">{t('communityAdmin.reports')}</span>
        </a>
      </div>
      {cursor ? null : (
        <section class="kp-section" aria-labelledby="proposals-title">
          <h2 class="kern-heading-medium" id="proposals-title">{t('communityAdmin.proposals.title')}</h2>
          {proposals.length === 0 ? (
            <p class="kern-body">{t('communityAdmin.proposals.empty')}</p>
          ) : (
            <>
              <p class="kern-body kern-body--bold">{t('communityAdmin.proposals.count', { count: ctx.fmt.number(proposals.length) })}</p>
              {decision?.form.errors.message ? (
                // The summary links to the message field of the proposal that came back.
                <ErrorSummary ctx={ctx} form={{ values: {}, errors: { [`message-${decision.id}`]: decision.form.errors.message } }} labels={{ [`message-${decision.id}`]: 'communityAdmin.proposals.message' }} />
              ) : null}
              <ol class="kp-card-grid">
                {proposals.map((p) => (
                  <ProposalCard key={p.id} ctx={ctx} proposal={p} form={decision?.id === p.id ? decision.form : empty} />
                ))}
              </ol>
            </>
          )}
        </section>
      )}
      <section class="kp-section" aria-labelledby="communities-title">
        <h2 class="kern-heading-medium" id="communities-title">{t('communityAdmin.list.title')}</h2>
        <p class="kern-body kern-body--bold">{t('communityAdmin.list.count', { count: ctx.fmt.number(page.total) })}</p>
        {page.items.length === 0 ? <p class="kern-body">{t('communityAdmin.list.empty')}</p> : <CommunityTable ctx={ctx} rows={page.items} />}
        <CursorPager ctx={ctx} next={page.nextCursor ? withQuery(LIST, { cursor: page.nextCursor }) : null} first={cursor ? LIST : null} />
      </section>
    </Layout>
  );
}

// --- Create (office) and propose (member) --------------------------------------------------------

const createLabels: Record<string, MessageKey> = {
  name: 'communityAdmin.field.name',
  slug: 'communityAdmin.field.slug',
  description: 'communityAdmin.field.description',
  guidelines: 'communityAdmin.field.guidelines',
  topics: 'communityAdmin.field.topics',
  visibility: 'communityAdmin.field.visibility',
  partnersAllowed: 'communityAdmin.field.partnersAllowed',
  chathamHouse: 'communityAdmin.field.chathamHouse',
  lead: 'communityAdmin.field.lead',
};

/** The community form: creating (office, with slug and first lead) or changing its settings (leads and office). */
export function NewCommunityPage({ ctx, form, edit }: { ctx: ViewContext; form: FormState; edit?: { slug: string; name: string; slugEditable: boolean } }) {
  const { t } = ctx;
  const title = edit ? t('communityAdmin.edit.title', { name: edit.name }) : t('communityAdmin.new.title');
  const crumbs = edit
    ? [{ label: t('nav.home'), href: '/' }, { label: t('community.list.title'), href: '/communities' }, { label: edit.name, href: `/communities/${edit.slug}` }, { label: t('communityAdmin.edit.crumb') }]
    : officeCrumbs(ctx, [{ label: t('office.section.communities'), href: LIST }, { label: title }]);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs}>
      <PageHeading title={title} lead={edit ? undefined : t('communityAdmin.new.lead')} />
      <ErrorSummary ctx={ctx} form={form} labels={createLabels} />
      <form method="post" action={edit ? `/communities/${edit.slug}/einstellungen` : `${LIST}/neu`} class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="name" label="communityAdmin.field.name" hint="communityAdmin.field.nameHint" maxLength={120} required />
        {!edit || edit.slugEditable ? <TextField ctx={ctx} form={form} name="slug" label="communityAdmin.field.slug" hint="communityAdmin.field.slugHint" maxLength={60} autocomplete="off" required /> : null}
        <TextArea ctx={ctx} form={form} name="description" label="communityAdmin.field.description" hint="communityAdmin.field.descriptionHint" maxLength={2000} rows={4} />
        <TextArea ctx={ctx} form={form} name="guidelines" label="communityAdmin.field.guidelines" hint="communityAdmin.field.guidelinesHint" maxLength={10000} rows={8} />
        <TextField ctx={ctx} form={form} name="topics" label="communityAdmin.field.topics" hint="communityAdmin.field.topicsHint" maxLength={1000} tagSuggest />
        <VisibilityRadios ctx={ctx} form={form} />
        <CheckboxField ctx={ctx} form={form} name="partnersAllowed" label="communityAdmin.field.partnersAllowed" hint={edit ? 'communityAdmin.field.partnersAllowedEditHint' : 'communityAdmin.field.partnersAllowedHint'} />
        <CheckboxField ctx={ctx} form={form} name="chathamHouse" label="communityAdmin.field.chathamHouse" hint="communityAdmin.field.chathamHouseHint" defaultChecked={!edit} />
        {edit ? null : <TextField ctx={ctx} form={form} name="lead" type="email" label="communityAdmin.field.lead" hint="communityAdmin.field.leadHint" maxLength={254} autocomplete="off" required />}
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label={edit ? 'communityAdmin.edit.submit' : 'communityAdmin.new.submit'} />
        </div>
      </form>
    </Layout>
  );
}

const proposeLabels: Record<string, MessageKey> = {
  name: 'communityAdmin.field.name',
  description: 'communityAdmin.field.description',
  topics: 'communityAdmin.field.topics',
  visibility: 'communityAdmin.field.visibility',
  reason: 'communityProposal.reason',
};

export function ProposeCommunityPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  const title = t('communityProposal.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('moderation.crumb.communities'), href: '/communities' },
        { label: title },
      ]}
    >
      <PageHeading title={title} lead={t('communityProposal.lead')} />
      <ErrorSummary ctx={ctx} form={form} labels={proposeLabels} />
      <form method="post" action="/communities/vorschlagen" class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="name" label="communityAdmin.field.name" hint="communityAdmin.field.nameHint" maxLength={120} required />
        <TextArea ctx={ctx} form={form} name="description" label="communityAdmin.field.description" hint="communityAdmin.field.descriptionHint" maxLength={2000} rows={4} />
        <TextField ctx={ctx} form={form} name="topics" label="communityAdmin.field.topics" hint="communityAdmin.field.topicsHint" maxLength={1000} tagSuggest />
        <VisibilityRadios ctx={ctx} form={form} />
        <TextArea ctx={ctx} form={form} name="reason" label="communityProposal.reason" hint="communityProposal.reasonHint" maxLength={2000} rows={5} required />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="communityProposal.submit" />
        </div>
      </form>
    </Layout>
  );
}
