/** The organisation directory for members, and the list parts the office pages share. */
import { CommunityLinks, type CommunityLink } from '../communities/community-links.views.js';
import type { ComponentChildren } from 'preact';
import { TableWrap } from '../../views/components/table.js';
import type { ViewContext } from '../../views/context.js';
import { Facts } from '../../views/components/facts.js';
import { Layout, PageHeading, type Crumb } from '../../views/layout.js';
import { SelectField, SubmitButton, TextField, type FormState, type OptionGroup } from '../../views/components/forms.js';
import type { MessageKey } from '../../views/i18n/index.js';
import type { Level } from '../../db/schema.js';
import { levels, organisationTypes, states, type DirectoryQuery } from './organisations.schema.js';
import { Pager, countText, levelOptions, stateOptions, withQuery } from '../../views/components/list.js';

/** Filters as a plain GET form: name, level, state. */
export function DirectoryFilter({ ctx, action, query }: { ctx: ViewContext; action: string; query: DirectoryQuery }) {
  const { t } = ctx;
  const form: FormState = { values: { q: query.q ?? '', level: query.level ?? '', state: query.state ?? '' }, errors: {} };
  const active = Boolean(query.q || query.level || query.state);
  return (
    <form method="get" action={action} class="kp-filters" role="search" aria-label={t('org.filter.label')}>
      <TextField ctx={ctx} form={form} name="q" type="search" label="org.filter.q" maxLength={100} markOptional={false} />
      <SelectField ctx={ctx} form={form} name="level" label="org.field.level" placeholder="org.filter.allLevels" options={levelOptions(ctx)} markOptional={false} />
      <SelectField ctx={ctx} form={form} name="state" label="org.field.state" placeholder="org.filter.allStates" options={stateOptions(ctx)} markOptional={false} />
      <div class="kern-btn-wrapper">
        <SubmitButton ctx={ctx} label="org.filter.submit" />
        {active ? (
          <a class="kern-btn kern-btn--tertiary" href={action}>
            <span class="kern-label">{t('org.filter.reset')}</span>
          </a>
        ) : null}
      </div>
    </form>
  );
}

export interface OrganisationRow {
  id: string;
  name: string;
  shortName: string | null;
  level: Level;
  state: string | null;
  type: string;
}

/** Label of a stored state or type code; unknown codes are shown as they are. */
export function stateLabel(ctx: ViewContext, state: string | null): string {
  return state && (states as readonly string[]).includes(state) ? ctx.t(`state.${state as (typeof states)[number]}`) : (state ?? '–');
}
export function typeLabel(ctx: ViewContext, type: string): string {
  return (organisationTypes as readonly string[]).includes(type) ? ctx.t(`orgType.${type as (typeof organisationTypes)[number]}`) : type;
}

/** The table of organisations, linking each to `href(id)`. */
export function OrganisationTable({ ctx, rows, href, caption }: { ctx: ViewContext; rows: OrganisationRow[]; href: (id: string) => string; caption: string }) {
  const { t } = ctx;
  return (
    <TableWrap label={caption}>
      <table class="kern-table">
        <caption class="kern-sr-only">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th class="kern-table__cell" scope="col">{t('org.field.name')}</th>
            <th class="kern-table__cell" scope="col">{t('org.field.level')}</th>
            <th class="kern-table__cell" scope="col">{t('org.field.state')}</th>
            <th class="kern-table__cell" scope="col">{t('org.field.type')}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((o) => (
            <tr class="kern-table__row" key={o.id}>
              <th class="kern-table__cell" scope="row">
                <a class="kern-link" href={href(o.id)}>
                  {o.name}
                </a>
                {o.shortName ? <span class="kp-muted"> ({o.shortName})</span> : null}
              </th>
              <td class="kern-table__cell">{t(`level.${o.level}`)}</td>
              <td class="kern-table__cell">{stateLabel(ctx, o.state)}</td>
              <td class="kern-table__cell">{typeLabel(ctx, o.type)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export interface DirectoryPageData {
  items: OrganisationRow[];
  total: number;
  limit: number;
}

export function OrganisationsPage({ ctx, query, page }: { ctx: ViewContext; query: DirectoryQuery; page: DirectoryPageData }) {
  const { t } = ctx;
  const offset = query.offset ?? 0;
  const crumbs: Crumb[] = [{ label: t('nav.home'), href: '/' }, { label: t('org.title') }];
  return (
    <Layout ctx={ctx} title={t('org.title')} crumbs={crumbs}>
      <PageHeading title={t('org.title')} lead={t('org.lead')} />
      <DirectoryFilter ctx={ctx} action="/organisationen" query={query} />
      <p class="kern-body kern-body--bold" id="result-count">
        {countText(ctx, page.total, { one: 'org.count.one', other: 'org.count.other' })}
      </p>
      {page.items.length === 0 ? (
        <p class="kern-body">{t('org.empty')}</p>
      ) : (
        <OrganisationTable ctx={ctx} rows={page.items} href={(id) => `/organisationen/${id}`} caption={t('org.title')} />
      )}
      <Pager
        ctx={ctx}
        offset={offset}
        limit={page.limit}
        total={page.total}
        shown={page.items.length}
        href={(o) => withQuery('/organisationen', { q: query.q, level: query.level, state: query.state, offset: o })}
      />
    </Layout>
  );
}

export interface OrganisationDetailData {
  organisation: OrganisationRow & { parentId: string | null; parentName: string | null };
  children: { items: { id: string; name: string }[]; total: number };
  members: { items: { id: string; name: string }[]; total: number; limit: number };
  communities: CommunityLink[];
}

export function OrganisationPage({ ctx, data, memberOffset }: { ctx: ViewContext; data: OrganisationDetailData; memberOffset: number }) {
  const { t } = ctx;
  const { organisation: o, children, members } = data;
  const crumbs: Crumb[] = [{ label: t('nav.home'), href: '/' }, { label: t('org.title'), href: '/organisationen' }, { label: o.name }];
  const facts: [MessageKey, ComponentChildren][] = [
    ['org.field.shortName', o.shortName ?? '–'],
    ['org.field.level', t(`level.${o.level}`)],
    ['org.field.state', stateLabel(ctx, o.state)],
    ['org.field.type', typeLabel(ctx, o.type)],
    [
      'org.field.parent',
      o.parentId && o.parentName ? (
        <a class="kern-link" href={`/organisationen/${o.parentId}`}>
          {o.parentName}
        </a>
      ) : (
        '–'
      ),
    ],
  ];
  return (
    <Layout ctx={ctx} title={o.name} crumbs={crumbs}>
      <PageHeading title={o.name} />
      <Facts ctx={ctx} items={facts} />
      <section class="kp-section" aria-labelledby="children-title">
        <h2 class="kern-heading-medium" id="children-title">{t('org.children.title')}</h2>
        {children.items.length === 0 ? (
          <p class="kern-body">{t('org.children.empty')}</p>
        ) : (
          <>
            <ul class="kern-list kern-list--bullet">
              {children.items.map((c) => (
                <li key={c.id}>
                  <a class="kern-link" href={`/organisationen/${c.id}`}>
                    {c.name}
                  </a>
                </li>
              ))}
            </ul>
            {children.total > children.items.length ? (
              <p class="kern-body kern-body--small">{t('org.children.capped', { shown: ctx.fmt.number(children.items.length), total: ctx.fmt.number(children.total) })}</p>
            ) : null}
          </>
        )}
      </section>
      <section class="kp-section" aria-labelledby="members-title">
        <h2 class="kern-heading-medium" id="members-title">{t('org.members.title')}</h2>
        <p class="kern-body">{countText(ctx, members.total, { one: 'org.members.count.one', other: 'org.members.count.other' })}</p>
        {members.items.length === 0 ? (
          <p class="kern-body">{t('org.members.empty')}</p>
        ) : (
          <ul class="kern-list kern-list--bullet" id="members">
            {members.items.map((m) => (
              <li key={m.id}>
                <a class="kern-link" href={`/mitglieder/${m.id}`}>
                  {m.name}
                </a>
              </li>
            ))}
          </ul>
        )}
        <Pager
          ctx={ctx}
          offset={memberOffset}
          limit={members.limit}
          total={members.total}
          shown={members.items.length}
          href={(offset) => `${withQuery(`/organisationen/${o.id}`, { offset })}#members-title`}
        />
      </section>
      <CommunityLinks ctx={ctx} title="community.ofOrganisation" items={data.communities} />
    </Layout>
  );
}

export interface OrganisationChoice {
  id: string;
  name: string;
  level: Level;
}

/** Choices for a select, grouped by level, each group in German order. */
export function groupByLevel(ctx: ViewContext, rows: OrganisationChoice[], exclude?: string): OptionGroup[] {
  return levels
    .map((level) => ({ label: ctx.t(`level.${level}`), options: rows.filter((r) => r.level === level && r.id !== exclude).map((r) => ({ value: r.id, label: r.name })) }))
    .filter((g) => g.options.length > 0);
}
