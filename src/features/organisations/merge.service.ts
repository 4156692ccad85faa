/** Merging a duplicate organisation into another: people, domains and children move over. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.repo.js';
import { canManageOrganisations } from '../accounts/accounts.policy.js';

export async function mergeOrganisations(db: Kysely<DB>, actor: Actor, sourceId: string, targetId: string): Promise<{ people: number; domains: number }> {
  if (!canManageOrganisations(actor)) throw new AppError('not_found');
  if (sourceId === targetId) throw new AppError('validation_failed', { targetId: 'merge.error.same' });
  const result = await db.transaction().execute(async (trx) => {
    const both = await trx.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [sourceId, targetId]).forUpdate().execute();
    const source = both.find((o) => o.id === sourceId);
    const target = both.find((o) => o.id === targetId);
    if (!source) throw new AppError('not_found');
    if (!target) throw new AppError('validation_failed', { targetId: 'merge.error.target' });
    const people = await trx.updateTable('users').set({ organisationId: targetId, updatedAt: new Date() }).where('organisationId', '=', sourceId).executeTakeFirst();
    const domains = await trx.updateTable('organisationDomains').set({ organisationId: targetId }).where('organisationId', '=', sourceId).executeTakeFirst();
    // Children of the duplicate hang under the target; the target never becomes its own child.
    await trx.updateTable('organisations').set({ parentId: targetId }).where('parentId', '=', sourceId).where('id', '!=', targetId).execute();
    await trx.updateTable('organisations').set({ parentId: null }).where('id', '=', targetId).where('parentId', '=', sourceId).execute();
    await trx.deleteFrom('organisations').where('id', '=', sourceId).execute();
    return { people: Number(people.numUpdatedRows), domains: Number(domains.numUpdatedRows), sourceName: source.name, targetName: target.name };
  });
  await writeAudit(db, actor, {
    action: 'organisation.merge',
    targetType: 'organisation',
    targetId,
    details: { from: sourceId, fromName: result.sourceName, into: result.targetName, people: result.people, domains: result.domains },
  });
  return { people: result.people, domains: result.domains };
}
