/**
 * Builds a plain-text and an HTML part from catalogue texts. Every user-supplied value is
 * escaped for HTML; the plain-text part is the same content, so nothing hides in one part.
 */
import { translator, type Lang, type MessageKey, type Params } from '../views/i18n/index.js';
import type { OutgoingMail } from './mailer.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface MailContent {
  to: string;
  lang: Lang;
  subject: MessageKey;
  /** Paragraph keys, in order. */
  paragraphs: MessageKey[];
  params: Params;
  /** A call to action: the link and its label. */
  action?: { label: MessageKey; url: string };
}

export function composeMail(content: MailContent): OutgoingMail {
  const t = translator(content.lang);
  const paragraphs = content.paragraphs.map((key) => t(key, content.params));
  const greeting = t('mail.greeting', content.params);
  const footer = t('mail.footer');
  const textParts = [greeting, ...paragraphs];
  if (content.action) textParts.push(`${t(content.action.label)}:\n${content.action.url}`);
  textParts.push(`-- \n${footer}`);
  const htmlParts = [greeting, ...paragraphs].map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  if (content.action) {
    const url = escapeHtml(content.action.url);
    htmlParts.push(`<p><a href="${url}">${escapeHtml(t(content.action.label))}</a></p><p style="font-size:small">${url}</p>`);
  }
  htmlParts.push(`<hr><p style="font-size:small">${escapeHtml(footer)}</p>`);
  return {
    to: content.to,
    subject: t(content.subject, content.params),
    text: textParts.join('\n\n'),
    html: `<!doctype html><html lang="${content.lang}"><head><meta charset="utf-8"><title>${escapeHtml(t(content.subject, content.params))}</title></head><body>${htmlParts.join('\n')}</body></html>`,
  };
}
