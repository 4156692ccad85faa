/**
 * Outgoing mail through nodemailer: SMTP when SMTP_URL is set, otherwise every message is
 * written as an RFC 5322 `.eml` file to DATA_DIR/outbox, where the demo and tests read it.
 */
import nodemailer from 'nodemailer';
import fs from 'node:fs/promises';
import path from 'node:path';
import { newId } from '../lib/ids.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** Message-ID, derived from the mail log key so that a resent mail can be recognised. */
  messageId?: string;
  replyTo?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(opts: { smtpUrl: string; from: string; outboxDir: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: opts.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: opts.from, ...mail });
      await fs.mkdir(opts.outboxDir, { recursive: true });
      // Time first so that a directory listing is in sending order.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${newId()}.eml`;
      await fs.writeFile(path.join(opts.outboxDir, name), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
