/**
 * Replying by e-mail, end to end: real SMTP (nodemailer) to the app's listener on a free port,
 * the reply in the database and on the post page, refusals that post nothing and explain
 * themselves by mail without a word of the post, robots that get no answer, and the same
 * message delivered twice (also at the same time) posted once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient } from '../../../test/helpers/client.js';
import { createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { addMembers, createCommunity, createPost } from '../../../test/helpers/communities.js';
import type { ReadMail } from '../../../test/helpers/outbox.js';
import { startInboundSmtp, MAX_MESSAGE_BYTES, type InboundListener } from '../../mail/inbound.js';
import { replyAddress } from '../../mail/reply-token.js';
import { extractReplyText } from './reply-by-mail.js';

let t: TestApp;
let listener: InboundListener;
type User = Awaited<ReturnType<typeof createUser>>;
let author: User, member: User, stranger: User, removed: User, suspended: User;
let post: { id: string }, locked: { id: string }, hidden: { id: string }, requestPost: { id: string }, other: { id: string };

// Words of the posts that no refusal may repeat.
const SECRET_TITLE = 'Zaunkönigprotokoll der Kämmerei';
const SECRET_BODY = 'Wiedehopf-Haushaltsplan';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  t = await createTestApp({ env: { REPLY_DOMAIN: 'antwort.knotenpunkt.example', CONTENT_RATE_LIMIT_PER_MINUTE: 1000 } });
  listener = await startInboundSmtp({ config: t.config, db: t.db, jobs: t.jobs, log: silent });
  author = await createUser(t.db, { name: 'Lea Leitung' });
  member = await createUser(t.db, { name: 'Mia Mitglied' });
  stranger = await createUser(t.db, { name: 'Sven Fremd' });
  removed = await createUser(t.db, { name: 'Rita Raus' });
  suspended = await createUser(t.db, { name: 'Gesa Gesperrt' });
  const open = await createCommunity(t.db, { visibility: 'open', members: [{ userId: author.id, role: 'lead' }, { userId: member.id }, { userId: suspended.id }] });
  const onRequest = await createCommunity(t.db, { visibility: 'request', members: [{ userId: author.id, role: 'lead' }, { userId: removed.id }] });
  post = await createPost(t.db, { communityId: open.id, authorId: author.id, title: SECRET_TITLE, body: `Bitte prüfen: ${SECRET_BODY}` });
  other = await createPost(t.db, { communityId: open.id, authorId: author.id, title: `${SECRET_TITLE} 2`, body: SECRET_BODY });
  locked = await createPost(t.db, { communityId: open.id, authorId: author.id, title: `${SECRET_TITLE} (geschlossen)`, body: SECRET_BODY });
  await t.db.updateTable('posts').set({ lockedAt: new Date() }).where('id', '=', locked.id).execute();
  hidden = await createPost(t.db, { communityId: open.id, authorId: author.id, title: `${SECRET_TITLE} (ausgeblendet)`, body: SECRET_BODY, hidden: 'Spam' });
  requestPost = await createPost(t.db, { communityId: onRequest.id, authorId: author.id, title: `${SECRET_TITLE} (Anfrage)`, body: SECRET_BODY });
  await t.db.updateTable('users').set({ suspendedAt: new Date() }).where('id', '=', suspended.id).execute();
});

afterAll(async () => {
  await listener?.close();
  await t?.close();
});

interface Send {
  from: string;
  to: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  messageId?: string;
  /** The envelope sender; '' is the null sender <> of bounces. */
  envelopeFrom?: string;
  raw?: string;
}

async function send(mail: Send) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({
      from: mail.from,
      to: mail.to,
      subject: `AW: ${SECRET_TITLE}`,
      ...(mail.raw !== undefined ? { raw: mail.raw } : { text: mail.text, html: mail.html }),
      headers: mail.headers,
      messageId: mail.messageId,
      ...(mail.envelopeFrom !== undefined ? { envelope: { from: mail.envelopeFrom, to: mail.to } } : {}),
    });
  } finally {
    transport.close();
  }
}

async function repliesTo(postId: string) {
  return t.db.selectFrom('replies').select(['id', 'body', 'authorId']).where('postId', '=', postId).orderBy('createdAt').execute();
}

let seen = 0;
/** Sends what is queued and returns the mails that arrived since the last call. */
async function newMails(): Promise<ReadMail[]> {
  await t.jobs.drain();
  const all = await t.outbox.all();
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh;
}

function expectNothingOfThePost(mail: ReadMail) {
  for (const part of [mail.subject, mail.text, mail.html]) {
    expect(part).not.toContain('Zaunkönig');
    expect(part).not.toContain('Wiedehopf');
    expect(part).not.toContain('Lea Leitung');
  }
}

const reply = (user: User, p: { id: string }) => replyAddress(t.config, user.id, p.id);

describe('a reply by e-mail', () => {
  it('appears in the thread as the member, without the German quote and the signature', async () => {
    const text = [
      'Danke für den Hinweis, wir machen das in Seitenheim genauso.',
      '',
      'Viele Grüße',
      'Mia',
      '',
      '-- ',
      'Mia Mitglied',
      'Stadt Seitenheim, Amt für Digitales',
      'Tel. 0123 456789',
      '',
      'Am Mi., 12. März 2025 um 10:15 Uhr schrieb Knotenpunkt <',
      'no-reply@knotenpunkt.example>:',
      '',
      `> ${SECRET_TITLE}`,
      `> Bitte prüfen: ${SECRET_BODY}`,
    ].join('\r\n');
    const info = await send({ from: `Mia Mitglied <${member.email.toUpperCase()}>`, to: reply(member, post), text });
    expect(info.accepted).toEqual([reply(member, post)]);
    const rows = await repliesTo(post.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ authorId: member.id, body: 'Danke für den Hinweis, wir machen das in Seitenheim genauso.\n\nViele Grüße\nMia' });
    const reader = new TestClient(t.app);
    await reader.signIn(author.email, TEST_PASSWORD);
    const page = await reader.get(`/beitraege/${post.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('wir machen das in Seitenheim genauso');
    expect(page.body).toContain('Mia Mitglied');
    expect(page.body).not.toContain('Amt für Digitales');
    expect(page.body).not.toContain('schrieb Knotenpunkt');
    const post2 = await t.db.selectFrom('posts').select('replyCount').where('id', '=', post.id).executeTakeFirstOrThrow();
    expect(post2.replyCount).toBe(1);
    // No refusal.
    expect((await newMails()).filter((m) => m.subject.includes('nicht veröffentlicht'))).toEqual([]);
  });

  it('cuts an Outlook header block and an "Ursprüngliche Nachricht" separator', async () => {
    await send({
      from: member.email,
      to: reply(member, post),
      text: ['Outlook-Antwort: einverstanden.', '', '________________________________', `Von: Knotenpunkt <no-reply@knotenpunkt.example>`, 'Gesendet: Mittwoch, 12. März 2025 10:15', 'An: Mia Mitglied', `Betreff: ${SECRET_TITLE}`, '', SECRET_BODY].join('\n'),
    });
    await send({
      from: member.email,
      to: reply(member, post),
      text: ['Zweite Antwort aus Outlook.', '', '-----Ursprüngliche Nachricht-----', 'Von: Knotenpunkt', 'Gesendet: Mittwoch, 12. März 2025 10:15', `Betreff: ${SECRET_TITLE}`, '', SECRET_BODY].join('\n'),
    });
    await send({
      from: member.email,
      to: reply(member, post),
      text: ['Dritte Antwort.', '', 'Von: Knotenpunkt <no-reply@knotenpunkt.example>', 'Gesendet: Mittwoch, 12. März 2025 10:15', `Betreff: ${SECRET_TITLE}`, '', SECRET_BODY].join('\n'),
    });
    const bodies = (await repliesTo(post.id)).map((r) => r.body);
    expect(bodies.slice(1)).toEqual(['Outlook-Antwort: einverstanden.', 'Zweite Antwort aus Outlook.', 'Dritte Antwort.']);
  });

  it('takes the text of an HTML-only mail and leaves out its blockquote', async () => {
    const html = `<div dir="ltr"><p>Antwort <b>in HTML</b>.</p><p>Zweiter Absatz &amp; mehr.</p></div><br><div class="gmail_quote"><div class="gmail_attr">Am Mi., 12. März 2025 um 10:15 Uhr schrieb Knotenpunkt &lt;no-reply@knotenpunkt.example&gt;:<br></div><blockquote class="gmail_quote"><p>${SECRET_BODY}</p></blockquote></div>`;
    await send({ from: member.email, to: reply(member, post), html });
    const last = (await repliesTo(post.id)).at(-1)!;
    expect(last.body).toContain('Antwort in HTML.');
    expect(last.body).toContain('Zweiter Absatz & mehr.');
    expect(last.body).not.toContain('Wiedehopf');
    expect(last.body).not.toContain('schrieb');
  });

  it('keeps the answer below quoted lines', () => {
    expect(extractReplyText({ text: `> ${SECRET_BODY}\n> noch mehr\n\nMeine Antwort unten.` })).toBe('Meine Antwort unten.');
    expect(extractReplyText({ text: 'On Wed, 12 Mar 2025 at 10:15, Knotenpunkt <no-reply@knotenpunkt.example> wrote:\n> x' })).toBe('');
    expect(extractReplyText({ text: 'Am Montag schrieb mir der Bürgermeister:\nDas bleibt stehen.' })).toBe('Am Montag schrieb mir der Bürgermeister:\nDas bleibt stehen.');
  });

  it('posts the same message once, even when it is delivered twice at the same time', async () => {
    const before = (await repliesTo(post.id)).length;
    const messageId = `<doppelt-${Date.now()}@mail.seitenheim.example>`;
    const mail = { from: member.email, to: reply(member, post), text: 'Nur einmal bitte.', messageId };
    await Promise.all([send(mail), send(mail), send(mail)]);
    await send(mail);
    const after = await repliesTo(post.id);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.body).toBe('Nur einmal bitte.');
  });
});

describe('a refused reply', () => {
  async function expectRefused(mail: Send, postId: string, reason: string, to = mail.from) {
    await newMails();
    const before = (await repliesTo(postId)).length;
    const info = await send(mail);
    expect(info.accepted).toHaveLength(1);
    expect(await repliesTo(postId)).toHaveLength(before);
    const mails = await newMails();
    expect(mails).toHaveLength(1);
    const refusal = mails[0]!;
    expect(refusal.to).toContain(to);
    expect(refusal.subject).toBe('Ihre Antwort per E-Mail wurde nicht veröffentlicht / Your reply by email was not published');
    expect(refusal.text).toContain(reason);
    // German first, English second.
    expect(refusal.text.indexOf('Ihre Antwort wurde nicht veröffentlicht')).toBeLessThan(refusal.text.indexOf('Your reply was not published'));
    expect(refusal.html).toContain(reason);
    expect(refusal.headers.get('auto-submitted')).toBe('auto-replied');
    expectNothingOfThePost(refusal);
    return refusal;
  }

  it('from another sender: answered to that sender, without the member’s name', async () => {
    const refusal = await expectRefused({ from: stranger.email, to: reply(member, post), text: 'Ich antworte mit fremder Adresse.' }, post.id, 'gehört zu einem anderen Konto');
    expect(refusal.text).not.toContain('Mia');
    expect(refusal.text).toMatch(/^Guten Tag,\n/);
    expect(refusal.text).not.toContain(stranger.email.split('@')[0]!);
  });

  it('with another person’s valid address (the token of another user)', async () => {
    const refusal = await expectRefused({ from: member.email, to: reply(stranger, post), text: 'Mit Svens Adresse.' }, post.id, 'gehört zu einem anderen Konto');
    expect(refusal.text).not.toContain('Sven');
  });

  it('to a locked post', async () => {
    await expectRefused({ from: member.email, to: reply(member, locked), text: 'Noch ein Nachtrag.' }, locked.id, 'Die Diskussion ist geschlossen');
  });

  it('to a hidden post', async () => {
    await expectRefused({ from: member.email, to: reply(member, hidden), text: 'Antwort auf Ausgeblendetes.' }, hidden.id, 'nicht mehr verfügbar');
  });

  it('from a member removed from a community one joins on request', async () => {
    await t.db.deleteFrom('communityMembers').where('userId', '=', removed.id).execute();
    await expectRefused({ from: removed.email, to: reply(removed, requestPost), text: 'Ich bin nicht mehr dabei.' }, requestPost.id, 'Mitgliedschaft in der Community beendet');
  });

  it('from a suspended person', async () => {
    await expectRefused({ from: suspended.email, to: reply(suspended, post), text: 'Gesperrt.' }, post.id, 'Sie dürfen in dieser Diskussion nicht antworten');
  });

  it('with nothing but a quote and a signature', async () => {
    await expectRefused(
      { from: member.email, to: reply(member, post), text: `\n-- \nMia Mitglied\n\nAm 12.03.2025 um 10:15 schrieb Knotenpunkt <no-reply@knotenpunkt.example>:\n> ${SECRET_BODY}` },
      post.id,
      'keinen eigenen Text',
    );
  });

  it('with a broken token or for an unknown address: rejected at RCPT with 550, nothing posted, nothing sent', async () => {
    await newMails();
    const good = reply(member, post);
    const [local, domain] = good.split('@') as [string, string];
    const [, , sig] = local.split('.') as [string, string, string];
    const bad = [
      `${local.slice(0, -1)}${local.endsWith('A') ? 'B' : 'A'}@${domain}`,
      `${local.slice(0, -3)}@${domain}`,
      // the token of another post
      `antwort+${other.id}.${member.id}.${sig}@${domain}`,
      `${local}@knotenpunkt.example`,
      `info@${domain}`,
      'someone@elsewhere.example',
    ];
    const before = (await repliesTo(post.id)).length + (await repliesTo(other.id)).length;
    for (const to of bad) {
      const error = await send({ from: member.email, to, text: 'Kaputt.' }).then(
        () => null,
        (e: { responseCode?: number; response?: string }) => e,
      );
      expect(error?.responseCode, to).toBe(550);
      expect(error?.response).toContain('ungueltig');
    }
    expect((await repliesTo(post.id)).length + (await repliesTo(other.id)).length).toBe(before);
    expect(await newMails()).toEqual([]);
  });

  it('of the wrong size: 552, nothing posted', async () => {
    const before = (await repliesTo(post.id)).length;
    const error = await send({ from: member.email, to: reply(member, post), text: 'x'.repeat(MAX_MESSAGE_BYTES + 10) }).then(
      () => null,
      (e: { responseCode?: number }) => e,
    );
    expect(error?.responseCode).toBe(552);
    expect(await repliesTo(post.id)).toHaveLength(before);
  });
});

describe('automatic mail', () => {
  it.each([
    ['an out-of-office note', { headers: { 'Auto-Submitted': 'auto-replied' } }],
    ['a generated mail', { headers: { 'Auto-Submitted': 'auto-generated; type=ooo' } }],
    ['bulk mail', { headers: { Precedence: 'bulk' } }],
    ['list mail', { headers: { Precedence: 'list' } }],
    ['junk', { headers: { Precedence: 'junk' } }],
    ['a bounce with the null sender', { envelopeFrom: '' }],
    ['a mail from the mailer-daemon', { envelopeFrom: 'MAILER-DAEMON@mail.seitenheim.example' }],
  ] as const)('is neither posted nor answered: %s', async (_name, extra) => {
    await newMails();
    const before = (await repliesTo(post.id)).length;
    // From another sender, too: a refusal would be due if it were not automatic.
    await send({ from: stranger.email, to: reply(member, post), text: 'Ich bin bis Montag nicht im Büro.', ...extra });
    await send({ from: member.email, to: reply(member, post), text: 'Ich bin bis Montag nicht im Büro.', ...extra });
    expect(await repliesTo(post.id)).toHaveLength(before);
    expect(await newMails()).toEqual([]);
  });

  it('from the mailer-daemon (From header) is not answered either', async () => {
    await newMails();
    await send({ from: 'Mail Delivery System <mailer-daemon@mail.seitenheim.example>', to: reply(member, post), text: 'Delivery failed.' });
    expect(await newMails()).toEqual([]);
  });

  it('but "Auto-Submitted: no" is a person writing', async () => {
    const before = (await repliesTo(post.id)).length;
    await send({ from: member.email, to: reply(member, post), text: 'Von Hand geschrieben.', headers: { 'Auto-Submitted': 'no' } });
    expect(await repliesTo(post.id)).toHaveLength(before + 1);
  });

  it('leaves a trace of every handled message in the mail log, not its content', async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from mail_log where kind = 'inbound' and subject is null`.execute(t.db);
    expect(rows[0]!.n).toBeGreaterThan(5);
  });
});
