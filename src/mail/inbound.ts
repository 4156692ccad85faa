/**
 * The SMTP listener for replies by e-mail (INBOUND_SMTP_PORT; 0 is off). Operators route the
 * reply domain (REPLY_DOMAIN) to it through their MX or relay, which does the spam and sender
 * checks; the listener itself speaks plain SMTP without authentication or TLS.
 *
 * - RCPT TO: only signed reply addresses of our domain are accepted; everything else is
 *   answered 550 (the sending server then tells its user why).
 * - DATA: at most MAX_MESSAGE_BYTES (552 above), parsed with mailparser and handed to the
 *   reply-by-mail use case once per recipient; answered 250 also when the reply is refused
 *   (the sender gets an explaining mail instead), 451 when the database failed (try again).
 */
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import type { Jobs } from '../jobs/jobs.js';
import { replyByMail } from '../features/notifications/reply-by-mail.js';
import { readReplyAddress } from './reply-token.js';

export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** Recipients per message: a reply goes to one reply address; a few more are tolerated. */
const MAX_RECIPIENTS = 10;

export interface InboundLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface InboundDeps {
  config: Config;
  db: Kysely<DB>;
  jobs: Jobs;
  log: InboundLog;
}

export interface InboundListener {
  port: number;
  close(): Promise<void>;
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** Reads the message up to the limit; what comes beyond it is counted by smtp-server, not kept. */
function readMessage(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    stream.on('data', (chunk: Buffer) => {
      if (length <= MAX_MESSAGE_BYTES) chunks.push(chunk);
      length += chunk.length;
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startInboundSmtp(deps: InboundDeps): Promise<InboundListener> {
  const { config, log } = deps;

  async function onData(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const raw = await readMessage(stream);
    if (stream.sizeExceeded) throw smtpError(552, '5.3.4 Message too large');
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const rawHash = createHash('sha256').update(raw).digest('hex');
    const seen = new Set<string>();
    for (const rcpt of session.envelope.rcptTo) {
      const token = readReplyAddress(config, rcpt.address);
      if (!token || seen.has(`${token.postId}.${token.userId}`)) continue;
      seen.add(`${token.postId}.${token.userId}`);
      const result = await replyByMail(deps, { envelopeFrom, parsed, rawHash }, token);
      log.info({ inbound: result.outcome, ...('reason' in result ? { reason: result.reason } : {}), ...('why' in result ? { why: result.why } : {}), postId: token.postId }, 'reply by e-mail');
    }
  }

  const server = new SMTPServer({
    name: config.replyDomain || 'localhost',
    banner: 'Knotenpunkt',
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    maxClients: 50,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    logger: false,
    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) return callback(smtpError(452, '4.5.3 Too many recipients'));
      if (!readReplyAddress(config, address.address)) {
        return callback(smtpError(550, '5.1.1 Unknown or invalid reply address. Diese Antwortadresse ist ungueltig oder nicht mehr gueltig; bitte antworten Sie auf der Plattform.'));
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      onData(stream, session).then(
        () => callback(),
        (error: unknown) => {
          if (error instanceof Error && 'responseCode' in error) return callback(error);
          log.error({ err: error }, 'reply by e-mail failed');
          // Drain what is left so that the answer reaches the client after the message.
          stream.resume();
          callback(smtpError(451, '4.3.0 Temporary failure, please try again later'));
        },
      );
    },
  });
  server.on('error', (error) => log.warn({ err: error }, 'inbound smtp'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(config.INBOUND_SMTP_PORT, config.INBOUND_SMTP_HOST, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
