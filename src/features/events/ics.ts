/**
 * iCalendar (RFC 5545) for events: a pure function from event data to the text of a
 * VCALENDAR, used for single-event downloads and subscription feeds alike. No I/O, no
 * libraries; the tests read the output back with ical.js.
 *
 * Choices, and why:
 *
 * - Times are written as Berlin wall time with a reference to one embedded VTIMEZONE
 *   (`DTSTART;TZID=Europe/Berlin:20261024T100000`), so calendar programs show the time
 *   people were told ("10 Uhr") and keep it right across the daylight-saving changes. The
 *   wall time comes from `Intl.DateTimeFormat` (the real tz database); the VTIMEZONE
 *   describes the EU rule in force since 1996 (last Sunday of March 02:00 → CEST, last
 *   Sunday of October 03:00 → CET). Before writing a wall time we check that a reader of
 *   our VTIMEZONE turns it back into the same instant. Where it would not, the instant is
 *   written in UTC instead (`DTSTART:20261025T013000Z`), for DTSTART and DTEND together:
 *   - the 02:00–03:00 hour of the October change night, which happens twice. RFC 5545
 *     (3.3.5) says such a wall time means the first occurrence, but readers do not agree
 *     (ical.js 2.2 takes the second), so neither occurrence is written as wall time;
 *   - dates the rule does not describe (before 1996; or after a future change of the law,
 *     should the tz database learn of one before this file does).
 * - The VTIMEZONE is written always, even into an empty calendar: RFC 5545 requires at
 *   least one component in a VCALENDAR, and a feed without events is then still valid.
 * - DTEND is left out when the event does not end after it starts (RFC 5545 requires DTEND
 *   to be later than DTSTART; without DTEND the event lasts zero time).
 * - TEXT values (SUMMARY, DESCRIPTION, LOCATION, UID, names) are escaped per RFC 5545
 *   3.3.11 (`\\`, `\;`, `\,`, newline → `\n`). CR LF and lone CR count as a newline, so a
 *   title like "A\r\nATTENDEE:x" stays one SUMMARY with a line break in it. Every other
 *   control character (C0 but newline, DEL, C1; tab becomes a space) and unpaired UTF-16
 *   surrogates are dropped: they are not allowed in TEXT, and a lone surrogate would turn
 *   into U+FFFD on encoding.
 * - Lines are folded at 75 octets of UTF-8 (RFC 5545 3.1), continuation lines start with
 *   one space that counts against the 75. A fold never splits a multi-byte character, and
 *   never separates a backslash from the character it escapes (legal, but some readers
 *   unescape before unfolding). All lines end in CRLF, the last one included.
 * - DESCRIPTION gets the event page appended after a blank line, because many programs do
 *   not show the URL property. URL itself is written only for an absolute http(s) URL
 *   without whitespace or control characters (normalised by `new URL`); it is a URI, not
 *   TEXT, so it is not escaped.
 * - ORGANIZER is a cal-address, i.e. a URI: it is written only when there is a plausible
 *   e-mail address (`ORGANIZER;CN="Name":mailto:a@b.de`). A `mailto:` without address would
 *   invite replies into the void. RFC 5546 lists ORGANIZER for METHOD:PUBLISH, but the
 *   common programs accept published events without one. The CN value is always quoted
 *   (it may contain `,;:`); a double quote cannot appear inside a quoted parameter value
 *   (RFC 5545 3.1), so it becomes a single quote, and newlines become spaces.
 * - DTSTAMP is `now`, CREATED and LAST-MODIFIED are the given instants, all in UTC;
 *   milliseconds are cut off (iCalendar has whole seconds). SEQUENCE is a non-negative
 *   integer; cancellations are the same UID with STATUS:CANCELLED and a higher SEQUENCE,
 *   which the caller provides.
 * - Invalid dates (NaN) and years outside 0001–9999 throw a RangeError: they are bugs, not
 *   data, and silently writing them would produce an unreadable file.
 */

export interface IcsEvent {
  /** Stable per event, e.g. `${eventId}@${host}`; changes and cancellations reuse it. */
  uid: string;
  /** Increases with every change that matters to attendees. */
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  /** Plain text, any characters. */
  title: string;
  /** Plain text, any characters; the event page URL is appended. */
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** Place and/or online link as text; only given when the viewer may see it. */
  location?: string | null;
  /** The event page. */
  url: string;
  organizer?: { name: string; email?: string } | null;
  created: Date;
  lastModified: Date;
}

export interface IcsCalendarOptions {
  events: IcsEvent[];
  /** Written as DTSTAMP of every event. */
  now: Date;
  /** Calendar name (X-WR-CALNAME), shown by programs that subscribe to the feed. */
  name?: string;
  productId?: string;
  method?: 'PUBLISH';
}

const TZID = 'Europe/Berlin';
const DEFAULT_PRODUCT_ID = '-//Knotenpunkt//Knotenpunkt Veranstaltungen//DE';
const CRLF = '\r\n';
const MAX_OCTETS = 75;

const VTIMEZONE_BERLIN = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The whole calendar as text, CRLF line endings, folded. */
export function icsCalendar(opts: IcsCalendarOptions): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(opts.productId ?? DEFAULT_PRODUCT_ID)}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${opts.method ?? 'PUBLISH'}`,
  ];
  if (opts.name !== undefined) lines.push(`X-WR-CALNAME:${escapeText(oneLine(opts.name))}`);
  lines.push(`X-WR-TIMEZONE:${TZID}`);
  lines.push(...VTIMEZONE_BERLIN);
  const dtstamp = utcDateTime(opts.now);
  for (const event of opts.events) lines.push(...veventLines(event, dtstamp));
  lines.push('END:VCALENDAR');
  return lines.map((line) => foldLine(line) + CRLF).join('');
}

function veventLines(e: IcsEvent, dtstamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${dtstamp}`];

  const hasEnd = e.endsAt.getTime() > e.startsAt.getTime();
  const start = berlinOrNull(e.startsAt);
  const end = hasEnd ? berlinOrNull(e.endsAt) : null;
  if (start !== null && (!hasEnd || end !== null)) {
    lines.push(`DTSTART;TZID=${TZID}:${start}`);
    if (end !== null) lines.push(`DTEND;TZID=${TZID}:${end}`);
  } else {
    lines.push(`DTSTART:${utcDateTime(e.startsAt)}`);
    if (hasEnd) lines.push(`DTEND:${utcDateTime(e.endsAt)}`);
  }

  lines.push(`SUMMARY:${escapeText(e.title)}`);
  const url = cleanText(e.url).trim();
  const uri = httpUrl(e.url.trim());
  const description = cleanText(e.description);
  const fullDescription = url === '' ? description : description === '' ? url : `${description}\n\n${url}`;
  if (fullDescription !== '') lines.push(`DESCRIPTION:${escapeText(fullDescription)}`);
  if (uri !== null) lines.push(`URL:${uri}`);
  if (e.location != null && cleanText(e.location).trim() !== '') {
    lines.push(`LOCATION:${escapeText(e.location)}`);
  }
  const organizer = organizerLine(e.organizer);
  if (organizer !== null) lines.push(organizer);
  lines.push(`STATUS:${e.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED'}`);
  const sequence = Number.isFinite(e.sequence) ? Math.max(0, Math.trunc(e.sequence)) : 0;
  lines.push(`SEQUENCE:${sequence}`);
  lines.push(`CREATED:${utcDateTime(e.created)}`);
  lines.push(`LAST-MODIFIED:${utcDateTime(e.lastModified)}`);
  lines.push('END:VEVENT');
  return lines;
}

// ---------------------------------------------------------------------------------------
// Text

/** Newlines normalised to LF, other control characters and lone surrogates removed. */
function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

function oneLine(s: string): string {
  return cleanText(s).replace(/\n+/g, ' ');
}

/** RFC 5545 3.3.11 TEXT escaping, after cleaning. */
function escapeText(s: string): string {
  return cleanText(s).replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

function httpUrl(s: string): string | null {
  // The URL parser silently drops tabs and newlines; a URL containing any is not taken.
  if (/[\s\u0000-\u001F\u007F-\u009F]/.test(s)) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const EMAIL = /^[^\s"<>\\,;:?#%@()[\]]+@[^\s"<>\\,;:?#%@()[\]]+\.[^\s"<>\\,;:?#%@()[\]]+$/u;

function organizerLine(o: IcsEvent['organizer']): string | null {
  if (o == null || o.email == null) return null;
  const email = cleanText(o.email).trim();
  if (!EMAIL.test(email)) return null;
  const cn = oneLine(o.name).replace(/"/g, "'").trim();
  return cn === '' ? `ORGANIZER:mailto:${email}` : `ORGANIZER;CN="${cn}":mailto:${email}`;
}

/**
 * Folds one content line into physical lines of at most 75 octets (without CRLF), joined
 * by CRLF + space. Splits only between code points and never right after a backslash.
 */
function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  const units = line.match(/\\[\s\S]|[\s\S]/gu) ?? [];
  for (const unit of units) {
    const size = encoder.encode(unit).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += unit;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

// ---------------------------------------------------------------------------------------
// Time

function assertValid(d: Date): void {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError('iCalendar: invalid date');
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) throw new RangeError(`iCalendar: year ${year} out of range`);
}

/** 'YYYYMMDDTHHMMSSZ'. */
function utcDateTime(d: Date): string {
  assertValid(d);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

let berlinFormat: Intl.DateTimeFormat | undefined;

/** 'YYYYMMDDTHHMMSS', the wall-clock time in Europe/Berlin at instant `d` (seconds cut off). */
export function berlinWallTime(d: Date): string {
  assertValid(d);
  berlinFormat ??= new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
    timeZone: TZID,
    era: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const parts: Record<string, string> = {};
  for (const p of berlinFormat.formatToParts(d)) parts[p.type] = p.value;
  const { era, year = '', month = '', day = '', hour = '', minute = '', second = '' } = parts;
  const text = `${year.padStart(4, '0')}${month}${day}T${hour}${minute}${second}`;
  if (era !== 'AD' || !/^\d{8}T\d{6}$/.test(text)) {
    throw new RangeError(`iCalendar: cannot write ${d.toISOString()} as a Berlin date`);
  }
  return text;
}

/**
 * The Berlin wall time of `d`, if a reader of our VTIMEZONE maps it back to the same
 * instant (to the second); otherwise null, and the caller writes UTC.
 */
function berlinOrNull(d: Date): string | null {
  const wall = berlinWallTime(d);
  const offsetHours = embeddedRuleOffset(wall);
  if (offsetHours === null) return null;
  const y = Number(wall.slice(0, 4));
  const asUtc = Date.UTC(y, Number(wall.slice(4, 6)) - 1, Number(wall.slice(6, 8)),
    Number(wall.slice(9, 11)), Number(wall.slice(11, 13)), Number(wall.slice(13, 15)));
  // Date.UTC maps years 0–99 to 1900–1999; assertValid and the 1970 floor below rule those out.
  const seconds = Math.floor(d.getTime() / 1000) * 1000;
  return asUtc - offsetHours * 3_600_000 === seconds ? wall : null;
}

/**
 * UTC offset in hours that the embedded VTIMEZONE gives a Berlin wall time
 * ('YYYYMMDDTHHMMSS'): +2 from the last Sunday of March 02:00 up to the last Sunday of
 * October 02:00, +1 otherwise. Null where readers disagree: the repeated hour 02:00–03:00
 * of the October change night, and before the first observance (1970-03-29 02:00).
 */
function embeddedRuleOffset(wall: string): number | null {
  const year = Number(wall.slice(0, 4));
  if (wall < '19700329T020000') return null;
  const dstStart = `${year}03${String(lastSunday(year, 3)).padStart(2, '0')}T020000`;
  const repeatedHour = `${year}10${String(lastSunday(year, 10)).padStart(2, '0')}T02`;
  const dstEnd = `${repeatedHour}0000`;
  if (wall.startsWith(repeatedHour)) return null;
  return wall >= dstStart && wall < dstEnd ? 2 : 1;
}

/** Day of month of the last Sunday of `month` (1–12) in `year`. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0)); // day 0 of the next month
  return last.getUTCDate() - last.getUTCDay();
}
