/**
 * Tags that spelling variants share: "E-Akte", "eAkte" and "e-akte" have one slug ("eakte").
 * Umlauts fold to their two-letter spellings first, so that "Öffentlichkeit" and
 * "Oeffentlichkeit" meet too; other diacritics are dropped.
 */
const folds: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

export const TAG_MAX_LENGTH = 60;

export function tagSlug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => folds[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '')
    .slice(0, TAG_MAX_LENGTH);
}

/** Cleans a label as typed: trimmed, single spaces, at most 60 characters. */
export function tagLabel(input: string): string {
  return input.trim().replace(/\s+/g, ' ').slice(0, TAG_MAX_LENGTH);
}

/** Splits a comma (or semicolon/newline) separated list, dropping empties and slug duplicates. */
export function parseTagList(input: string, max = 20): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of input.split(/[,;\n]/)) {
    const label = tagLabel(part);
    const slug = tagSlug(label);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    out.push(label);
    if (out.length >= max) break;
  }
  return out;
}
