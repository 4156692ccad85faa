/**
 * Markdown from people, rendered and then sanitised with an allow-list (sanitize-html).
 * Links get rel="nofollow ugc noopener" and open nothing but http(s) and mailto; images are
 * never loaded (nothing leaves the server): they become links with their alt text. Headings
 * start at level 3 so that a page keeps its one h1 and its h2 sections.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    h6: 'h5',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener' } }),
    img: (_tagName, attribs) => ({ tagName: 'a', attribs: { href: attribs.src ?? '', rel: 'nofollow ugc noopener' }, text: attribs.alt || attribs.src || '' }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Safe HTML for a Markdown text. Input is capped before parsing. */
export function renderMarkdown(source: string, maxLength = 20_000): string {
  const text = source.slice(0, maxLength);
  let html: string;
  try {
    html = marked.parse(text) as string;
  } catch {
    // Thousands of nested quotes or list items exhaust the parser's stack: the text as it is.
    return `<p>${escapeHtml(text)}</p>`;
  }
  return sanitizeHtml(html, options);
}
