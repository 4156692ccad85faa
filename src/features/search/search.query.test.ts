/** Taking a query apart, and turning marked database text into safe highlights. */
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS, parseQuery, spellings } from './search.query.js';
import { highlightedHtml, plainText, segments } from './search.present.js';
import { MARK_END, MARK_START } from './search.repo.js';

const words = (q: string) => parseQuery(q).terms.map((t) => `${t.negated ? '-' : ''}${t.phrase ? `"${t.words.join(' ')}"` : t.words[0]}`);

describe('parseQuery', () => {
  it('reads words, phrases in quotes (straight and German), exclusions and hyphenated words', () => {
    expect(words('Digitalisierung Kommune')).toEqual(['digitalisierung', 'kommune']);
    expect(words('"digitale Souveränität" -Cloud')).toEqual(['"digitale souveränität"', '-cloud']);
    expect(words('„E-Akte einführen“ Schulung')).toEqual(['"e akte einführen"', 'schulung']);
    expect(words('-"Open Source" Linux')).toEqual(['-"open source"', 'linux']);
    expect(words('E-Akte')).toEqual(['"e akte"']);
  });

  it('treats operators, SQL and regex characters as separators', () => {
    expect(words('a & b | !c')).toEqual(['a', 'b', 'c']);
    expect(words("'; DROP TABLE users; --")).toEqual(['drop', 'table', 'users']);
    expect(words('.*+?^${}()|[]\\')).toEqual([]);
    expect(words('Daten:*<->schutz')).toEqual(['daten', 'schutz']);
    expect(words('---')).toEqual([]);
  });

  it('reads an unbalanced quote as a separator', () => {
    expect(words('"Open Source')).toEqual(['open', 'source']);
    expect(words('"a" "b')).toEqual(['a', 'b']);
    expect(words('"')).toEqual([]);
  });

  it('drops control and invisible characters', () => {
    expect(words('Da\u0000ten\u200bschutz\u0007 \u202eKI')).toEqual(['da', 'ten', 'schutz', 'ki']);
  });

  it('cuts long input and many terms, and says so', () => {
    const long = parseQuery('Wort '.repeat(10_000));
    expect(long.truncated).toBe(true);
    expect(long.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(long.terms).toHaveLength(1); // the same word counts once
    const many = parseQuery('eins zwei drei vier fünf sechs sieben acht neun zehn');
    expect(many.truncated).toBe(true);
    expect(many.terms).toHaveLength(MAX_QUERY_TERMS);
    expect(parseQuery('kurz').truncated).toBe(false);
  });

  it('knows the spellings of umlauts', () => {
    expect(spellings('aemter')).toEqual(['aemter', 'ämter']);
    expect(spellings('bürgerservice')).toEqual(['bürgerservice', 'buergerservice']);
    expect(spellings('straße')).toEqual(['straße', 'strasse']);
    expect(spellings('akte')).toEqual(['akte']);
  });
});

describe('highlights', () => {
  it('escapes everything and marks only the matches', () => {
    const marked = `<script>alert(1)</script> ${MARK_START}Falke${MARK_END} & "x" <img src=x onerror=alert(1)>`;
    const html = highlightedHtml(segments(marked));
    expect(html).toBe('&#60;script&#62;alert(1)&#60;/script&#62; <mark>Falke</mark> &#38; &#34;x&#34; &#60;img src=x onerror=alert(1)&#62;');
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('drops unpaired markers and Markdown clutter', () => {
    expect(plainText(segments(`a${MARK_END}b${MARK_START}c`))).toBe('abc');
    expect(highlightedHtml(segments(`**fett** und [Link](https://example.org) ${MARK_START}Wort${MARK_END}`, true))).toBe('fett und Link <mark>Wort</mark>');
  });
});
