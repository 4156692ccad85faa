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

/**
 * Recently rendered texts, keyed by the exact source: a post page renders up to a hundred
 * texts, and parsing plus sanitising them again on every view cost more than the queries.
 * Keyed by content, so an edited text is simply a new entry; oldest entries go first.
 */
const CACHE_MAX_CHARS = 8_000_000; // source and HTML together: about 16 MB of strings at most
const cache = new Map<string, string>();
let cachedChars = 0;

/** Safe HTML for a Markdown text. Input is capped before parsing. */
export function renderMarkdown(source: string, maxLength = 20_000): string {
  const text = source.slice(0, maxLength);
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const html = render(text);
  cache.set(text, html);
  cachedChars += text.length + html.length;
  for (const [key, value] of cache) {
    if (cachedChars <= CACHE_MAX_CHARS) break;
    cache.delete(key);
    cachedChars -= key.length + value.length;
  }
  return html;
}

function render(text: string): string {
  let html: string;
  try {
    html = marked.parse(text) as string;
  } catch {
    // Thousands of nested quotes or list items exhaust the parser's stack: the text as it is.
    return `<p>${escapeHtml(text)}</p>`;
  }
  return sanitizeHtml(html, options);
}
