/**
 * The message catalogues (German first, English second) and the formatters for dates and
 * numbers. Formatters are created once per language: `Intl.*Format` costs ~0.13 ms to create.
 */
import { de } from './de.js';
import { en } from './en.js';

export type MessageKey = keyof typeof de;
export type Lang = 'de' | 'en';
export const languages: readonly Lang[] = ['de', 'en'];
export type Params = Record<string, string | number>;
export type T = (key: MessageKey, params?: Params) => string;

const catalogues: { de: Record<MessageKey, string>; en: Partial<Record<MessageKey, string>> } = { de, en };

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

const translators: Record<Lang, T> = {
  de: (key, params) => interpolate(catalogues.de[key], params),
  en: (key, params) => interpolate(catalogues.en[key] ?? catalogues.de[key], params),
};

export function translator(lang: Lang): T {
  return translators[lang];
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(de, key);
}

export interface Formatters {
  dateTime(d: Date): string;
  date(d: Date): string;
  number(n: number): string;
}

function makeFormatters(locale: string): Formatters {
  const tz = 'Europe/Berlin';
  const dt = new Intl.DateTimeFormat(locale, { timeZone: tz, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const d = new Intl.DateTimeFormat(locale, { timeZone: tz, day: '2-digit', month: '2-digit', year: 'numeric' });
  const n = new Intl.NumberFormat(locale);
  return {
    dateTime: (value) => (locale === 'de-DE' ? `${dt.format(value)} Uhr` : dt.format(value)),
    date: (value) => d.format(value),
    number: (value) => n.format(value),
  };
}

const formatters: Record<Lang, Formatters> = { de: makeFormatters('de-DE'), en: makeFormatters('en-GB') };

export function formattersFor(lang: Lang): Formatters {
  return formatters[lang];
}
