/** Reads the real RFC 5322 messages that the app wrote to its outbox. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';

export interface ReadMail {
  file: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  /** Every http(s) link in the plain-text part, in order. */
  links: string[];
}

export class Outbox {
  constructor(readonly dir: string) {}

  async all(): Promise<ReadMail[]> {
    const files = await fs.readdir(this.dir).catch(() => [] as string[]);
    const mails: ReadMail[] = [];
    for (const file of files.filter((f) => f.endsWith('.eml')).sort()) {
      const parsed = await simpleParser(await fs.readFile(path.join(this.dir, file)));
      const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
      const text = parsed.text ?? '';
      mails.push({
        file,
        to,
        from: parsed.from?.text ?? '',
        subject: parsed.subject ?? '',
        text,
        html: typeof parsed.html === 'string' ? parsed.html : '',
        headers: parsed.headers,
        links: [...text.matchAll(/https?:\/\/[^\s>]+/g)].map((m) => m[0]),
      });
    }
    return mails;
  }

  async to(address: string): Promise<ReadMail[]> {
    return (await this.all()).filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
  }

  /** The newest mail to an address; fails the test if there is none. */
  async last(address: string): Promise<ReadMail> {
    const mails = await this.to(address);
    const mail = mails.at(-1);
    if (!mail) throw new Error(`no mail to ${address} in ${this.dir}`);
    return mail;
  }

  /** The first link in the newest mail to an address whose path starts with `prefix`. */
  async link(address: string, prefix: string): Promise<string> {
    const mail = await this.last(address);
    const link = mail.links.find((l) => new URL(l).pathname.startsWith(prefix));
    if (!link) throw new Error(`no link ${prefix}… in the last mail to ${address}: ${mail.links.join(', ')}`);
    return link;
  }
}
