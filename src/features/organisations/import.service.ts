/**
 * Importing organisations from CSV: parse, preview line by line (create, update or refuse,
 * with reasons), and write only when the office confirms. The preview is computed again at
 * confirmation, inside the transaction, so that what is written is what the rules allow now.
 *
 * Columns (header row, `,` or `;`): name, short_name, level, state, type, domains (separated
 * by spaces or `|`), parent (name of an organisation in the directory or earlier in the
 * file), allow_subdomains (ja/nein, yes/no, true/false).
 */
import { parse } from 'csv-parse/sync';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Level } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import { normaliseDomain } from '../../lib/email.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { writeAudit } from '../audit/audit.repo.js';
import { canManageOrganisations } from '../accounts/accounts.policy.js';
import { levels, organisationTypes, states } from './organisations.schema.js';

export const MAX_IMPORT_ROWS = 2000;
export const MAX_IMPORT_BYTES = 1024 * 1024;

export type ImportAction = 'create' | 'update' | 'refuse';
export interface ImportProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}
export interface PreviewLine {
  line: number;
  name: string;
  action: ImportAction;
  problems: ImportProblem[];
  domains: string[];
}

type Row = Record<string, string>;

const levelAliases: Record<string, Level> = { bund: 'bund', land: 'land', kommune: 'kommune', sonstige: 'sonstige', 'sonstige öffentliche stelle': 'sonstige' };
const yes = new Set(['ja', 'yes', 'true', '1', 'x']);

/** Parses the CSV text into rows keyed by lower-case header names. */
export function parseOrganisationCsv(text: string): Row[] {
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) throw new AppError('validation_failed', { file: 'import.error.tooLarge' });
  let records: Row[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter: [';', ','],
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      max_record_size: 10_000,
    });
  } catch {
    throw new AppError('validation_failed', { file: 'import.error.unreadable' });
  }
  if (records.length === 0) throw new AppError('validation_failed', { file: 'import.error.empty' });
  if (records.length > MAX_IMPORT_ROWS) throw new AppError('validation_failed', { file: 'import.error.tooMany' }, { max: MAX_IMPORT_ROWS });
  if (!('name' in records[0]!)) throw new AppError('validation_failed', { file: 'import.error.header' });
  return records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v ?? '').slice(0, 500)])));
}

/** Decides, line by line, what an import would do. Reads only. */
export async function previewImport(db: Kysely<DB> | Transaction<DB>, rows: Row[]): Promise<PreviewLine[]> {
  const existing = await db.selectFrom('organisations').select(['id', sql<string>`lower(name)`.as('key')]).execute();
  const byName = new Map(existing.map((o) => [o.key, o.id]));
  const owners = new Map((await db.selectFrom('organisationDomains').select(['domain', 'organisationId']).execute()).map((d) => [d.domain, d.organisationId]));
  const seenNames = new Map<string, number>();
  const seenDomains = new Map<string, number>();
  const lines: PreviewLine[] = [];
  rows.forEach((row, index) => {
    const line = index + 2; // the header is line 1
    const name = (row.name ?? '').replace(/\s+/g, ' ').trim();
    const problems: ImportProblem[] = [];
    if (!name) problems.push({ key: 'import.problem.name' });
    if (name.length > 200) problems.push({ key: 'import.problem.nameLength' });
    const key = name.toLowerCase();
    const earlier = seenNames.get(key);
    if (name && earlier) problems.push({ key: 'import.problem.duplicate', params: { line: earlier } });
    const level = levelAliases[(row.level ?? '').toLowerCase()];
    if (!level) problems.push({ key: 'import.problem.level', params: { value: row.level ?? '' } });
    const state = (row.state ?? '').toUpperCase();
    if (state && !(states as readonly string[]).includes(state)) problems.push({ key: 'import.problem.state', params: { value: row.state ?? '' } });
    const type = (row.type ?? 'sonstige').toLowerCase() || 'sonstige';
    if (!(organisationTypes as readonly string[]).includes(type)) problems.push({ key: 'import.problem.type', params: { value: row.type ?? '' } });
    const parent = (row.parent ?? '').trim().toLowerCase();
    if (parent && !byName.has(parent) && !seenNames.has(parent)) problems.push({ key: 'import.problem.parent', params: { value: row.parent ?? '' } });
    const targetId = byName.get(key);
    const domains: string[] = [];
    for (const raw of (row.domains ?? '').split(/[\s|]+/).filter(Boolean)) {
      const domain = normaliseDomain(raw);
      if (!domain) {
        problems.push({ key: 'import.problem.domain', params: { value: raw } });
        continue;
      }
      const owner = owners.get(domain);
      const inFile = seenDomains.get(domain);
      if (owner && owner !== targetId) problems.push({ key: 'import.problem.domainTaken', params: { value: domain } });
      else if (inFile) problems.push({ key: 'import.problem.domainTwice', params: { value: domain, line: inFile } });
      else domains.push(domain);
    }
    if (name && !earlier) seenNames.set(key, line);
    for (const d of domains) seenDomains.set(d, line);
    lines.push({ line, name, action: problems.length ? 'refuse' : targetId ? 'update' : 'create', problems, domains });
  });
  void levels;
  return lines;
}

export async function storeImport(db: Kysely<DB>, actor: Actor, filename: string | null, rows: Row[]): Promise<string> {
  if (!canManageOrganisations(actor) || actor.kind !== 'user') throw new AppError('not_found');
  const id = newId();
  await db.insertInto('organisationImports').values({ id, filename: filename?.slice(0, 200) ?? null, rows: JSON.stringify(rows), createdBy: actor.user.id }).execute();
  return id;
}

export async function loadImport(db: Kysely<DB>, actor: Actor, id: string) {
  if (!canManageOrganisations(actor)) throw new AppError('not_found');
  const row = await db.selectFrom('organisationImports').select(['id', 'filename', 'rows', 'appliedAt']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** Writes the lines that may be written, in one transaction; refused lines change nothing. */
export async function applyImport(db: Kysely<DB>, actor: Actor, id: string): Promise<{ created: number; updated: number; refused: number }> {
  if (!canManageOrganisations(actor) || actor.kind !== 'user') throw new AppError('not_found');
  const userId = actor.user.id;
  const counts = await db.transaction().execute(async (trx) => {
    const stored = await trx.selectFrom('organisationImports').select(['rows', 'appliedAt']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!stored) throw new AppError('not_found');
    if (stored.appliedAt) throw new AppError('conflict');
    const lines = await previewImport(trx, stored.rows);
    const ids = new Map((await trx.selectFrom('organisations').select(['id', sql<string>`lower(name)`.as('key')]).execute()).map((o) => [o.key, o.id]));
    const counts = { created: 0, updated: 0, refused: 0 };
    for (const [index, line] of lines.entries()) {
      if (line.action === 'refuse') {
        counts.refused++;
        continue;
      }
      const row = stored.rows[index]!;
      const parentKey = (row.parent ?? '').trim().toLowerCase();
      const values = {
        name: line.name,
        shortName: row.short_name ? row.short_name.slice(0, 40) : null,
        level: levelAliases[(row.level ?? '').toLowerCase()]!,
        state: row.state ? row.state.toUpperCase() : null,
        type: (row.type ?? 'sonstige').toLowerCase() || 'sonstige',
        allowSubdomains: yes.has((row.allow_subdomains ?? '').toLowerCase()),
        parentId: parentKey ? (ids.get(parentKey) ?? null) : null,
        updatedBy: userId,
      };
      let orgId = ids.get(line.name.toLowerCase());
      if (orgId) {
        await trx.updateTable('organisations').set({ ...values, updatedAt: new Date() }).where('id', '=', orgId).execute();
        counts.updated++;
      } else {
        orgId = newId();
        await trx.insertInto('organisations').values({ id: orgId, ...values, createdBy: userId }).execute();
        ids.set(line.name.toLowerCase(), orgId);
        counts.created++;
      }
      for (const domain of line.domains) {
        await trx.insertInto('organisationDomains').values({ domain, organisationId: orgId, createdBy: userId }).onConflict((oc) => oc.column('domain').doNothing()).execute();
      }
    }
    await trx.updateTable('organisationImports').set({ appliedAt: new Date() }).where('id', '=', id).execute();
    return counts;
  });
  await writeAudit(db, actor, { action: 'organisation.import', targetType: 'import', targetId: id, details: counts });
  return counts;
}
