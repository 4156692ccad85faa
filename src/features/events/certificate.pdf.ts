/**
 * The certificate of participation (Teilnahmebescheinigung) as PDF: one A4 page, plain and
 * sober, with the facts of the event and a verification block (address and code).
 *
 * Uses pdfkit's standard Helvetica fonts (WinAnsi encoding, no font files). Text those fonts
 * cannot encode (emoji, Chinese, …) is replaced by '?' per character as the reader sees it.
 * Dates are formatted in Europe/Berlin like the rest of the interface; every text comes from
 * the message catalogue (keys `certificate.*`).
 */
import PDFDocument from 'pdfkit';
import { formattersFor, translator, type Lang, type T } from '../../views/i18n/index.js';

export interface CertificateFacts {
  lang: 'de' | 'en';
  participantName: string;
  participantOrganisation?: string | null;
  eventTitle: string;
  eventKind: 'workshop' | 'barcamp' | 'meeting' | 'online';
  startsAt: Date;
  endsAt: Date;
  /** Duration in hours, e.g. 6.5 (German: "6,5 Stunden"). */
  hours: number;
  /** Organising body/person(s), e.g. "Knotenpunkt-Geschäftsstelle; Anna Beispiel". */
  organiser: string;
  /** Place name or 'online'. */
  place?: string | null;
  /** Verification code, e.g. "KP-7G4Q-M2XD-9TQA". */
  code: string;
  /** Where the certificate can be verified, e.g. https://host/bescheinigungen/KP-7G4Q-M2XD-9TQA */
  verifyUrl: string;
  issuedAt: Date;
  /** e.g. "Knotenpunkt". */
  networkName: string;
}

// ---------------------------------------------------------------------------------------------
// Text that the standard fonts can show

/** Unicode code points outside Latin-1 that WinAnsi (cp1252) encodes, as pdfkit maps them. */
const winAnsiExtra = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/** Spaces and hyphens that Intl or users may produce, mapped to ones WinAnsi has. */
const lookalikes: Record<string, string> = {
  '\u2007': ' ', '\u2009': ' ', '\u202f': '\u00a0', '\u2002': ' ', '\u2003': ' ', '\u2010': '-', '\u2011': '-', '\u2212': '-',
};

function encodable(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || winAnsiExtra.has(codePoint);
}

const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });

/**
 * Text as the standard fonts can write it: line breaks and tabs become spaces, invisible
 * format characters disappear, and every character (grapheme) that WinAnsi cannot encode
 * becomes one '?'. So "Anna 👩‍💻" becomes "Anna ?", not a crash or a row of boxes.
 * Leading and trailing spaces are kept (pieces of a template are written one after another).
 */
function winAnsiPiece(text: string): string {
  let out = '';
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    if (/^[\p{Cc}\p{Zl}\p{Zp}]+$/u.test(segment)) {
      out += ' ';
      continue;
    }
    const cleaned = [...segment]
      .map((ch) => lookalikes[ch] ?? ch)
      .filter((ch) => !/\p{Cf}/u.test(ch))
      .join('');
    if (cleaned === '') continue;
    out += [...cleaned].every((ch) => encodable(ch.codePointAt(0)!)) ? cleaned : '?';
  }
  return out;
}

/** Like winAnsiPiece, and runs of spaces collapsed and the ends trimmed. */
export function winAnsiSafe(text: string): string {
  return winAnsiPiece(text).replace(/ {2,}/g, ' ').trim();
}

/**
 * Free text is capped (with '…') so that even absurd input stays on one page: name 100,
 * organisation 120, title 300, organiser 200, place 120 characters.
 */
function capped(text: string, max: number): string {
  const safe = winAnsiSafe(text);
  return safe.length <= max ? safe : `${safe.slice(0, max - 1).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// Dates and numbers (Europe/Berlin, created once per language)

interface CertificateFormats {
  longDate(d: Date): string;
  weekdayDate(d: Date): string;
  time(d: Date): string;
  dayKey(d: Date): string;
}

function makeFormats(locale: string): CertificateFormats {
  const timeZone = 'Europe/Berlin';
  const longDate = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
  const weekdayDate = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    longDate: (d) => longDate.format(d),
    weekdayDate: (d) => weekdayDate.format(d),
    time: (d) => time.format(d),
    dayKey: (d) => day.format(d),
  };
}

const formats: Record<Lang, CertificateFormats> = { de: makeFormats('de-DE'), en: makeFormats('en-GB') };

/** "Dienstag, 24. November 2026, 09:00–16:30 Uhr", or from–to over several days (Berlin time). */
export function certificateDate(lang: Lang, startsAt: Date, endsAt: Date): string {
  const t = translator(lang);
  const f = formats[lang];
  if (f.dayKey(startsAt) === f.dayKey(endsAt)) {
    return t('certificate.pdf.dateOneDay', { date: f.weekdayDate(startsAt), from: f.time(startsAt), to: f.time(endsAt) });
  }
  return t('certificate.pdf.dateSeveralDays', {
    fromDate: f.weekdayDate(startsAt),
    fromTime: f.time(startsAt),
    toDate: f.weekdayDate(endsAt),
    toTime: f.time(endsAt),
  });
}

/** "6,5 Stunden" / "6.5 hours"; "1 Stunde" / "1 hour". */
export function certificateDuration(lang: Lang, hours: number): string {
  const t = translator(lang);
  const value = formattersFor(lang).number(hours);
  return t(hours === 1 ? 'certificate.pdf.hoursOne' : 'certificate.pdf.hours', { hours: value });
}

// ---------------------------------------------------------------------------------------------
// Layout

const A4 = { width: 595.28, height: 841.89 };
const margin = { top: 64, bottom: 56, left: 72, right: 72 };
const contentWidth = A4.width - margin.left - margin.right;
const labelWidth = 118;
const colours = { text: '#1a1a1a', muted: '#555555', rule: '#8c8c8c' };
const regular = 'Helvetica';
const bold = 'Helvetica-Bold';

interface Segment {
  text: string;
  bold?: boolean;
  link?: string;
}

/**
 * A paragraph from a catalogue template whose placeholders are written in their own style
 * (bold, linked), wrapped over the given width.
 */
function richParagraph(doc: PDFKit.PDFDocument, template: string, values: Record<string, Segment>, size: number, x: number, width: number): void {
  const parts: Segment[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    parts.push({ text: winAnsiPiece(template.slice(last, m.index)) });
    parts.push(values[m[1]!] ?? { text: m[0] });
    last = m.index + m[0].length;
  }
  parts.push({ text: winAnsiPiece(template.slice(last)) });
  const visible = parts.filter((p) => p.text !== '');
  doc.x = x;
  visible.forEach((part, i) => {
    doc.font(part.bold ? bold : regular).fontSize(size);
    const options: PDFKit.Mixins.TextOptions = { continued: i < visible.length - 1, link: part.link ?? null, underline: false, width, lineGap: 2 };
    if (i === 0) doc.text(part.text, x, doc.y, options);
    else doc.text(part.text, options);
  });
}

export async function certificatePdf(facts: CertificateFacts): Promise<Buffer> {
  const lang = facts.lang;
  const t: T = translator(lang);
  const f = formats[lang];

  const name = capped(facts.participantName, 100);
  const organisation = facts.participantOrganisation ? capped(facts.participantOrganisation, 120) : '';
  const title = capped(facts.eventTitle, 300);
  const organiser = capped(facts.organiser, 200);
  const network = capped(facts.networkName, 120);
  const place = facts.place ? (facts.place.trim().toLowerCase() === 'online' ? t('certificate.pdf.online') : capped(facts.place, 120)) : '';
  const code = winAnsiSafe(facts.code);
  const verifyUrl = winAnsiSafe(facts.verifyUrl);
  const heading = t('certificate.pdf.title');

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: margin,
    lang: lang === 'de' ? 'de-DE' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${heading} – ${name}`,
      Author: network,
      Subject: t('certificate.pdf.subject', { name, event: title }),
      Creator: network,
    },
  });

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = margin.left;
  const rule = (y: number, colour = colours.rule, width = 0.5) => {
    doc.save().moveTo(left, y).lineTo(left + contentWidth, y).lineWidth(width).strokeColor(colour).stroke().restore();
  };

  // Network name and a rule
  doc.fillColor(colours.muted).font(bold).fontSize(11).text(network, left, margin.top, { width: contentWidth });
  doc.moveDown(0.4);
  rule(doc.y, colours.text, 0.8);
  doc.y += 28;

  // Heading
  doc.fillColor(colours.text).font(bold).fontSize(24).text(heading, left, doc.y, { width: contentWidth });
  doc.moveDown(1);

  // The statement
  const statement = organisation ? t('certificate.pdf.statementWithOrganisation') : t('certificate.pdf.statement');
  richParagraph(
    doc,
    statement,
    { name: { text: name, bold: true }, organisation: { text: organisation }, event: { text: title } },
    12,
    left,
    contentWidth,
  );
  doc.moveDown(2);

  // The facts
  doc.font(bold).fontSize(12).text(t('certificate.pdf.facts'), left, doc.y, { width: contentWidth });
  doc.moveDown(0.5);
  const rows: [string, string][] = [
    [t('certificate.pdf.event'), title],
    [t('certificate.pdf.kind'), t(`certificate.kind.${facts.eventKind}`)],
    [t('certificate.pdf.date'), winAnsiSafe(certificateDate(lang, facts.startsAt, facts.endsAt))],
    [t('certificate.pdf.duration'), winAnsiSafe(certificateDuration(lang, facts.hours))],
  ];
  if (place) rows.push([t('certificate.pdf.place'), place]);
  rows.push([t('certificate.pdf.organiser'), organiser]);
  const valueX = left + labelWidth;
  const valueWidth = contentWidth - labelWidth;
  const padding = 6;
  rule(doc.y);
  for (const [label, value] of rows) {
    const top = doc.y + padding;
    doc.font(regular).fontSize(11);
    const valueHeight = doc.heightOfString(value, { width: valueWidth, lineGap: 1 });
    doc.font(bold).fontSize(10).fillColor(colours.muted).text(winAnsiSafe(label), left, top + 0.5, { width: labelWidth - 10 });
    const labelBottom = doc.y;
    doc.font(regular).fontSize(11).fillColor(colours.text).text(value, valueX, top, { width: valueWidth, lineGap: 1 });
    doc.y = Math.max(doc.y, labelBottom, top + valueHeight) + padding;
    rule(doc.y);
  }

  // Verification block, at the foot of the page when there is room
  const verifyHeading = t('certificate.pdf.verifyHeading');
  const issued = winAnsiSafe(t('certificate.pdf.issued', { date: f.longDate(facts.issuedAt) }));
  const electronic = t('certificate.pdf.electronic');
  const measure = (font: string, size: number, text: string, lineGap = 0) => {
    doc.font(font).fontSize(size);
    return doc.heightOfString(text, { width: contentWidth, lineGap });
  };
  const gap = (font: string, size: number, lines: number) => {
    doc.font(font).fontSize(size);
    return doc.currentLineHeight(true) * lines;
  };
  const blockHeight =
    measure(bold, 11, verifyHeading) + gap(bold, 11, 0.3) +
    measure(bold, 10, t('certificate.pdf.verify', { url: verifyUrl }), 2) +
    measure(bold, 10, t('certificate.pdf.code', { code }), 2) + gap(bold, 10, 0.8) +
    measure(regular, 10, issued) + gap(regular, 10, 0.3) +
    measure(regular, 9, electronic);
  const footTop = A4.height - margin.bottom - blockHeight - 4;
  doc.y = Math.max(doc.y + 24, footTop);
  rule(doc.y - 12);
  doc.font(bold).fontSize(11).fillColor(colours.text).text(verifyHeading, left, doc.y, { width: contentWidth });
  doc.moveDown(0.3);
  richParagraph(doc, t('certificate.pdf.verify'), { url: { text: verifyUrl, link: facts.verifyUrl } }, 10, left, contentWidth);
  richParagraph(doc, t('certificate.pdf.code'), { code: { text: code, bold: true } }, 10, left, contentWidth);
  doc.moveDown(0.8);
  doc.font(regular).fontSize(10).text(issued, left, doc.y, { width: contentWidth });
  doc.moveDown(0.3);
  doc.font(regular).fontSize(9).fillColor(colours.muted).text(electronic, left, doc.y, { width: contentWidth });

  doc.end();
  return done;
}
