/**
 * Builds a plain-text and an HTML part from blocks. Every user-supplied value is escaped for
 * HTML; the plain-text part carries the same content, so nothing hides in one part.
 */
import { translator, type Lang, type MessageKey, type Params } from '../views/i18n/index.js';
import type { OutgoingMail } from './mailer.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const paragraphHtml = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
/** Escaped text whose http(s) addresses become links (our own footer texts: unsubscribe, settings). */
const linkedHtml = (s: string) => escapeHtml(s).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`).replace(/\n/g, '<br>');

export type MailBlock =
  | { type: 'p'; text: string }
  | { type: 'heading'; text: string }
  /** Someone's words (a post, a reply, a message): set apart, with who wrote them. */
  | { type: 'quote'; by: string; text: string }
  | { type: 'link'; label: string; url: string }
  /** An entry of a digest: a linked title, a line about it, an excerpt. */
  | { type: 'item'; title: string; url: string; meta?: string; excerpt?: string }
  | { type: 'notice'; text: string };

export interface RenderedMail {
  to: string;
  lang: Lang;
  subject: string;
  blocks: MailBlock[];
  /** Replaces the standard footer (e.g. with an unsubscribe link). */
  footer?: string;
  headers?: Record<string, string>;
  replyTo?: string;
}

function blockText(block: MailBlock): string {
  switch (block.type) {
    case 'p':
    case 'notice':
      return block.text;
    case 'heading':
      return `${block.text}\n${'='.repeat(Math.min(block.text.length, 60))}`;
    case 'quote':
      return `${block.by}\n${block.text.split('\n').map((l) => `  ${l}`).join('\n')}`;
    case 'link':
      return `${block.label}:\n${block.url}`;
    case 'item':
      return [`* ${block.title}`, block.meta ? `  ${block.meta}` : '', block.excerpt ? `  ${block.excerpt.replace(/\n/g, '\n  ')}` : '', `  ${block.url}`].filter(Boolean).join('\n');
  }
}

function blockHtml(block: MailBlock): string {
  switch (block.type) {
    case 'p':
      return paragraphHtml(block.text);
    case 'notice':
      return `<p style="border-left:4px solid #888;padding-left:8px">${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h2 style="font-size:1.1em">${escapeHtml(block.text)}</h2>`;
    case 'quote':
      return `<p>${escapeHtml(block.by)}</p><blockquote style="border-left:4px solid #ccc;margin:0 0 1em;padding-left:8px">${paragraphHtml(block.text)}</blockquote>`;
    case 'link': {
      const url = escapeHtml(block.url);
      return `<p><a href="${url}">${escapeHtml(block.label)}</a></p><p style="font-size:small">${url}</p>`;
    }
    case 'item':
      return `<li><a href="${escapeHtml(block.url)}">${escapeHtml(block.title)}</a>${block.meta ? `<br><span style="font-size:small">${escapeHtml(block.meta)}</span>` : ''}${block.excerpt ? `<br>${escapeHtml(block.excerpt).replace(/\n/g, '<br>')}` : ''}</li>`;
  }
}

/** Renders blocks into a mail: consecutive items form one list. */
export function renderMail(content: RenderedMail): OutgoingMail {
  const t = translator(content.lang);
  const footer = content.footer ?? t('mail.footer');
  const text = [...content.blocks.map(blockText), `-- \n${footer}`].join('\n\n');
  const html: string[] = [];
  let inList = false;
  for (const block of content.blocks) {
    if (block.type === 'item' && !inList) html.push('<ul>');
    if (block.type !== 'item' && inList) html.push('</ul>');
    inList = block.type === 'item';
    html.push(blockHtml(block));
  }
  if (inList) html.push('</ul>');
  html.push(`<hr><p style="font-size:small">${linkedHtml(footer)}</p>`);
  return {
    to: content.to,
    subject: content.subject,
    text,
    html: `<!doctype html><html lang="${content.lang}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body>${html.join('\n')}</body></html>`,
    ...(content.headers ? { headers: content.headers } : {}),
    ...(content.replyTo ? { replyTo: content.replyTo } : {}),
  };
}

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

/** A system mail from catalogue texts: greeting, paragraphs, an optional link. */
export function composeMail(content: MailContent): OutgoingMail {
  const t = translator(content.lang);
  const blocks: MailBlock[] = [t('mail.greeting', content.params), ...content.paragraphs.map((key) => t(key, content.params))].map((text) => ({ type: 'p', text }));
  if (content.action) blocks.push({ type: 'link', label: t(content.action.label), url: content.action.url });
  return renderMail({ to: content.to, lang: content.lang, subject: t(content.subject, content.params), blocks });
}
