/**
 * What a person typed into the search box, taken apart without trusting any of it: words,
 * "phrases in quotes" and -exclusions. Everything else (operators, brackets, SQL or regex
 * characters, control characters) is a word separator. Nothing here ever reaches SQL as
 * syntax: words become lexemes in SQL (search.repo.ts), passed as parameters.
 */

/** Characters of the query that are read at all; the rest is cut (and the person told). */
export const MAX_QUERY_CHARS = 200;
/** Words and phrases taken into account; the rest is ignored (and the person told). */
export const MAX_QUERY_TERMS = 8;
/** Words of a phrase taken into account. */
const MAX_PHRASE_WORDS = 8;
/** A single word longer than this is no word anyone searches for. */
const MAX_WORD_CHARS = 40;

export interface QueryTerm {
  /** Lower-case words (one for a word, several for a phrase or a hyphenated word). */
  words: string[];
  /** In quotes, or hyphenated: the words must follow each other. */
  phrase: boolean;
  /** -word or -"phrase": results must not contain it. */
  negated: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The input was longer than MAX_QUERY_CHARS or had more than MAX_QUERY_TERMS terms. */
  truncated: boolean;
  /** The normalised text, for display and for the search box. */
  text: string;
}

// Letters (with combining marks) and digits; a hyphen joins parts of one word ("E-Akte").
const WORD = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;

function wordsOf(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(WORD) ?? []).map((w) => w.slice(0, MAX_WORD_CHARS));
}

const QUOTE = /["„“”]/;

/** Words and "phrases", each perhaps with a leading minus. A quote without a partner is a separator. */
function tokenize(text: string): { text: string; phrase: boolean; negated: boolean }[] {
  const tokens: { text: string; phrase: boolean; negated: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    let j = i;
    const negated = text[j] === '-';
    if (negated) j++;
    if (QUOTE.test(text[j] ?? '')) {
      const end = text.slice(j + 1).search(QUOTE);
      if (end >= 0) {
        tokens.push({ text: text.slice(j + 1, j + 1 + end), phrase: true, negated });
        i = j + 2 + end;
        continue;
      }
      j++;
    }
    let k = j;
    while (k < text.length && !/\s/.test(text[k]!) && !QUOTE.test(text[k]!)) k++;
    tokens.push({ text: text.slice(j, k), phrase: false, negated });
    i = Math.max(k, i + 1);
  }
  return tokens;
}

/** Splits the query into terms; never throws, whatever the input. */
export function parseQuery(input: string): ParsedQuery {
  // eslint-disable-next-line no-control-regex
  const clean = input.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, ' ');
  let truncated = clean.length > MAX_QUERY_CHARS;
  const text = clean.slice(0, MAX_QUERY_CHARS).replace(/\s+/g, ' ').trim();
  const terms: QueryTerm[] = [];
  for (const token of tokenize(text)) {
    const words = wordsOf(token.text);
    if (words.length === 0) continue;
    if (token.phrase) {
      const phraseWords = words.flatMap((w) => w.split('-')).slice(0, MAX_PHRASE_WORDS);
      terms.push({ words: phraseWords, phrase: phraseWords.length > 1, negated: token.negated });
    } else {
      // "a+b", "x|y" or "DROP;TABLE" are several words; "E-Akte" is one word of two parts.
      for (const [i, w] of words.entries()) {
        const parts = w.split('-');
        terms.push({ words: parts, phrase: parts.length > 1, negated: token.negated && i === 0 });
      }
    }
  }
  // The same term twice counts once; at most MAX_QUERY_TERMS, and at least one not negated.
  const seen = new Set<string>();
  const unique = terms.filter((t) => {
    const key = `${t.negated ? '-' : ''}${t.words.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > MAX_QUERY_TERMS) truncated = true;
  return { terms: unique.slice(0, MAX_QUERY_TERMS), truncated, text };
}

/** The words of the query a correction could replace (positive single words). */
export function positiveWords(query: ParsedQuery): string[] {
  return query.terms.filter((t) => !t.negated && !t.phrase).map((t) => t.words[0]!);
}

/**
 * Spellings of a word that should meet: "ae" and "ä" (and "oe", "ue", "ss"/"ß"). The text
 * search configuration removes accents ("ä" becomes "a"), so the umlaut spelling of "Aemter"
 * is what finds "Ämter"; and "Ämter" also looks for texts that wrote "Aemter".
 */
export function spellings(word: string): string[] {
  const out = new Set([word]);
  if (/ae|oe|ue/.test(word)) out.add(word.replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/ue/g, 'ü'));
  if (/[äöüß]/.test(word)) out.add(word.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss'));
  return [...out];
}
