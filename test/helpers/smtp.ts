/**
 * A real SMTP server in the test process (smtp-server): the app sends to it through
 * nodemailer over TCP, the test reads what arrived, parsed with mailparser. `down()` makes
 * it refuse every message (a 421 at MAIL FROM, as a server in trouble does) until `up()`.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  envelopeTo: string[];
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  replyTo: string;
  headers: ParsedMail['headers'];
  /** Every http(s) link in the plain-text part, in order. */
  links: string[];
  /** Every href in the HTML part, in order. */
  htmlLinks: string[];
  raw: string;
}

export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  to(address: string): ReceivedMail[];
  /** Refuse mail from now on (421), or accept again. */
  down(): void;
  up(): void;
  /** Messages refused while down. */
  refused: number;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let accepting = true;
  const state = { refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!accepting) {
        state.refused += 1;
        const error = Object.assign(new Error('Service not available, try again later'), { responseCode: 421 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const text = parsed.text ?? '';
            const html = typeof parsed.html === 'string' ? parsed.html : '';
            received.push({
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              to: Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? ''),
              from: parsed.from?.text ?? '',
              subject: parsed.subject ?? '',
              text,
              html,
              messageId: parsed.messageId ?? '',
              replyTo: parsed.replyTo?.text ?? '',
              headers: parsed.headers,
              links: [...text.matchAll(/https?:\/\/[^\s>]+/g)].map((m) => m[0]),
              htmlLinks: [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')),
              raw: raw.toString('utf8'),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    to: (address) => received.filter((m) => m.envelopeTo.some((a) => a.toLowerCase() === address.toLowerCase())),
    down: () => {
      accepting = false;
    },
    up: () => {
      accepting = true;
    },
    get refused() {
      return state.refused;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
