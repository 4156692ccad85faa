/**
 * iCalendar output, read back with a real parser (ical.js): instants survive the
 * daylight-saving changes through the embedded VTIMEZONE, texts survive escaping and
 * folding byte for byte, and no input text can add a property of its own.
 */
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { berlinWallTime, icsCalendar, type IcsEvent } from './ics.js';

const NOW = new Date('2026-06-01T12:00:00Z');

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'evt-1@knotenpunkt.example',
    sequence: 0,
    status: 'CONFIRMED',
    title: 'Fachtag Digitalisierung',
    description: 'Austausch unter Kommunen.',
    startsAt: new Date('2026-05-12T08:00:00Z'),
    endsAt: new Date('2026-05-12T10:00:00Z'),
    location: 'Rathaus, Saal 2',
    url: 'https://knotenpunkt.example/veranstaltungen/1',
    organizer: { name: 'Amt für Digitales', email: 'digital@amt.example' },
    created: new Date('2026-04-01T09:30:00Z'),
    lastModified: new Date('2026-04-02T10:45:00Z'),
    ...overrides,
  };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent');
  return { calendar, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}

/** Physical lines without the final empty string after the last CRLF. */
function physicalLines(text: string): string[] {
  const lines = text.split('\r\n');
  expect(lines.pop()).toBe('');
  return lines;
}

/** Content lines (unfolded), for looking at the raw property text. */
function contentLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
}

describe('berlinWallTime', () => {
  it('gives Berlin wall time in summer and winter', () => {
    expect(berlinWallTime(new Date('2026-10-24T08:00:00Z'))).toBe('20261024T100000');
    expect(berlinWallTime(new Date('2026-10-25T08:00:00Z'))).toBe('20261025T090000');
    expect(berlinWallTime(new Date('2026-03-29T08:00:00Z'))).toBe('20260329T100000');
    expect(berlinWallTime(new Date('2026-03-28T09:00:00Z'))).toBe('20260328T100000');
    expect(berlinWallTime(new Date('2026-12-31T23:00:00.999Z'))).toBe('20270101T000000');
    expect(berlinWallTime(new Date('2026-06-30T22:59:59Z'))).toBe('20260701T005959');
  });

  it('refuses an invalid date', () => {
    expect(() => berlinWallTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('times across daylight-saving changes', () => {
  const cases = [
    { name: 'Saturday before the October change (CEST)', start: '2026-10-24T08:00:00Z', end: '2026-10-24T10:00:00Z', wallStart: '20261024T100000', wallEnd: '20261024T120000' },
    { name: 'Sunday of the October change (CET)', start: '2026-10-25T08:00:00Z', end: '2026-10-25T09:00:00Z', wallStart: '20261025T090000', wallEnd: '20261025T100000' },
    { name: 'spanning the October change night', start: '2026-10-24T20:00:00Z', end: '2026-10-25T03:00:00Z', wallStart: '20261024T220000', wallEnd: '20261025T040000' },
    { name: 'Sunday of the March change (CEST)', start: '2026-03-29T08:00:00Z', end: '2026-03-29T09:30:00Z', wallStart: '20260329T100000', wallEnd: '20260329T113000' },
    { name: 'Saturday before the March change (CET)', start: '2026-03-28T09:00:00Z', end: '2026-03-28T11:00:00Z', wallStart: '20260328T100000', wallEnd: '20260328T120000' },
    { name: 'spanning the March change night', start: '2026-03-28T23:00:00Z', end: '2026-03-29T05:00:00Z', wallStart: '20260329T000000', wallEnd: '20260329T070000' },
    { name: 'ending just before the repeated hour', start: '2026-10-24T23:00:00Z', end: '2026-10-24T23:59:59Z', wallStart: '20261025T010000', wallEnd: '20261025T015959' },
    { name: 'starting just after the repeated hour', start: '2026-10-25T02:00:00Z', end: '2026-10-25T03:00:00Z', wallStart: '20261025T030000', wallEnd: '20261025T040000' },
  ];

  const text = icsCalendar({
    now: NOW,
    events: cases.map((c, i) => event({ uid: `dst-${i}@k`, startsAt: new Date(c.start), endsAt: new Date(c.end) })),
  });
  const { events } = parse(text);
  const lines = contentLines(text);

  for (const [i, c] of cases.entries()) {
    it(`${c.name}: wall time in the file, same instant back`, () => {
      const ev = events[i]!;
      expect(ev.uid).toBe(`dst-${i}@k`);
      expect(ev.startDate.toJSDate().toISOString()).toBe(new Date(c.start).toISOString());
      expect(ev.endDate.toJSDate().toISOString()).toBe(new Date(c.end).toISOString());
      expect(ev.startDate.zone.tzid).toBe('Europe/Berlin');
      expect(lines).toContain(`DTSTART;TZID=Europe/Berlin:${c.wallStart}`);
      expect(lines).toContain(`DTEND;TZID=Europe/Berlin:${c.wallEnd}`);
    });
  }

  it('also through the time zone service (VTIMEZONE registered by hand)', () => {
    const { calendar, vevents } = parse(text);
    const vtimezone = calendar.getFirstSubcomponent('vtimezone')!;
    const zone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(zone, 'Europe/Berlin');
    try {
      const dtstart = vevents[2]!.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(dtstart.toString()).toBe('2026-10-24T22:00:00');
      expect(dtstart.toJSDate().toISOString()).toBe('2026-10-24T20:00:00.000Z');
      expect(zone.utcOffset(dtstart)).toBe(7200);
    } finally {
      ICAL.TimezoneService.remove('Europe/Berlin');
    }
  });

  it('writes both occurrences of the repeated hour 02:00–03:00 in UTC (readers disagree on a wall time)', () => {
    const cases = [
      ['2026-10-25T00:00:00Z', '2026-10-25T00:30:00Z'], // 02:00 CEST, first occurrence
      ['2026-10-25T00:59:59Z', '2026-10-25T04:00:00Z'], // 02:59:59 CEST
      ['2026-10-25T01:30:00Z', '2026-10-25T03:00:00Z'], // 02:30 CET, second occurrence
      ['2026-10-24T20:00:00Z', '2026-10-25T01:00:00Z'], // ends at 02:00 CET
    ] as const;
    for (const [start, end] of cases) {
      const t = icsCalendar({ now: NOW, events: [event({ startsAt: new Date(start), endsAt: new Date(end) })] });
      const l = contentLines(t);
      expect(l).toContain(`DTSTART:${start.replace(/[-:]/g, '')}`);
      expect(l).toContain(`DTEND:${end.replace(/[-:]/g, '')}`);
      const ev = parse(t).events[0]!;
      expect(ev.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
      expect(ev.endDate.toJSDate().toISOString()).toBe(new Date(end).toISOString());
    }
  });

  it('writes dates the embedded rule does not describe in UTC (1990: summer time ended in September)', () => {
    const t = icsCalendar({
      now: NOW,
      events: [event({ startsAt: new Date('1990-10-10T08:00:00Z'), endsAt: new Date('1990-10-10T09:00:00Z') })],
    });
    expect(contentLines(t)).toContain('DTSTART:19901010T080000Z');
    expect(parse(t).events[0]!.startDate.toJSDate().toISOString()).toBe('1990-10-10T08:00:00.000Z');
  });

  it('leaves out DTEND when the event does not end after its start', () => {
    const t = icsCalendar({ now: NOW, events: [event({ endsAt: new Date('2026-05-12T08:00:00Z') })] });
    const l = contentLines(t);
    expect(l).toContain('DTSTART;TZID=Europe/Berlin:20260512T100000');
    expect(l.some((x) => x.startsWith('DTEND'))).toBe(false);
  });
});

describe('texts', () => {
  const title = 'Fachtag: Kommunen, Länder; Bund \\ Ärger? Nö! 😀👩‍💻 Straße\nZweite Zeile';
  const longDescription =
    'Über Ämter, Ministerien; Behörden \\ Grenzen hinweg: 🚀🇩🇪 Öffentliche Verwaltung gestalten. '.repeat(4).slice(0, 300);
  const description = `${longDescription}\nZweite Zeile, mit Komma; Semikolon \\ Backslash\n\nNach Leerzeile: äöüß ÄÖÜ €`;
  const location = 'Rathaus, Saal 2; 1. OG \\ Eingang B\nhttps://meet.example/raum?x=1,2;3';
  const ev = event({ title, description, location });
  const text = icsCalendar({ now: NOW, name: 'Veranstaltungen: Ämter, Länder; 😀', events: [ev] });

  it('has a 300-character description to fold', () => {
    expect(longDescription).toHaveLength(300);
  });

  it('come back identical from ical.js', () => {
    const { calendar, vevents, events } = parse(text);
    const e = events[0]!;
    expect(e.summary).toBe(title);
    expect(e.description).toBe(`${description}\n\n${ev.url}`);
    expect(e.location).toBe(location);
    expect(vevents[0]!.getFirstPropertyValue('url')).toBe(ev.url);
    // ical.js reads X- properties raw; RFC 5545 3.8.8.2 makes their default value type TEXT.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Veranstaltungen: Ämter\\, Länder\\; 😀');
  });

  it('are escaped per RFC 5545 3.3.11', () => {
    const summary = contentLines(text).find((l) => l.startsWith('SUMMARY:'));
    expect(summary).toBe('SUMMARY:Fachtag: Kommunen\\, Länder\\; Bund \\\\ Ärger? Nö! 😀👩‍💻 Straße\\nZweite Zeile');
  });

  it('are folded at 75 octets without splitting characters, all lines ending in CRLF', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = physicalLines(text);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const encoder = new TextEncoder();
    let folded = 0;
    for (const line of lines) {
      const bytes = encoder.encode(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(decoder.decode(bytes)).toBe(line);
      expect(line).not.toContain('\uFFFD');
      if (line.startsWith(' ')) folded++;
    }
    expect(folded).toBeGreaterThan(5);
    // Lines are filled: a fold happens only when the next character would not fit.
    const descriptionStart = lines.findIndex((l) => l.startsWith('DESCRIPTION:'));
    expect(encoder.encode(lines[descriptionStart]!).length).toBeGreaterThanOrEqual(72);
  });

  it('fold at exactly 75 octets for plain ASCII', () => {
    const t = icsCalendar({ now: NOW, events: [event({ title: 'x'.repeat(200) })] });
    const lines = physicalLines(t);
    const i = lines.findIndex((l) => l.startsWith('SUMMARY:'));
    expect(lines[i]).toBe(`SUMMARY:${'x'.repeat(67)}`);
    expect(lines[i + 1]).toBe(` ${'x'.repeat(74)}`);
    expect(lines[i + 2]).toBe(` ${'x'.repeat(59)}`);
    expect(parse(t).events[0]!.summary).toBe('x'.repeat(200));
  });

  it('fold multi-byte characters whole, at every offset', () => {
    for (let pad = 0; pad < 4; pad++) {
      const t = icsCalendar({ now: NOW, events: [event({ title: `${'a'.repeat(pad)}${'€😀ä'.repeat(30)}` })] });
      for (const line of physicalLines(t)) {
        const bytes = new TextEncoder().encode(line);
        expect(bytes.length).toBeLessThanOrEqual(75);
        expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(line);
      }
      expect(parse(t).events[0]!.summary).toBe(`${'a'.repeat(pad)}${'€😀ä'.repeat(30)}`);
    }
  });

  it('never fold between a backslash and the character it escapes', () => {
    for (let pad = 0; pad < 3; pad++) {
      const t = icsCalendar({ now: NOW, events: [event({ title: `${'a'.repeat(pad)}${',;\\\n'.repeat(40)}` })] });
      for (const line of physicalLines(t)) {
        // An escape pair that ends a line would leave an odd run of backslashes at its end.
        const run = /\\+$/.exec(line)?.[0].length ?? 0;
        expect(run % 2).toBe(0);
      }
      expect(parse(t).events[0]!.summary).toBe(`${'a'.repeat(pad)}${',;\\\n'.repeat(40)}`);
    }
  });

  it('drop control characters and cannot inject properties', () => {
    const t = icsCalendar({
      now: NOW,
      name: 'Kalender\r\nMETHOD:REQUEST',
      events: [
        event({
          uid: 'u-1@k\r\nX-EVIL:1',
          title: 'A\r\nATTENDEE:evil\u0000\u0007\u001b[31m\u007f\u0085B\rC\u000bD\tE',
          description: 'x\r\nBEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VALARM',
          location: 'Ort\nORGANIZER:mailto:evil@x.example',
          url: 'https://knotenpunkt.example/v/1\r\nATTENDEE:mailto:evil@x.example',
          organizer: { name: 'Amt "Nord"\r\nATTENDEE:x', email: 'a@b.example\r\nATTENDEE:mailto:c@d.example' },
        }),
      ],
    });
    const lines = contentLines(t);
    const names = lines.map((l) => /^[A-Z-]+/.exec(l)?.[0]);
    expect(names.filter((n) => n === 'ATTENDEE')).toHaveLength(0);
    expect(names.filter((n) => n === 'X-EVIL')).toHaveLength(0);
    expect(names.filter((n) => n === 'METHOD')).toHaveLength(1);
    expect(names.filter((n) => n === 'ORGANIZER')).toHaveLength(0); // the address is not plausible
    expect(lines).toContain('METHOD:PUBLISH');
    expect(t).not.toMatch(/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    expect(t.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const { calendar, vevents, events } = parse(t);
    const v = vevents[0]!;
    expect(v.getAllProperties().map((p) => p.name).sort()).toEqual(
      ['created', 'description', 'dtend', 'dtstamp', 'dtstart', 'last-modified', 'location', 'sequence', 'status', 'summary', 'uid'].sort(),
    );
    expect(v.getAllSubcomponents()).toHaveLength(0);
    expect(events[0]!.summary).toBe('A\nATTENDEE:evil[31mB\nCD E');
    expect(events[0]!.uid).toBe('u-1@k\nX-EVIL:1');
    expect(contentLines(t)).toContain('X-WR-CALNAME:Kalender METHOD:REQUEST');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
  });
});

describe('organizer', () => {
  it('has a quoted CN without double quotes and a mailto address', () => {
    const t = icsCalendar({
      now: NOW,
      events: [event({ organizer: { name: 'Amt "Nord", Abt. 3; Referat: IT', email: 'it@amt.example' } })],
    });
    expect(contentLines(t)).toContain(`ORGANIZER;CN="Amt 'Nord', Abt. 3; Referat: IT":mailto:it@amt.example`);
    const prop = parse(t).vevents[0]!.getFirstProperty('organizer')!;
    expect(prop.getParameter('cn')).toBe("Amt 'Nord', Abt. 3; Referat: IT");
    expect(prop.getFirstValue()).toBe('mailto:it@amt.example');
  });

  it('is left out without an e-mail address', () => {
    for (const organizer of [{ name: 'Amt' }, null, undefined]) {
      const t = icsCalendar({ now: NOW, events: [event({ organizer })] });
      expect(parse(t).vevents[0]!.getFirstProperty('organizer')).toBeNull();
    }
  });
});

describe('event properties', () => {
  it('writes every property once, times of record in UTC', () => {
    const t = icsCalendar({ now: new Date('2026-06-01T12:00:00.789Z'), events: [event({ sequence: 3 })] });
    const lines = contentLines(t);
    const start = lines.indexOf('BEGIN:VEVENT');
    const end = lines.indexOf('END:VEVENT');
    expect(lines.slice(start, end + 1)).toEqual([
      'BEGIN:VEVENT',
      'UID:evt-1@knotenpunkt.example',
      'DTSTAMP:20260601T120000Z',
      'DTSTART;TZID=Europe/Berlin:20260512T100000',
      'DTEND;TZID=Europe/Berlin:20260512T120000',
      'SUMMARY:Fachtag Digitalisierung',
      'DESCRIPTION:Austausch unter Kommunen.\\n\\nhttps://knotenpunkt.example/veranstaltungen/1',
      'URL:https://knotenpunkt.example/veranstaltungen/1',
      'LOCATION:Rathaus\\, Saal 2',
      'ORGANIZER;CN="Amt für Digitales":mailto:digital@amt.example',
      'STATUS:CONFIRMED',
      'SEQUENCE:3',
      'CREATED:20260401T093000Z',
      'LAST-MODIFIED:20260402T104500Z',
      'END:VEVENT',
    ]);
  });

  it('leaves out LOCATION when none may be shown', () => {
    for (const location of [null, undefined, '', '  ']) {
      const t = icsCalendar({ now: NOW, events: [event({ location })] });
      expect(parse(t).vevents[0]!.getFirstProperty('location')).toBeNull();
    }
  });

  it('keeps the UID of a cancelled event, with STATUS:CANCELLED and a higher SEQUENCE', () => {
    const before = parse(icsCalendar({ now: NOW, events: [event({ sequence: 2 })] })).vevents[0]!;
    const after = parse(
      icsCalendar({ now: NOW, events: [event({ sequence: 3, status: 'CANCELLED', lastModified: NOW })] }),
    ).vevents[0]!;
    expect(after.getFirstPropertyValue('uid')).toBe(before.getFirstPropertyValue('uid'));
    expect(before.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(after.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(Number(after.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(before.getFirstPropertyValue('sequence')));
    expect(new ICAL.Event(after).sequence).toBe(3);
  });
});

describe('calendar', () => {
  it('has the calendar properties and exactly one VTIMEZONE for several events', () => {
    const t = icsCalendar({
      now: NOW,
      name: 'Knotenpunkt',
      events: [event({ uid: 'a@k' }), event({ uid: 'b@k' }), event({ uid: 'c@k', status: 'CANCELLED', sequence: 1 })],
    });
    const { calendar, vevents } = parse(t);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Knotenpunkt//Knotenpunkt Veranstaltungen//DE');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Knotenpunkt');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Berlin');
    expect(vevents.map((v) => v.getFirstPropertyValue('uid'))).toEqual(['a@k', 'b@k', 'c@k']);
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones).toHaveLength(1);
    expect(t.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    const zone = zones[0]!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const daylight = zone.getFirstSubcomponent('daylight')!;
    const standard = zone.getFirstSubcomponent('standard')!;
    expect(daylight.getFirstPropertyValue('tzname')).toBe('CEST');
    expect(standard.getFirstPropertyValue('tzname')).toBe('CET');
    expect(contentLines(t)).toEqual(expect.arrayContaining([
      'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100',
    ]));
  });

  it('parses when empty (the VTIMEZONE keeps it a valid calendar) and has no X-WR-CALNAME without a name', () => {
    const t = icsCalendar({ now: NOW, events: [] });
    const { calendar, vevents } = parse(t);
    expect(vevents).toHaveLength(0);
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
    expect(calendar.getFirstProperty('x-wr-calname')).toBeNull();
    expect(physicalLines(t)[0]).toBe('BEGIN:VCALENDAR');
  });

  it('takes a product id', () => {
    const t = icsCalendar({ now: NOW, events: [], productId: '-//Amt//Test//DE' });
    expect(parse(t).calendar.getFirstPropertyValue('prodid')).toBe('-//Amt//Test//DE');
  });
});
