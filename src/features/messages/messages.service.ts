/**
 * Use cases of direct messages: start a conversation or continue one, read (marks it read),
 * block and unblock a person, report a message, and the office deciding reports.
 *
 * A conversation exists only for its two participants: anyone else gets 404, the same as for
 * an id that does not exist. Whether a message may be sent is decided inside the sending
 * transaction, under the pair's lock (see messages.repo.ts), so that a block committed before
 * is always seen: a blocked person's new messages never arrive. A new message notifies the
 * recipient in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { enforceLimits } from '../../http/rate-limit.js';
import type { Jobs } from '../../jobs/jobs.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { isOffice } from '../accounts/accounts.policy.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { Viewer } from '../members/members.repo.js';
import { viewerOf } from '../members/members.service.js';
import { notify } from '../notifications/notify.js';
import { mayUseMessages, writeRefusal, type WriteRefusal } from './messages.policy.js';
import * as repo from './messages.repo.js';

export interface MessageDeps {
  db: Kysely<DB>;
  jobs: Jobs;
  config: Pick<Config, 'CONTENT_RATE_LIMIT_PER_MINUTE'>;
}

/** The viewer for messages: only people inside (verified members and partners). */
export function messageViewer(actor: Actor): Viewer {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!mayUseMessages(actor)) throw new AppError('forbidden');
  return viewerOf(actor);
}

const refusalKeys: Record<WriteRefusal, MessageKey> = {
  self: 'messages.error.self',
  notAllowed: 'messages.error.notAllowed',
  blocking: 'messages.error.blocking',
  blockedBy: 'messages.error.blockedBy',
};

/** The error for a refusal; `field` names where a form shows it. */
export function refusalError(refusal: WriteRefusal, field = 'body'): AppError {
  const code = refusal === 'blocking' || refusal === 'blockedBy' ? 'message_blocked' : 'message_not_allowed';
  return new AppError(code, { [field]: refusalKeys[refusal] });
}

export function refusalKey(refusal: WriteRefusal): MessageKey {
  return refusalKeys[refusal];
}

/** A conversation the viewer takes part in, or 404 exactly like a missing one. */
export async function loadConversation(db: Kysely<DB>, actor: Actor, id: string): Promise<repo.ConversationRow> {
  const conversation = await repo.getConversation(db, messageViewer(actor), id);
  if (!conversation) throw new AppError('not_found');
  return conversation;
}

/** Why the viewer cannot write in this conversation now, or null. */
export function conversationRefusal(c: Pick<repo.ConversationRow, 'otherId' | 'writable' | 'blocking' | 'blockedBy'>): WriteRefusal | null {
  if (c.writable) return null;
  if (c.otherId && c.blocking) return 'blocking';
  if (c.otherId && c.blockedBy) return 'blockedBy';
  return 'notAllowed';
}

/** A person the viewer may see (the people rule), for "write a message", or 404. */
export async function loadRecipient(db: Kysely<DB>, actor: Actor, id: string) {
  const person = await repo.findPerson(db, messageViewer(actor), id);
  if (!person) throw new AppError('not_found');
  return person;
}

/** Why the viewer may not write to this person now (fresh facts), or null. */
export async function refusalFor(db: Kysely<DB>, actor: Actor, recipientId: string): Promise<WriteRefusal | null> {
  const viewer = messageViewer(actor);
  const { recipient, relation } = await repo.writeFacts(db, viewer, recipientId);
  return writeRefusal(senderOf(actor), recipient, relation);
}

/** For the "write a message" link on a profile: whether the viewer may write to this person now. */
export async function mayWriteTo(db: Kysely<DB>, actor: Actor, personId: string): Promise<boolean> {
  if (!mayUseMessages(actor)) return false;
  const person = await repo.findPerson(db, viewerOf(actor), personId);
  return Boolean(person?.writable);
}

async function limitSending(deps: MessageDeps, userId: string, newConversation: boolean): Promise<void> {
  const perMinute = deps.config.CONTENT_RATE_LIMIT_PER_MINUTE;
  const rules = [{ key: `message:user:${userId}`, max: perMinute * 3 }];
  if (newConversation) rules.push({ key: `conversation:user:${userId}`, max: perMinute });
  await enforceLimits(deps.db, rules, 60);
}

/** Line breaks as typed in any browser (CRLF) are stored as LF. */
const normalise = (text: string) => text.replace(/\r\n?/g, '\n');

/** Sends under the pair's lock: decides with fresh facts, stores, notifies. */
async function sendLocked(deps: MessageDeps, viewer: Viewer, sender: { id: string; role: Parameters<typeof writeRefusal>[0]['role'] }, recipientId: string, body: string, field: string) {
  return deps.db.transaction().execute(async (trx) => {
    await repo.lockPair(trx, repo.pairKeyOf(viewer.id, recipientId));
    const { recipient, relation } = await repo.writeFacts(trx, viewer, recipientId);
    const refusal = writeRefusal(sender, recipient, relation);
    if (refusal) throw refusalError(refusal, field);
    const conversation = await repo.ensureConversation(trx, viewer.id, recipientId);
    const message = await repo.insertMessage(trx, conversation.id, viewer.id, normalise(body));
    await notify(trx, deps.jobs, [recipientId], { kind: 'message', actorId: viewer.id, conversationId: conversation.id, messageId: message.id });
    return { conversationId: conversation.id, messageId: message.id, created: conversation.created };
  });
}

function senderOf(actor: Actor) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return { id: actor.user.id, role: actor.user.role };
}

/**
 * A message to a person: in the existing conversation of the pair, or in a new one. A person
 * the viewer may not see is 404; one they may see but not write to is refused with a reason.
 */
export async function startConversation(deps: MessageDeps, actor: Actor, recipientId: string, body: string) {
  const viewer = messageViewer(actor);
  const sender = senderOf(actor);
  if (recipientId === viewer.id) throw refusalError('self', 'recipientId');
  const person = await repo.findPerson(deps.db, viewer, recipientId);
  if (!person) throw new AppError('not_found');
  const existing = await repo.conversationWith(deps.db, viewer, recipientId);
  await limitSending(deps, viewer.id, existing === null);
  return sendLocked(deps, viewer, sender, recipientId, body, 'body');
}

/** A reply in a conversation the viewer takes part in. */
export async function sendMessage(deps: MessageDeps, actor: Actor, conversationId: string, body: string) {
  const conversation = await loadConversation(deps.db, actor, conversationId);
  const viewer = messageViewer(actor);
  if (!conversation.otherId) throw refusalError('notAllowed');
  await limitSending(deps, viewer.id, false);
  return sendLocked(deps, viewer, senderOf(actor), conversation.otherId, body, 'body');
}

/** Opening a conversation marks it read. */
export async function markConversationRead(db: Kysely<DB>, actor: Actor, conversationId: string): Promise<void> {
  await repo.markRead(db, conversationId, messageViewer(actor).id);
}

/** Blocks the other person of the conversation: neither side can send to the other from now on. */
export async function blockInConversation(db: Kysely<DB>, actor: Actor, conversationId: string): Promise<void> {
  const conversation = await loadConversation(db, actor, conversationId);
  const viewer = messageViewer(actor);
  if (!conversation.otherId) throw new AppError('conflict');
  const otherId = conversation.otherId;
  await db.transaction().execute(async (trx) => {
    await repo.lockPair(trx, repo.pairKeyOf(viewer.id, otherId));
    await repo.insertBlock(trx, viewer.id, otherId);
  });
}

export async function unblockInConversation(db: Kysely<DB>, actor: Actor, conversationId: string): Promise<void> {
  const conversation = await loadConversation(db, actor, conversationId);
  const viewer = messageViewer(actor);
  if (!conversation.otherId) return;
  await repo.deleteBlock(db, viewer.id, conversation.otherId);
}

/** The message the viewer may report: of the other person, in their conversation; or 404. */
export async function loadReportable(db: Kysely<DB>, actor: Actor, conversationId: string, messageId: string) {
  const conversation = await loadConversation(db, actor, conversationId);
  const message = await repo.getMessage(db, conversation.id, messageId);
  if (!message || message.authorId === messageViewer(actor).id) throw new AppError('not_found');
  return { conversation, message };
}

/** Reports a message of the other person to the office (once per person and message). */
export async function reportMessage(deps: MessageDeps, actor: Actor, conversationId: string, messageId: string, reason: string): Promise<string> {
  const { message } = await loadReportable(deps.db, actor, conversationId, messageId);
  const viewer = messageViewer(actor);
  await enforceLimits(deps.db, [{ key: `content:user:${viewer.id}`, max: deps.config.CONTENT_RATE_LIMIT_PER_MINUTE }], 60);
  const id = await repo.insertReport(deps.db, message.id, viewer.id, normalise(reason));
  if (!id) throw new AppError('conflict', { reason: 'messages.error.alreadyReported' });
  return id;
}

// --- The office ----------------------------------------------------------------------------

function requireOffice(actor: Actor): void {
  if (!isOffice(actor)) throw new AppError('not_found');
}

export async function openReports(db: Kysely<DB>, actor: Actor, offset: number) {
  requireOffice(actor);
  return repo.listOpenReports(db, { offset });
}

/** The office resolves or dismisses an open report; written to the audit log. */
export async function decideReport(db: Kysely<DB>, actor: Actor, id: string, decision: 'resolved' | 'dismissed'): Promise<void> {
  requireOffice(actor);
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  await db.transaction().execute(async (trx) => {
    const report = await repo.closeReport(trx, id, decision, actor.user.id);
    if (!report) throw new AppError('not_found');
    await writeAudit(trx, actor, { action: `message_report.${decision}`, targetType: 'message_report', targetId: report.id, details: { messageId: report.messageId, reporterId: report.reporterId } });
  });
}
