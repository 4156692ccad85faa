import { describe, expect, it } from 'vitest';
import { parseTagList, tagSlug } from './tags.js';

describe('tags', () => {
  it('lets spelling variants meet', () => {
    expect(new Set(['E-Akte', 'eAkte', 'e-akte', 'E Akte'].map(tagSlug))).toEqual(new Set(['eakte']));
    expect(tagSlug('Öffentlichkeitsarbeit')).toBe(tagSlug('Oeffentlichkeitsarbeit'));
    expect(tagSlug('Straßenverkehr')).toBe(tagSlug('Strassenverkehr'));
    expect(tagSlug('Café')).toBe('cafe');
  });

  it('parses a comma list without empties or duplicates', () => {
    expect(parseTagList(' E-Akte, eAkte ,, OZG-Umsetzung;KI in der Verwaltung ')).toEqual(['E-Akte', 'OZG-Umsetzung', 'KI in der Verwaltung']);
    expect(parseTagList('a,b,c', 2)).toEqual(['a', 'b']);
    expect(parseTagList('---, !!!')).toEqual([]);
  });
});
