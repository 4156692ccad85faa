/** Texts of the public pages (landing page, legal pages) that the office edits. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Lang } from '../../views/i18n/index.js';

export const sitePages = ['landing', 'imprint', 'privacy', 'accessibility'] as const;
export type SitePage = (typeof sitePages)[number];

export interface PageText {
  title: string;
  body: string;
}

const key = (page: SitePage, lang: Lang) => `page.${page}.${lang}`;

/** The office's text for a page, or undefined where the default from the catalogue applies. */
export async function getPageText(db: Kysely<DB>, page: SitePage, lang: Lang): Promise<PageText | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key(page, lang)).executeTakeFirst();
  return row ? (row.value as PageText) : undefined;
}

export async function setPageText(db: Kysely<DB>, page: SitePage, lang: Lang, text: PageText, userId: string): Promise<void> {
  const value = JSON.stringify(text);
  await db
    .insertInto('settings')
    .values({ key: key(page, lang), value, updatedBy: userId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedBy: userId, updatedAt: new Date() }))
    .execute();
}
