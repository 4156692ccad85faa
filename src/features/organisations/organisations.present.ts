/** JSON shapes of the organisation directory: every field listed, nothing sent as stored. */
import type { Config } from '../../config.js';
import type { Level } from '../../db/schema.js';
import type { OrganisationDetail, OrganisationList, OrganisationSummary } from './organisations.schema.js';

interface SummaryRow {
  id: string;
  name: string;
  shortName: string | null;
  level: Level;
  state: string | null;
  type: string;
}

interface DetailRow extends SummaryRow {
  parentId: string | null;
  parentName: string | null;
}

/** The address of an organisation's page, absolute, for API clients and mails. */
export const organisationUrl = (config: Config, id: string) => new URL(`/organisationen/${encodeURIComponent(id)}`, config.baseUrl).toString();

export function presentOrganisationSummary(config: Config, row: SummaryRow): OrganisationSummary {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    level: row.level,
    state: row.state,
    type: row.type,
    url: organisationUrl(config, row.id),
  };
}

export function presentOrganisationDetail(config: Config, row: DetailRow, children: { items: { id: string; name: string }[]; total: number }): OrganisationDetail {
  return {
    ...presentOrganisationSummary(config, row),
    parent: row.parentId && row.parentName ? { id: row.parentId, name: row.parentName, url: organisationUrl(config, row.parentId) } : null,
    children: children.items.map((c) => ({ id: c.id, name: c.name, url: organisationUrl(config, c.id) })),
    childrenTotal: children.total,
  };
}

export function presentOrganisationList(
  config: Config,
  page: { items: SummaryRow[]; total: number; limit: number },
  query: { q?: string; level?: string; state?: string; offset: number },
): OrganisationList {
  const nextOffset = query.offset + page.limit;
  let next: string | null = null;
  if (nextOffset < page.total) {
    const url = new URL('/api/v1/organisations', config.baseUrl);
    if (query.q) url.searchParams.set('q', query.q);
    if (query.level) url.searchParams.set('level', query.level);
    if (query.state) url.searchParams.set('state', query.state);
    url.searchParams.set('limit', String(page.limit));
    url.searchParams.set('offset', String(nextOffset));
    next = url.toString();
  }
  return { items: page.items.map((row) => presentOrganisationSummary(config, row)), total: page.total, limit: page.limit, offset: query.offset, next };
}
