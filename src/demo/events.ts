/**
 * Demo events (issue 6): the upcoming barcamp "Knotenpunkt-Camp" with rooms, time slots and
 * about twenty session proposals with interest marks (plan not yet published, so the organiser
 * can draft one), a past barcamp with a published plan and session notes (not yet published
 * to its community, so the organiser can try that), three workshops
 * (one full with a waiting list, one with questions at registration, one public and hybrid),
 * a community meeting, an online consultation hour and past events with attendance, among
 * them the member account's (member@land-beispiel.example), so that it can download a
 * certificate.
 *
 * Times are relative to the current date (days from today, Berlin wall-clock hours, snapped to
 * a sensible weekday) and converted to UTC for Europe/Berlin including summer time. Choices
 * are deterministic (a seeded generator per event); ids are derived from seed keys
 * (`seedId`), so a second run finds every event and inserts nothing. Each event is one
 * transaction with its organisers, registrations, rooms, slots, sessions, hosts and interest
 * marks; the counts on the event and the sessions are computed from the rows made here.
 *
 * The events are created once: a demo database kept for months keeps their dates, like the
 * posts of the communities.
 */
import { fromBerlin, toBerlin } from '../lib/berlin-time.js';
import type { Insertable, Kysely } from 'kysely';
import type { DB, EventAudience, EventKind, EventQuestion, SessionFormat } from '../db/schema.js';
import type { AccountKey } from './communities-data.js';
import { ACCOUNT_EMAILS } from './communities-data.js';
import { seedId } from './organisations.js';
import { prng, type DemoPerson } from './people.js';

export interface EventsSeedResult {
  eventsCreated: number;
  registrationsCreated: number;
  sessionsCreated: number;
}

type Rng = () => number;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// --- Berlin time ------------------------------------------------------------------------------

/** The instant of a Berlin wall-clock time: berlinTime('2025-03-30', '10:00') = 08:00 UTC (summer time). */
export function berlinTime(ymd: string, hhmm: string): Date {
  const at = fromBerlin(ymd, hhmm);
  if (!at) throw new RangeError(`no Berlin time ${ymd} ${hhmm}`);
  return at;
}

/** The Berlin calendar date of an instant, `days` later, as YYYY-MM-DD. */
export function berlinDate(at: Date, days = 0): string {
  const [y, m, d] = toBerlin(at).date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first date on or after `ymd` that is one of `weekdays` (0 Sunday … 6 Saturday). */
function onWeekday(ymd: string, weekdays: readonly number[]): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  for (let i = 0; i < 7; i++) {
    const date = new Date(Date.UTC(y, m - 1, d + i));
    if (weekdays.includes(date.getUTCDay())) return date.toISOString().slice(0, 10);
  }
  return ymd;
}

// --- helpers ----------------------------------------------------------------------------------

/** FNV-1a: a seed for the generator from a key. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const between = (rng: Rng, from: number, to: number): Date => new Date(Math.min(from, to) + rng() * Math.max(0, to - from));
const eventId = (key: string) => seedId('event', key);

// --- the events (data) --------------------------------------------------------------------------

const OFFICE_NAME = 'Geschäftsstelle Knotenpunkt';
const OFFICE_PLACE = 'Geschäftsstelle Knotenpunkt, Berlin';
const OFFICE_PLACE_DETAILS =
  'Musterstraße 12, 10115 Berlin (Demo-Adresse), 3. Obergeschoss, Raum 3.14. Barrierefreier Zugang über den Hof, Aufzug vorhanden. Anmeldung am Empfang mit Personalausweis oder Dienstausweis.';

export const ACCESSIBILITY_QUESTION: EventQuestion = { id: 'q1', label: 'Benötigen Sie Unterstützung für barrierefreie Teilnahme?', required: false };

interface SessionSeed {
  title: string;
  description: string;
  format: SessionFormat;
  /** Field of the demo person who proposes it (a registered participant), or the lead account. */
  host: DemoPerson['field'] | 'lead';
  /** How many participants are interested, relative (1 = average). */
  appeal: number;
  expectedSize?: number;
  coHost?: boolean;
  /** Session notes (past barcamp only). */
  notes?: string;
}

const CAMP_SESSIONS: SessionSeed[] = [
  { title: 'E-Akte im Landratsamt: Was wir nach zwei Jahren anders machen würden', description: 'Ehrlicher Erfahrungsbericht aus der flächendeckenden Einführung: Aktenplan, Scanstelle, Akzeptanz in den Fachämtern. Danach offene Fragerunde.', format: 'talk', host: 'eakte', appeal: 1.6, expectedSize: 40 },
  { title: 'Aktenplan entrümpeln – aber wie?', description: 'Viele Aktenpläne sind historisch gewachsen. Wir sammeln Vorgehensweisen, wie man ihn vor der E-Akte verschlankt, ohne die Registratur zu überfordern.', format: 'discussion', host: 'eakte', appeal: 0.9 },
  { title: 'KI-Assistenten im Bürgerservice: Chancen und Grenzen', description: 'Wo helfen Sprachmodelle heute schon (Textentwürfe, Zusammenfassungen), wo nicht? Mit Blick auf KI-Verordnung, Datenschutz und Mitbestimmung.', format: 'discussion', host: 'data', appeal: 2.0, expectedSize: 60 },
  { title: 'Prompting für Sachbearbeitung: eine Übungsstunde', description: 'Wir üben an anonymisierten Beispielen, wie man gute Anfragen an einen Textassistenten formuliert. Bitte Laptop mitbringen; es werden keine echten Fälle verwendet.', format: 'workshop', host: 'data', appeal: 1.3, expectedSize: 25 },
  { title: 'OZG-Nachnutzung: EfA-Leistungen wirklich anbinden', description: 'Wie kommt eine Einer-für-Alle-Leistung ins eigene Fachverfahren? Erfahrungen mit FIT-Connect, Zustellpunkten und Zuständigkeitsfinder.', format: 'talk', host: 'digital', appeal: 1.5, coHost: true },
  { title: 'Barrierefreie PDF-Formulare – geht das überhaupt?', description: 'Von der Word-Vorlage zum barrierefreien Formular: Was Prüfwerkzeuge melden, was Screenreader-Nutzende brauchen und wann ein Onlinedienst die bessere Wahl ist.', format: 'workshop', host: 'service', appeal: 1.1 },
  { title: 'Leichte Sprache in Bescheiden', description: 'Wir schreiben gemeinsam einen typischen Bescheid-Absatz um und diskutieren, was rechtlich geht und was die Leserinnen und Leser wirklich verstehen.', format: 'workshop', host: 'service', appeal: 0.8 },
  { title: 'Informationssicherheit in kleinen Kommunen mit wenig Personal', description: 'Eine halbe Stelle für den ISB – wie priorisiert man? Austausch über Basis-Absicherung nach IT-Grundschutz, Notfallkarten und Kooperationen zwischen Gemeinden.', format: 'discussion', host: 'security', appeal: 1.2 },
  { title: 'Notfallübung Ransomware: Unser Planspiel zum Nachmachen', description: 'Wir stellen ein Planspiel vor, das wir mit Verwaltungsspitze und IT geübt haben, inklusive Rollenkarten und Zeitplan. Materialien gibt es im Anschluss in der Community.', format: 'talk', host: 'security', appeal: 1.0 },
  { title: 'Open-Source-Arbeitsplatz: Zwischenstand openDesk', description: 'Was läuft schon im Pilotbetrieb, wo hakt es (Fachverfahren, Makros, Schulungen)? Kurzer Input, dann Fragen und Erfahrungen aus anderen Häusern.', format: 'talk', host: 'architecture', appeal: 1.3 },
  { title: 'Digitale Souveränität beschaffen: Kriterien für Ausschreibungen', description: 'Wie formuliert man Anforderungen an offene Standards, Exit-Strategien und Quellcode-Zugang vergaberechtssicher? Mit Beispielen aus Leistungsbeschreibungen.', format: 'discussion', host: 'procurement', appeal: 0.9 },
  { title: 'EVB-IT in der Praxis: typische Stolperfallen', description: 'Welche EVB-IT-Vertragstypen passen zu Cloud-Diensten und Softwarepflege? Sammlung häufiger Fehler und wie andere sie vermieden haben.', format: 'talk', host: 'procurement', appeal: 0.6 },
  { title: 'Registermodernisierung: Was kommt auf die Meldebehörden zu?', description: 'Identifikationsnummer, Datenschutzcockpit und Once-Only: ein Überblick über Zeitplan und Aufgaben für Kommunen, mit Raum für Fragen.', format: 'talk', host: 'digital', appeal: 1.1 },
  { title: 'Agile Methoden im Amt: Scrum trotz Haushaltsjahr?', description: 'Wie verträgt sich iteratives Arbeiten mit Haushaltsplanung, Vergabe und Zeichnungswegen? Wir sammeln Erfahrungen und Widerstände – ehrlich und ohne Buzzwords.', format: 'discussion', host: 'organisation', appeal: 1.0 },
  { title: 'Change Management: Wie nehmen wir die Kolleginnen und Kollegen mit?', description: 'Multiplikatorenprogramme, Sprechstunden, Lernvideos – was hat bei euch funktioniert, was nicht? Ein moderierter Erfahrungsaustausch.', format: 'discussion', host: 'organisation', appeal: 1.2 },
  { title: 'Nutzerforschung mit wenig Budget', description: 'Fünf Interviews reichen oft schon: Wir zeigen, wie wir im Bürgeramt Nutzertests mit Papierprototypen gemacht haben, und üben ein Interview.', format: 'workshop', host: 'service', appeal: 1.0, coHost: true },
  { title: 'Smart City ohne Datensilos: urbane Datenplattformen', description: 'Welche Daten gehören auf eine kommunale Datenplattform, wer betreibt sie und wie bleibt sie nachnutzbar? Input aus einem Modellprojekt.', format: 'talk', host: 'municipal', appeal: 0.8 },
  { title: 'Bürgerbeteiligung digital: Erfahrungen mit Beteiligungsplattformen', description: 'Von der Lärmaktionsplanung bis zum Bürgerhaushalt: Was hat Beteiligung erhöht, was hat nur Arbeit gemacht?', format: 'discussion', host: 'municipal', appeal: 0.7 },
  { title: 'Wissensmanagement vor dem Ruhestand: Wissen sichern, bevor es geht', description: 'Bis 2030 geht ein großer Teil der Belegschaft in den Ruhestand. Wir sammeln Methoden wie Wissenslandkarten, Tandems und Übergabeprotokolle.', format: 'discussion', host: 'lead', appeal: 1.4 },
  { title: 'Offene Runde: Was brauchen Kommunen vom Knotenpunkt?', description: 'Feedback-Session mit der Geschäftsstelle: Welche Funktionen, Formate und Communities fehlen? Alle Ideen sind willkommen.', format: 'other', host: 'municipal', appeal: 0.7 },
];

const PAST_CAMP_SESSIONS: SessionSeed[] = [
  {
    title: 'Erfahrungen mit der E-Rechnung in Kommunen',
    description: 'Eingang über die Plattformen, Prüfung im Workflow, Anbindung an das Finanzverfahren.',
    format: 'talk', host: 'eakte', appeal: 1.4,
    notes: '## E-Rechnung in Kommunen\n\n- Eingang fast überall über die zentrale Rechnungseingangsplattform des Landes; Papierrechnungen werden zentral gescannt.\n- Größte Hürde: Freigabeworkflow mit sachlicher und rechnerischer Prüfung abbilden.\n- Tipp: XRechnung-Visualisierung früh testen, Lieferanten aktiv anschreiben.\n\n**Offene Punkte:** Umgang mit ZUGFeRD-Varianten; Aufbewahrung im DMS.\n\nAnsprechpartnerin für Rückfragen: siehe Community „E-Akte & Dokumentenmanagement“.',
  },
  {
    title: 'Datenschutz-Folgenabschätzung für KI-Pilotprojekte',
    description: 'Wann ist eine DSFA nötig, und wie lässt sie sich schlank halten?',
    format: 'discussion', host: 'security', appeal: 1.2,
    notes: '## DSFA für KI-Piloten\n\n1. Schwellwertanalyse zuerst – viele Piloten ohne Personenbezug brauchen keine volle DSFA.\n2. Vorlagen der Aufsichtsbehörden nachnutzen, nicht neu erfinden.\n3. Datenschutzbeauftragte früh einbinden, nicht erst vor dem Start.\n\nMehrere Teilnehmende bieten ihre Muster-DSFA zum Austausch an.',
  },
  {
    title: 'Onlinedienste nutzerzentriert testen',
    description: 'Kurze Einführung in Usability-Tests mit echten Antragstellenden.',
    format: 'workshop', host: 'service', appeal: 1.1,
    notes: '## Nutzertests\n\n- Fünf Testpersonen finden die meisten Probleme.\n- Aufgaben realistisch formulieren („Sie sind umgezogen …“), nicht die Oberfläche erklären.\n- Ergebnisse als kurze Liste mit Priorität an das Projektteam.\n\nDie Vorlage für das Testprotokoll liegt in der Community „Digitale Barrierefreiheit“.',
  },
  {
    title: 'IT-Grundschutz-Check in 100 Tagen',
    description: 'Wie eine kleine Stadt den Basis-Check strukturiert angegangen ist.',
    format: 'talk', host: 'security', appeal: 0.9,
    notes: '## Grundschutz-Check\n\n- Zeitplan mit festen Terminen pro Baustein; Leitung hat die Termine freigegeben.\n- Dokumentation im Tool des Landes, keine eigenen Tabellen.\n- Ergebnis: 37 Maßnahmen, davon 12 sofort umgesetzt.',
  },
  {
    title: 'Scrum im Fachamt – ein Jahr später',
    description: 'Was von der agilen Pilotgruppe geblieben ist.',
    format: 'discussion', host: 'organisation', appeal: 1.0,
    notes: '## Scrum im Fachamt\n\n- Dailys und Retros sind geblieben, Sprints wurden auf vier Wochen verlängert.\n- Wichtig war eine Führungskraft, die Prioritäten wirklich setzt.\n- Skepsis des Personalrats ließ sich durch frühe Einbindung ausräumen.',
  },
  {
    title: 'Open Data veröffentlichen: vom Beschluss zum Portal',
    description: 'Welche Datensätze zuerst, welche Lizenz, welcher Prozess?',
    format: 'talk', host: 'data', appeal: 0.8,
    notes: '## Open Data\n\n- Mit Datensätzen beginnen, die ohnehin häufig angefragt werden (Haushalt, Standorte, Baustellen).\n- Lizenz: Datenlizenz Deutschland – Namensnennung 2.0.\n- Verantwortliche pro Datensatz benennen, sonst veralten die Daten.',
  },
  {
    title: 'Vergabe von Cloud-Leistungen',
    description: 'Rechtsrahmen, C5-Testat und Datenhaltung in Deutschland.',
    format: 'discussion', host: 'procurement', appeal: 0.7,
    notes: '## Cloud-Vergabe\n\n- C5-Testat als Eignungskriterium hat sich bewährt.\n- Exit-Klauseln und Datenformate früh festlegen.\n- Rahmenverträge des Bundes und der Länder prüfen, bevor selbst ausgeschrieben wird.',
  },
  { title: 'Bürgerkonto und BundID anbinden', description: 'Erfahrungen mit der Anbindung kommunaler Onlinedienste an die BundID.', format: 'talk', host: 'digital', appeal: 1.0 },
  { title: 'Kommunale Geodaten im Alltag nutzen', description: 'Vom Baumkataster bis zur Baustellenkarte: kleine Anwendungen mit großer Wirkung.', format: 'other', host: 'municipal', appeal: 0.6 },
  { title: 'Wissenslandkarten im Team erstellen', description: 'Eine Methode, um Wissen und Zuständigkeiten sichtbar zu machen.', format: 'workshop', host: 'lead', appeal: 0.9 },
  { title: 'Lernformate für digitale Kompetenzen', description: 'Lernvideos, Sprechstunden und Tandems: was die Beschäftigten wirklich nutzen.', format: 'discussion', host: 'organisation', appeal: 0.8 },
];

interface RoomSeed {
  name: string;
  capacity: number;
}
interface SlotSeed {
  from: string;
  to: string;
}
const CAMP_ROOMS: RoomSeed[] = [{ name: 'Plenum', capacity: 80 }, { name: 'Werkstatt', capacity: 30 }, { name: 'Lounge', capacity: 20 }];
const CAMP_SLOTS: SlotSeed[] = [{ from: '10:00', to: '10:45' }, { from: '11:00', to: '11:45' }, { from: '13:00', to: '13:45' }, { from: '14:00', to: '14:45' }];

type Organiser = Exclude<AccountKey, 'member' | 'partner'>;

interface EventSeed {
  key: string;
  kind: EventKind;
  title: string;
  description: string;
  /** Days from today (Berlin), snapped forward to one of `weekdays`. */
  days: number;
  weekdays: readonly number[];
  from: string;
  to: string;
  place?: string;
  placeDetails?: string;
  onlineUrl?: string;
  /** Slug of the linked community. */
  community?: string;
  audience: EventAudience;
  capacity?: number;
  waitlist?: boolean;
  questions?: EventQuestion[];
  organiser: Organiser;
  /** A demo person of this field organises it too. */
  coOrganiser?: DemoPerson['field'];
  organiserName?: string;
  /** Registration closes this many days before the start. */
  closesDaysBefore?: number;
  confirmed: number;
  waiting?: number;
  cancelled?: number;
  /** Demo accounts registered (confirmed; attended for past events). */
  accounts?: AccountKey[];
  /** Share of the confirmed participants marked present (past events). */
  attendance?: number;
  /** Answers to the questions (by question id) for some registrations. */
  answers?: Record<string, string[]>;
  barcamp?: { rooms: RoomSeed[]; slots: SlotSeed[]; sessions: SessionSeed[]; published: boolean; marksEach: number };
}

const TUE_THU = [2, 3, 4];
const WEEKDAYS = [1, 2, 3, 4, 5];

export const DEMO_EVENTS: EventSeed[] = [
  {
    key: 'knotenpunkt-camp',
    kind: 'barcamp',
    title: 'Knotenpunkt-Camp',
    description:
      'Das Barcamp des Knotenpunkts: Ein Tag Austausch zwischen Bund, Ländern und Kommunen – ohne festes Programm. Alle Teilnehmenden können Sessions vorschlagen: Erfahrungsberichte, Fragen, Diskussionen oder kleine Werkstätten. Das Programm entsteht aus den Vorschlägen und dem Interesse, das ihr vorab markiert.\n\n' +
      '**Ablauf:** 09:30 Ankommen und Kaffee, 10:00–14:45 vier Session-Runden in drei Räumen, dazwischen Mittagspause, 15:00 gemeinsamer Abschluss.\n\n' +
      'Die Teilnahme ist kostenfrei. Eine Teilnahmebescheinigung kann nach der Veranstaltung heruntergeladen werden.',
    days: 21,
    weekdays: [4],
    from: '09:30',
    to: '15:30',
    place: 'Tagungszentrum am Spreeufer, Berlin',
    placeDetails: 'Uferweg 5, 10179 Berlin (Demo-Adresse). Eingang über das Foyer, alle Räume im Erdgeschoss und barrierefrei erreichbar. Garderobe vorhanden.',
    community: 'wissensmanagement',
    audience: 'members',
    capacity: 120,
    organiser: 'office',
    organiserName: OFFICE_NAME,
    closesDaysBefore: 2,
    confirmed: 72,
    cancelled: 3,
    accounts: ['member', 'lead'],
    barcamp: { rooms: CAMP_ROOMS, slots: CAMP_SLOTS, sessions: CAMP_SESSIONS, published: false, marksEach: 4 },
  },
  {
    key: 'knotenpunkt-camp-auftakt',
    kind: 'barcamp',
    title: 'Knotenpunkt-Camp – Auftakt',
    description:
      'Das erste Barcamp des Knotenpunkts mit elf Sessions in drei Räumen. Notizen, Ergebnisse und Ansprechpersonen finden sich bei den einzelnen Sessions im Programm.',
    days: -63,
    weekdays: [4],
    from: '09:30',
    to: '15:30',
    place: 'Tagungszentrum am Spreeufer, Berlin',
    placeDetails: 'Uferweg 5, 10179 Berlin (Demo-Adresse).',
    community: 'wissensmanagement',
    audience: 'members',
    capacity: 100,
    organiser: 'office',
    organiserName: OFFICE_NAME,
    confirmed: 58,
    accounts: ['member', 'lead'],
    attendance: 0.88,
    barcamp: { rooms: CAMP_ROOMS, slots: CAMP_SLOTS, sessions: PAST_CAMP_SESSIONS, published: true, marksEach: 2.5 },
  },
  {
    key: 'werkstatt-e-akte',
    kind: 'workshop',
    title: 'Werkstatt: E-Akte einführen',
    description:
      'NExT-Werkstatt für Projektleitungen und Organisationsverantwortliche, die die E-Akte in ihrer Behörde einführen oder gerade damit beginnen.\n\n' +
      '- Vorgehensmodell: Pilotbereich, Rollout, Stilllegung der Papierakte\n- Aktenplan und Scanprozess\n- Schulung und Begleitung der Beschäftigten\n\n' +
      'Die Werkstatt lebt vom Austausch in kleiner Runde; deshalb ist die Zahl der Plätze begrenzt. Bei Absagen rücken Personen von der Warteliste automatisch nach.',
    days: 12,
    weekdays: TUE_THU,
    from: '10:00',
    to: '15:00',
    place: OFFICE_PLACE,
    placeDetails: OFFICE_PLACE_DETAILS,
    community: 'e-akte',
    audience: 'members',
    capacity: 12,
    waitlist: true,
    organiser: 'office',
    coOrganiser: 'eakte',
    organiserName: OFFICE_NAME,
    closesDaysBefore: 3,
    confirmed: 12,
    waiting: 4,
    cancelled: 1,
  },
  {
    key: 'werkstatt-formulare',
    kind: 'workshop',
    title: 'Werkstatt: Nutzerzentrierte Formulare',
    description:
      'Wie werden Formulare verständlich, barrierefrei und digital gut nutzbar? In dieser Werkstatt überarbeiten wir mitgebrachte Formulare Schritt für Schritt: Sprache, Aufbau, Pflichtfelder und der Weg zum Onlinedienst.\n\n' +
      'Bringen Sie gern ein Formular aus Ihrem Haus mit (ohne personenbezogene Daten). Bei der Anmeldung können Sie angeben, ob Sie Unterstützung für eine barrierefreie Teilnahme benötigen.',
    days: 26,
    weekdays: TUE_THU,
    from: '09:30',
    to: '16:00',
    place: 'Landesamt für Digitalisierung, Musterhausen',
    placeDetails: 'Am Schlossgarten 3, 12345 Musterhausen (Demo-Adresse), Seminarraum 1. Parkplätze für Menschen mit Behinderung direkt am Eingang.',
    community: 'digitale-barrierefreiheit',
    audience: 'members',
    capacity: 20,
    questions: [ACCESSIBILITY_QUESTION, { id: 'q2', label: 'Welches Formular möchten Sie mitbringen?', required: false }],
    organiser: 'office',
    coOrganiser: 'service',
    organiserName: OFFICE_NAME,
    confirmed: 11,
    answers: {
      q1: ['Ja, ich nutze einen Rollstuhl.', 'Bitte Unterlagen vorab digital, ich nutze einen Screenreader.', 'Nein'],
      q2: ['Antrag auf Wohngeld (Erstantrag)', 'Gewerbeanmeldung', 'Antrag auf Anwohnerparkausweis', 'Reisekostenabrechnung (intern)', 'Antrag auf Elterngeld'],
    },
  },
  {
    key: 'werkstatt-ki',
    kind: 'workshop',
    title: 'Werkstatt: KI im Verwaltungsalltag',
    description:
      'Öffentliche Werkstatt für alle, die generative KI in der Verwaltung verantwortungsvoll einsetzen wollen: Was ist erlaubt, was ist sinnvoll, und wie fängt man an? Mit kurzen Impulsen, Beispielen aus Pilotprojekten und Zeit für eigene Fragen.\n\n' +
      'Die Werkstatt findet vor Ort statt und wird zusätzlich online übertragen. Den Zugangslink erhalten angemeldete Teilnehmende auf dieser Seite.',
    days: 40,
    weekdays: TUE_THU,
    from: '13:00',
    to: '16:30',
    place: 'Bürgerhaus Musterstadt',
    placeDetails: 'Rathausplatz 1, 54321 Musterstadt (Demo-Adresse), großer Saal im 1. Obergeschoss, Aufzug am Haupteingang. Induktionsschleife vorhanden.',
    onlineUrl: 'https://video.knotenpunkt.example/r/werkstatt-ki-verwaltungsalltag',
    community: 'ki-in-der-verwaltung',
    audience: 'public',
    capacity: 60,
    organiser: 'office',
    coOrganiser: 'data',
    organiserName: OFFICE_NAME,
    confirmed: 27,
    accounts: ['lead'],
  },
  {
    key: 'treffen-kommunale-digitalisierung',
    kind: 'meeting',
    title: 'Quartalstreffen Kommunale Digitalisierung',
    description:
      'Unser Treffen für die Mitglieder der Community „Kommunale Digitalisierung“: Neuigkeiten aus den Kommunen, Stand der gemeinsamen Praxisbeispiele und Planung der nächsten Themen. Gäste aus anderen Communities bitte vorab bei der Leitung melden.',
    days: 9,
    weekdays: [2, 3],
    from: '14:00',
    to: '16:00',
    place: 'Rathaus Musterstadt, Sitzungssaal',
    placeDetails: 'Rathausplatz 1, 54321 Musterstadt (Demo-Adresse), Sitzungssaal im Erdgeschoss.',
    onlineUrl: 'https://video.knotenpunkt.example/r/quartalstreffen-kommunal',
    community: 'kommunale-digitalisierung',
    audience: 'community',
    capacity: 30,
    organiser: 'lead',
    confirmed: 14,
    accounts: ['member'],
  },
  {
    key: 'sprechstunde-ozg',
    kind: 'online',
    title: 'Online-Sprechstunde: EfA-Leistungen nachnutzen',
    description:
      'Eine Stunde für Ihre Fragen zur Nachnutzung von Einer-für-Alle-Leistungen: Anbindung, Kosten, Verträge und Erfahrungen anderer Kommunen. Fragen gern vorab in der Community „OZG-Umsetzung“ stellen.',
    days: 5,
    weekdays: WEEKDAYS,
    from: '10:00',
    to: '11:00',
    onlineUrl: 'https://video.knotenpunkt.example/r/sprechstunde-efa',
    community: 'ozg-umsetzung',
    audience: 'members',
    organiser: 'office',
    organiserName: OFFICE_NAME,
    confirmed: 23,
    accounts: ['member'],
  },
  {
    key: 'werkstatt-informationssicherheit',
    kind: 'workshop',
    title: 'Werkstatt: Informationssicherheit im mobilen Arbeiten',
    description:
      'Gemeinsam haben wir Regelungen für mobiles Arbeiten verglichen und eine Checkliste für Beschäftigte entworfen. Die Checkliste steht in der Community „Netzwerk Informationssicherheitsbeauftragte“ zur Nachnutzung bereit.',
    days: -24,
    weekdays: TUE_THU,
    from: '10:00',
    to: '15:30',
    place: OFFICE_PLACE,
    placeDetails: OFFICE_PLACE_DETAILS,
    audience: 'members',
    capacity: 16,
    organiser: 'office',
    coOrganiser: 'security',
    organiserName: OFFICE_NAME,
    confirmed: 14,
    cancelled: 2,
    accounts: ['member'],
    attendance: 0.86,
  },
  {
    key: 'sprechstunde-registermodernisierung',
    kind: 'online',
    title: 'Online-Sprechstunde: Registermodernisierung',
    description: 'Fragen und Antworten zur Registermodernisierung für Meldebehörden und Fachverfahren. Die Folien sind in der Community „Registermodernisierung“ verlinkt.',
    days: -10,
    weekdays: WEEKDAYS,
    from: '10:00',
    to: '11:30',
    onlineUrl: 'https://video.knotenpunkt.example/r/sprechstunde-register',
    community: 'registermodernisierung',
    audience: 'members',
    organiser: 'office',
    organiserName: OFFICE_NAME,
    confirmed: 31,
    attendance: 0.75,
  },
];

// --- seeding -------------------------------------------------------------------------------------

interface Ctx {
  now: number;
  today: string;
  accounts: Map<AccountKey, string>;
  /** Verified demo people that exist. */
  people: readonly DemoPerson[];
  communities: Map<string, { id: string; members: Set<string> }>;
}

export async function seedDemoEvents(db: Kysely<DB>, opts: { people: readonly DemoPerson[]; now?: Date }): Promise<EventsSeedResult> {
  const result: EventsSeedResult = { eventsCreated: 0, registrationsCreated: 0, sessionsCreated: 0 };
  const existing = new Set((await db.selectFrom('events').select('id').where('id', 'in', DEMO_EVENTS.map((e) => eventId(e.key))).execute()).map((r) => r.id));
  const todo = DEMO_EVENTS.filter((e) => !existing.has(eventId(e.key)));
  if (todo.length === 0) return result; // a restart: nothing to do

  const now = opts.now ?? new Date();
  const accountRows = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', Object.values(ACCOUNT_EMAILS)).execute();
  const accounts = new Map<AccountKey, string>();
  for (const [key, email] of Object.entries(ACCOUNT_EMAILS) as [AccountKey, string][]) {
    const row = accountRows.find((r) => r.email === email);
    if (row) accounts.set(key, row.id);
  }
  const verified = opts.people.length
    ? new Set(
        (
          await db
            .selectFrom('users')
            .select('id')
            .where('id', 'in', opts.people.map((p) => p.id))
            .where('role', '=', 'member')
            .where('verifiedAt', 'is not', null)
            .where('suspendedAt', 'is', null)
            .execute()
        ).map((r) => r.id),
      )
    : new Set<string>();
  const slugs = [...new Set(todo.flatMap((e) => (e.community ? [e.community] : [])))];
  const communityRows = slugs.length
    ? await db
        .selectFrom('communities as c')
        .leftJoin('communityMembers as m', (join) => join.onRef('m.communityId', '=', 'c.id').on('m.status', '=', 'active'))
        .select(['c.id', 'c.slug', 'm.userId'])
        .where('c.slug', 'in', slugs)
        .where('c.status', '=', 'active')
        .execute()
    : [];
  const communities = new Map<string, { id: string; members: Set<string> }>();
  for (const row of communityRows) {
    const entry = communities.get(row.slug) ?? { id: row.id, members: new Set<string>() };
    if (row.userId) entry.members.add(row.userId);
    communities.set(row.slug, entry);
  }
  const ctx: Ctx = { now: now.getTime(), today: berlinDate(now), accounts, people: opts.people.filter((p) => verified.has(p.id)), communities };
  const office = accounts.get('office');
  if (!office) return result; // no office account: nobody to organise

  for (const seed of todo) {
    const counts = await seedEvent(db, seed, ctx);
    result.eventsCreated += counts.events;
    result.registrationsCreated += counts.registrations;
    result.sessionsCreated += counts.sessions;
  }
  return result;
}

async function seedEvent(db: Kysely<DB>, seed: EventSeed, ctx: Ctx): Promise<{ events: number; registrations: number; sessions: number }> {
  const rng = prng(hash(`event:${seed.key}`));
  const id = eventId(seed.key);
  const day = onWeekday(berlinDate(new Date(ctx.now), seed.days), seed.weekdays);
  const startsAt = berlinTime(day, seed.from);
  const endsAt = berlinTime(day, seed.to);
  const start = startsAt.getTime();
  const past = endsAt.getTime() <= ctx.now;
  // Announced five to eight weeks ahead (never after now).
  const createdAt = Math.min(ctx.now - 3 * DAY, start - (35 + Math.floor(rng() * 21)) * DAY);
  const closes = seed.closesDaysBefore ? berlinTime(onWeekday(berlinDate(startsAt, -seed.closesDaysBefore), WEEKDAYS), '23:59') : null;
  const registeredUntil = Math.min(ctx.now - HOUR, (closes?.getTime() ?? start) - HOUR);

  const community = seed.community ? ctx.communities.get(seed.community) : undefined;
  // Without its community (a tester removed it) a community meeting is for all members.
  const audience: EventAudience = seed.audience === 'community' && !community ? 'members' : seed.audience;
  const organiserId = ctx.accounts.get(seed.organiser)!;

  // Who takes part: demo people (members of the community first for community events), then the
  // demo accounts named by the seed; nobody twice, the organisers never.
  const candidates = shuffled(rng, ctx.people).sort((a, b) => {
    if (!community) return 0;
    return Number(community.members.has(b.id)) - Number(community.members.has(a.id));
  });
  const pool = audience === 'community' && community ? candidates.filter((p) => community.members.has(p.id)) : candidates;
  const coOrganiser = seed.coOrganiser ? pool.find((p) => p.field === seed.coOrganiser) : undefined;
  const organiserIds = [organiserId, ...(coOrganiser ? [coOrganiser.id] : [])];
  const accountIds = (seed.accounts ?? []).map((k) => ctx.accounts.get(k)).filter((v): v is string => Boolean(v) && !organiserIds.includes(v!));
  const peopleNeeded = seed.confirmed + (seed.waiting ?? 0) + (seed.cancelled ?? 0) - accountIds.length;
  const persons = pool.filter((p) => !organiserIds.includes(p.id)).slice(0, Math.max(0, peopleNeeded));
  const personById = new Map(persons.map((p) => [p.id, p]));

  // Registration times in order: the confirmed first, then the waiting list, then those who cancelled since.
  const times = Array.from({ length: persons.length + accountIds.length }, () => between(rng, createdAt + 2 * HOUR, registeredUntil).getTime()).sort((a, b) => a - b);
  const order = [...accountIds, ...persons.map((p) => p.id)];
  const confirmedIds = order.slice(0, seed.confirmed);
  const waitingIds = order.slice(seed.confirmed, seed.confirmed + (seed.waiting ?? 0));
  const cancelledIds = order.slice(seed.confirmed + (seed.waiting ?? 0));
  const attendedAt = new Date(Math.min(endsAt.getTime() + 2 * HOUR, ctx.now - MINUTE));
  const answerPool = seed.answers ?? {};

  const regRows: Insertable<DB['eventRegistrations']>[] = [];
  const waitingRows: Insertable<DB['eventRegistrations']>[] = [];
  order.forEach((userId, i) => {
    const at = new Date(times[i] ?? registeredUntil);
    const status = confirmedIds.includes(userId) ? 'confirmed' : waitingIds.includes(userId) ? 'waiting' : 'cancelled';
    const isAccount = accountIds.includes(userId);
    const answers: Record<string, string> = {};
    if (!past) {
      for (const [q, values] of Object.entries(answerPool)) if (rng() < 0.45) answers[q] = values[Math.floor(rng() * values.length)]!;
    }
    const attended = past && status === 'confirmed' && (isAccount || rng() < (seed.attendance ?? 0));
    const row: Insertable<DB['eventRegistrations']> = {
      id: seedId('event-registration', `${seed.key}:${userId}`),
      eventId: id,
      userId,
      status,
      answers: JSON.stringify(answers),
      cancelledAt: status === 'cancelled' ? new Date(Math.min(at.getTime() + 3 * DAY, registeredUntil)) : null,
      cancelledBy: status === 'cancelled' ? userId : null,
      attendedAt: attended ? attendedAt : null,
      attendanceMarkedBy: attended ? organiserId : null,
      remindedAt: past && status === 'confirmed' ? new Date(start - 24 * HOUR) : null,
      createdAt: at,
      updatedAt: at,
    };
    (status === 'waiting' ? waitingRows : regRows).push(row);
  });

  // Barcamp: rooms, slots, sessions with hosts and interest marks.
  const roomRows: Insertable<DB['eventRooms']>[] = [];
  const slotRows: Insertable<DB['eventSlots']>[] = [];
  const sessionRows: Insertable<DB['eventSessions']>[] = [];
  const hostRows: Insertable<DB['eventSessionHosts']>[] = [];
  const interestRows: Insertable<DB['eventSessionInterest']>[] = [];
  const camp = seed.barcamp;
  if (camp) {
    camp.rooms.forEach((room, i) => roomRows.push({ id: seedId('event-room', `${seed.key}:${i}`), eventId: id, name: room.name, capacity: room.capacity, position: i }));
    camp.slots.forEach((slot, i) => slotRows.push({ id: seedId('event-slot', `${seed.key}:${i}`), eventId: id, startsAt: berlinTime(day, slot.from), endsAt: berlinTime(day, slot.to) }));
    const participants = confirmedIds.filter((u) => !organiserIds.includes(u));
    const registeredAt = new Map(regRows.map((r) => [r.userId, (r.createdAt as Date).getTime()]));
    const hosting = new Set<string>();
    const lead = ctx.accounts.get('lead');
    const hostFor = (s: SessionSeed): string | undefined => {
      if (s.host === 'lead' && lead && participants.includes(lead) && !hosting.has(lead)) return lead;
      const free = participants.filter((u) => personById.has(u) && !hosting.has(u));
      return free.find((u) => personById.get(u)!.field === s.host) ?? free[0];
    };
    // Placement of the published plan: the most popular sessions spread over the slots in the
    // biggest room, the next ones in the second room, and so on.
    const byAppeal = camp.sessions.map((s, i) => ({ s, i })).sort((a, b) => b.s.appeal - a.s.appeal || a.i - b.i);
    const cellOf = new Map<number, { roomId: string; slotId: string }>();
    if (camp.published) {
      byAppeal.slice(0, roomRows.length * slotRows.length).forEach(({ i }, rank) => {
        const slot = slotRows[rank % slotRows.length]!;
        const room = roomRows[Math.floor(rank / slotRows.length)]!;
        cellOf.set(i, { roomId: room.id, slotId: slot.id });
      });
    }
    const totalAppeal = camp.sessions.reduce((sum, s) => sum + s.appeal, 0);
    camp.sessions.forEach((s, i) => {
      const sessionId = seedId('event-session', `${seed.key}:${i}`);
      const host = hostFor(s);
      const hosts = host ? [host] : [];
      if (host) hosting.add(host);
      if (s.coHost && host) {
        const second = hostFor({ ...s, host: personById.get(host)?.field ?? s.host });
        if (second) {
          hosts.push(second);
          hosting.add(second);
        }
      }
      const proposedAt = between(rng, Math.max(createdAt, ...hosts.map((h) => registeredAt.get(h) ?? createdAt)) + HOUR, Math.min(registeredUntil, start - 2 * DAY));
      // Interest: each participant marks about 1.5 × marksEach sessions, popular ones more often.
      const interested = participants.filter((u) => !hosts.includes(u) && rng() < Math.min(0.9, (camp.marksEach * s.appeal) / totalAppeal * (1 + rng())));
      for (const userId of interested) {
        interestRows.push({ sessionId, userId, createdAt: between(rng, Math.max(proposedAt.getTime(), registeredAt.get(userId) ?? 0) + MINUTE, Math.min(ctx.now - MINUTE, start - HOUR)) });
      }
      const cell = cellOf.get(i);
      const notesAt = new Date(Math.min(endsAt.getTime() + (1 + rng() * 24) * HOUR, ctx.now - HOUR));
      sessionRows.push({
        id: sessionId,
        eventId: id,
        title: s.title,
        description: s.description,
        format: s.format,
        expectedSize: s.expectedSize ?? null,
        roomId: cell?.roomId ?? null,
        slotId: cell?.slotId ?? null,
        interestCount: interested.length,
        notes: s.notes && past ? s.notes : '',
        notesVersion: s.notes && past ? 1 : 0,
        notesUpdatedAt: s.notes && past ? notesAt : null,
        notesUpdatedBy: s.notes && past ? (hosts[0] ?? null) : null,
        createdAt: proposedAt,
        updatedAt: proposedAt,
        createdBy: hosts[0] ?? null,
      });
      for (const userId of hosts) hostRows.push({ sessionId, userId });
    });
  }

  const confirmedCount = regRows.filter((r) => r.status === 'confirmed').length;
  const questions = seed.questions ?? [];
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('events')
      .values({
        id,
        kind: seed.kind,
        title: seed.title,
        description: seed.description,
        startsAt,
        endsAt,
        place: seed.place ?? null,
        placeDetails: seed.placeDetails ?? null,
        onlineUrl: seed.onlineUrl ?? null,
        communityId: community?.id ?? null,
        audience,
        capacity: seed.capacity ?? null,
        waitlist: seed.waitlist ?? true,
        registrationOpensAt: null,
        registrationClosesAt: closes,
        questions: JSON.stringify(questions),
        organiserName: seed.organiserName ?? null,
        confirmedCount,
        waitlistCount: waitingRows.length,
        planPublishedAt: camp?.published ? new Date(Math.min(start + 45 * MINUTE, ctx.now - HOUR)) : null,
        // The notes are written; publishing them to the community is left to the organiser.
        documentationPublishedAt: null,
        answersDeletedAt: past ? new Date(Math.min(endsAt.getTime() + 6 * HOUR, ctx.now - MINUTE)) : null,
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt),
        createdBy: organiserId,
        updatedBy: organiserId,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    if (inserted.length === 0) return { events: 0, registrations: 0, sessions: 0 }; // created in between by another run
    await trx
      .insertInto('eventOrganisers')
      .values(organiserIds.map((userId, i) => ({ eventId: id, userId, createdAt: new Date(createdAt + i * MINUTE) })))
      .execute();
    if (regRows.length) await trx.insertInto('eventRegistrations').values(regRows).execute();
    // One at a time, so that the queue positions follow the order of registration.
    for (const row of waitingRows) await trx.insertInto('eventRegistrations').values(row).execute();
    if (roomRows.length) await trx.insertInto('eventRooms').values(roomRows).execute();
    if (slotRows.length) await trx.insertInto('eventSlots').values(slotRows).execute();
    if (sessionRows.length) await trx.insertInto('eventSessions').values(sessionRows).execute();
    if (hostRows.length) await trx.insertInto('eventSessionHosts').values(hostRows).execute();
    if (interestRows.length) await trx.insertInto('eventSessionInterest').values(interestRows).execute();
    return { events: 1, registrations: regRows.length + waitingRows.length, sessions: sessionRows.length };
  });
}
