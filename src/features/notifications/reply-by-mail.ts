/**
 * Replying by e-mail: a mail that arrived at a signed reply address (src/mail/reply-token.ts)
 * becomes a reply to the post, written by the person the address was made for, through the
 * same use case as the reply form (`createReply`: membership, lock, visibility, rate limit).
 *
 * - Automatic mail (out-of-office notes, bounces, lists) is dropped without an answer, so that
 *   two robots never write to each other for ever.
 * - The same message (by Message-ID, or by its bytes when it has none) is handled once: a row
 *   `inbound:…` in the mail log claims it before anything is posted or answered.
 * - Only the person's own address may use their reply address; quoted text and signatures are
 *   cut off.
 * - Whatever is refused posts nothing and is answered with a mail to the sender (German first,
 *   English second) that says why in general terms and never repeats anything of the post.
 */
import { createRequire } from 'node:module';
import { sql, type Kysely } from 'kysely';
import type { AddressObject, ParsedMail } from 'mailparser';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import type { Jobs } from '../../jobs/jobs.js';
import { sha256 } from '../../lib/ids.js';
import { renderMail, type MailBlock } from '../../mail/compose.js';
import { translator, type MessageKey, type T } from '../../views/i18n/index.js';
import { isInside } from '../accounts/accounts.policy.js';
import { createReply } from '../communities/posts.service.js';

// email-reply-parser is CommonJS without types: one class with `parseReply(text): string`.
const require = createRequire(import.meta.url);
const EmailReplyParser = require('email-reply-parser') as new () => { parseReply(text: string): string };

/** Replies hold at most this many characters, like the reply form. */
export const MAX_REPLY_LENGTH = 20000;

export interface ReplyByMailDeps {
  db: Kysely<DB>;
  config: Config;
  jobs: Jobs;
}

export interface InboundMail {
  /** The envelope sender (MAIL FROM); '' for the null sender `<>` of bounces. */
  envelopeFrom: string;
  parsed: ParsedMail;
  /** sha256 of the raw message: names the message when it has no Message-ID. */
  rawHash: string;
}

export type RefusalReason = 'wrongSender' | 'invalidAddress' | 'unavailable' | 'locked' | 'noPermission' | 'empty' | 'tooLong' | 'rateLimited' | 'invalid';

export type ReplyByMailOutcome =
  | { outcome: 'posted'; replyId: string }
  | { outcome: 'refused'; reason: RefusalReason }
  /** Automatic mail, or no sender to answer: nothing posted, nothing answered. */
  | { outcome: 'ignored'; why: 'automatic' | 'noSender' }
  /** The same message again: handled before. */
  | { outcome: 'duplicate' };

// --- Automatic mail -----------------------------------------------------------------------------

function headerText(parsed: ParsedMail, name: string): string {
  const value = parsed.headers.get(name);
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in value && typeof value.value === 'string') return value.value;
  return String(value);
}

function fromAddresses(parsed: ParsedMail): { address: string; name: string }[] {
  const from: AddressObject[] = parsed.from ? [parsed.from] : [];
  return from.flatMap((a) => a.value).map((a) => ({ address: (a.address ?? '').trim(), name: (a.name ?? '').trim() }));
}

const ROBOT_LOCAL_PARTS = /^(mailer-daemon|postmaster)$/i;

function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at);
}

/** Mails written by programs (RFC 3834 and the headers in common use): never answered, never posted. */
export function isAutomatic(mail: InboundMail, ownAddress: string): boolean {
  const { parsed } = mail;
  if (mail.envelopeFrom.trim() === '' || ROBOT_LOCAL_PARTS.test(localPart(mail.envelopeFrom))) return true;
  const autoSubmitted = headerText(parsed, 'auto-submitted').split(';')[0]!.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (/^(bulk|junk|list|auto_reply)$/i.test(headerText(parsed, 'precedence').trim())) return true;
  if (headerText(parsed, 'x-autoreply') || headerText(parsed, 'x-autorespond') || headerText(parsed, 'x-autoresponse')) return true;
  if (/^multipart\/report$/i.test(headerText(parsed, 'content-type').trim())) return true;
  for (const { address } of fromAddresses(parsed)) {
    if (ROBOT_LOCAL_PARTS.test(localPart(address))) return true;
    // Our own mail coming back (a forwarding loop).
    if (ownAddress && address.toLowerCase() === ownAddress) return true;
  }
  return false;
}

/** The address in MAIL_FROM ("Knotenpunkt <no-reply@…>"), lower case. */
function ownAddressOf(config: Config): string {
  const match = /<([^<>]+)>\s*$/.exec(config.MAIL_FROM);
  return (match ? match[1]! : config.MAIL_FROM).trim().toLowerCase();
}

// --- Cutting quotes and signatures --------------------------------------------------------------

const SEPARATOR = /^\s*-{2,}\s*(Ursprüngliche Nachricht|Originalnachricht|Original[- ]Nachricht|Weitergeleitete Nachricht|Original Message|Forwarded message)\s*-{2,}\s*$/i;
const OUTLOOK_RULE = /^\s*_{10,}\s*$/;
const HEADER_FROM = /^\s*[*]{0,2}(Von|From|De)\s*:/i;
const HEADER_NEXT = /^\s*[*]{0,2}(Gesendet|Sent|Datum|Date|An|To|Betreff|Subject|Cc)\s*:/i;
const SIGNATURE = /^--\s*$/;
const WROTE_DE = /^Am\s.{3,300}\sschrieb\b.{0,300}:$/;
const WROTE_EN = /^On\s.{3,300}\swrote:$/;

/** Where the quoted or signed part starts: the index of its first line, or the number of lines. */
function cutIndex(lines: string[]): number {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (SEPARATOR.test(line) || OUTLOOK_RULE.test(line) || SIGNATURE.test(line.trimEnd())) return i;
    // "Von: … / Gesendet: …" (Outlook): a From line followed by further header lines.
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 4).some((next) => HEADER_NEXT.test(next))) return i;
    // "Am 12.03.2025 um 10:15 schrieb Erika Muster <erika@…>:" (or "On … wrote:"), wrapped over up to three lines.
    if (/^\s*(Am|On)\s/.test(line)) {
      for (let n = 1; n <= 3 && i + n <= lines.length; n += 1) {
        const joined = lines.slice(i, i + n).map((l) => l.trim()).join(' ');
        if ((WROTE_DE.test(joined) || WROTE_EN.test(joined)) && /[\d@]/.test(joined)) return i;
      }
    }
  }
  return lines.length;
}

/**
 * The person's own words: the text part (mailparser converts an HTML-only mail to text, with
 * blockquotes as "> " lines), without the quoted mail, quoted lines and the signature.
 */
export function extractReplyText(parsed: Pick<ParsedMail, 'text'>): string {
  const text = (parsed.text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    // control characters other than tab and newline
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  const lines = text.split('\n');
  const own = lines.slice(0, cutIndex(lines)).filter((line) => !/^\s*>/.test(line));
  const cut = new EmailReplyParser().parseReply(own.join('\n'));
  return cut
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// --- The refusal mail ---------------------------------------------------------------------------

const REASON_KEYS: Record<RefusalReason, MessageKey> = {
  wrongSender: 'inbound.refused.reason.wrongSender',
  invalidAddress: 'inbound.refused.reason.invalidAddress',
  unavailable: 'inbound.refused.reason.unavailable',
  locked: 'inbound.refused.reason.locked',
  noPermission: 'inbound.refused.reason.noPermission',
  empty: 'inbound.refused.reason.empty',
  tooLong: 'inbound.refused.reason.tooLong',
  rateLimited: 'inbound.refused.reason.rateLimited',
  invalid: 'inbound.refused.reason.invalid',
};

/** A Message-ID we may repeat in In-Reply-To: one token in angle brackets, nothing else. */
function safeMessageId(value: string | undefined): string | undefined {
  return value && value.length <= 250 && /^<[^<>\s"\\]+>$/.test(value) ? value : undefined;
}

async function refuse(deps: ReplyByMailDeps, mail: InboundMail, key: string, to: { address: string; userId: string | null; name: string }, reason: RefusalReason): Promise<ReplyByMailOutcome> {
  const params = { name: to.name.slice(0, 100), url: new URL('/', deps.config.baseUrl).toString(), max: MAX_REPLY_LENGTH };
  const [de, en] = [translator('de'), translator('en')];
  // By name only when the sender is the person the address belongs to.
  const greeting: MessageKey = to.userId && to.name ? 'mail.greeting' : 'inbound.refused.greeting';
  // One mail in both languages, German first: the sender may not have an account (or we may not say which).
  const keys: MessageKey[] = [greeting, 'inbound.refused.intro', REASON_KEYS[reason], 'inbound.refused.help'];
  const part = (t: T): MailBlock[] => keys.map((k) => ({ type: 'p', text: t(k, params) }));
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-replied' };
  const inReplyTo = safeMessageId(mail.parsed.messageId);
  if (inReplyTo) Object.assign(headers, { 'In-Reply-To': inReplyTo, References: inReplyTo });
  const composed = renderMail({
    to: to.address,
    lang: 'de',
    subject: `${de('inbound.refused.subject')} / ${en('inbound.refused.subject')}`,
    blocks: [...part(de), { type: 'p', text: '* * *' }, ...part(en)],
    footer: `${de('mail.footer')}\n${en('mail.footer')}`,
    headers,
  });
  await deps.jobs.sendMail(composed, { key: `inbound-refusal:${key.slice('inbound:'.length)}`, userId: to.userId, kind: 'inbound-refusal' });
  return { outcome: 'refused', reason };
}

// --- The use case -------------------------------------------------------------------------------

/** Maps what `createReply` refuses to what the refusal mail says. */
function reasonOf(error: AppError): RefusalReason | null {
  switch (error.code) {
    case 'not_found':
      return 'unavailable';
    case 'forbidden':
    case 'unauthenticated':
      return 'noPermission';
    case 'rate_limited':
      return 'rateLimited';
    case 'validation_failed':
      return error.fields.body === 'post.error.locked' ? 'locked' : 'invalid';
    default:
      return null;
  }
}

/**
 * Handles one mail to one reply address (already verified: `token` comes from
 * `readReplyAddress`). Throws only for failures worth a retry (the database is away); the SMTP
 * listener then answers 451 and the sending server tries again.
 */
export async function replyByMail(deps: ReplyByMailDeps, mail: InboundMail, token: { postId: string; userId: string }): Promise<ReplyByMailOutcome> {
  const { db } = deps;
  if (isAutomatic(mail, ownAddressOf(deps.config))) return { outcome: 'ignored', why: 'automatic' };
  const senders = fromAddresses(mail.parsed);
  const sender = senders[0];
  if (!sender?.address || !sender.address.includes('@')) return { outcome: 'ignored', why: 'noSender' };

  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'organisationId', 'locale', 'suspendedAt'])
    .where('id', '=', token.userId)
    .executeTakeFirst();

  // Claim the message before anything is posted or answered: a second delivery finds the claim.
  const messageName = mail.parsed.messageId?.trim() || `raw:${mail.rawHash}`;
  const key = `inbound:${sha256(`${messageName}\n${token.postId}\n${token.userId}`)}`;
  const claimed = await sql<{ key: string }>`
    insert into mail_log (key, user_id, kind, status, attempts, subject)
    values (${key}, ${user?.id ?? null}, 'inbound', 'sent', 1, null)
    on conflict (key) do nothing
    returning key`.execute(db);
  if (claimed.rows.length === 0) return { outcome: 'duplicate' };

  try {
    const senderMatches = senders.length === 1 && user !== undefined && sender.address.toLowerCase() === user.email.toLowerCase();
    // Never with the name of the person the address belongs to, unless they are the sender.
    const recipient = { address: sender.address, userId: senderMatches ? user.id : null, name: '' };
    if (!user) return await refuse(deps, mail, key, recipient, 'invalidAddress');
    if (!senderMatches) return await refuse(deps, mail, key, recipient, 'wrongSender');
    recipient.name = user.name;
    // Like a session of a suspended person: no actor at all.
    if (user.suspendedAt) return await refuse(deps, mail, key, recipient, 'noPermission');
    const { suspendedAt: _suspended, ...actorUser } = user;
    const actor: Actor = { kind: 'user', user: actorUser, via: 'token', tokenId: 'mail', scopes: ['read', 'write'] };
    // The reply form is for people inside (route access 'inside').
    if (!isInside(actor)) return await refuse(deps, mail, key, recipient, 'noPermission');

    // Replies by mail go to posts that are there for everyone: not to hidden ones (not even by
    // their author or a lead, who could still see them on the platform).
    const post = await db.selectFrom('posts').select(['hiddenAt', 'deletedAt']).where('id', '=', token.postId).executeTakeFirst();
    if (!post || post.deletedAt || post.hiddenAt) return await refuse(deps, mail, key, recipient, 'unavailable');

    const body = extractReplyText(mail.parsed);
    if (!body) return await refuse(deps, mail, key, recipient, 'empty');
    if (body.length > MAX_REPLY_LENGTH) return await refuse(deps, mail, key, recipient, 'tooLong');

    try {
      // A variable, not a literal: the deps grow `jobs` (notifications) without breaking this call.
      const replyDeps = { db, config: deps.config, jobs: deps.jobs };
      const replyId = await createReply(replyDeps, actor, token.postId, { body });
      return { outcome: 'posted', replyId };
    } catch (error) {
      const reason = error instanceof AppError ? reasonOf(error) : null;
      if (!reason) throw error;
      return await refuse(deps, mail, key, recipient, reason);
    }
  } catch (error) {
    // Not handled after all: give the claim back so that the retried delivery is handled.
    await db.deleteFrom('mailLog').where('key', '=', key).execute().catch(() => undefined);
    throw error;
  }
}
