/**
 * Wall-clock time in Europe/Berlin, where the network meets: forms take dates and times as
 * they are read on a German clock, and pages show them so. Intl does the time-zone arithmetic;
 * no library and no table of our own.
 */
const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 'YYYY-MM-DD' and 'HH:MM' of an instant in Europe/Berlin. */
export function toBerlin(d: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** 'YYYY-MM-DDTHH:MM' in Europe/Berlin: the value of a datetime-local field. */
export function toBerlinLocal(d: Date): string {
  const { date, time } = toBerlin(d);
  return `${date}T${time}`;
}

/**
 * The instant of a wall-clock time in Europe/Berlin, or null for malformed input or a date
 * that does not exist (31 February). A time in the hour skipped in spring is taken as the
 * same time after the change; in the hour that repeats in autumn, the later one.
 */
export function fromBerlin(date: string, time: string): Date | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!dm || !tm) return null;
  const [y, mo, d, h, mi] = [Number(dm[1]), Number(dm[2]), Number(dm[3]), Number(tm[1]), Number(tm[2])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (instant: number) => {
    const p = toBerlin(new Date(instant));
    const [py, pm, pd] = p.date.split('-').map(Number) as [number, number, number];
    const [ph, pmi] = p.time.split(':').map(Number) as [number, number];
    return Date.UTC(py, pm - 1, pd, ph, pmi) - instant;
  };
  // Two rounds: near a change, the offset at the first guess may differ from the one at the answer.
  let result = wall - offsetAt(wall);
  result = wall - offsetAt(result);
  if (toBerlin(new Date(result)).date !== date) return null;
  return new Date(result);
}

/** 'YYYY-MM-DDTHH:MM' (or with a space) read as Berlin time, or null. */
export function fromBerlinLocal(value: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(value);
  return m ? fromBerlin(m[1]!, m[2]!) : null;
}

export interface DayAndTime {
  /** "Donnerstag, 3. Dezember 2026" */
  day: Intl.DateTimeFormat;
  /** "09:00" */
  time: Intl.DateTimeFormat;
}

const dayAndTime = new Map<string, DayAndTime>();

/** Long day and time formatters in Europe/Berlin for a locale, created once (creating one costs about 0.1 ms). */
export function berlinDayAndTime(locale: 'de-DE' | 'en-GB'): DayAndTime {
  let f = dayAndTime.get(locale);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      time: new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }),
    };
    dayAndTime.set(locale, f);
  }
  return f;
}
