/**
 * Search quality: a judgement list of German queries against the demo data (src/demo/), searched
 * with `search()` as the demo member `member@land-beispiel.example` (a verified member of the
 * Ministerium für Digitales des Landes Beispiel; the request-only and hidden communities are not
 * his to read). Each query names the results that must be in the top five (by kind and title or
 * name, never by id) and the further results a judge would count as relevant; the test fails
 * when a must-appear result is missing from its query's top five, or when an excluded result
 * (-word, a phrase's words apart) shows up at all. At the end it prints precision at 5 (relevant
 * results among the first five / 5, averaged over the queries) and the share of must-appear
 * results found in the top five.
 *
 * Results are judged by what the result shows: a post by its title, a reply by the title of its
 * post (`thread`: the post or any of its replies), a person by name; for topic searches also a
 * post by its topics (`tagged`) and a person by the position and expertise the result shows
 * (`expert`).
 *
 * WATCH lists queries a judge would expect to work that the current ranking or matching does
 * not answer, each with the cause found (ranking: docs/search.md). They are searched and
 * printed, not asserted: when one starts to work, move it into JUDGEMENTS.
 *
 * Not in the list: "Barcamp" and the like. The demo communities never mention one (only the
 * scale data set does), so there is no right answer to judge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestDatabase } from '../../../test/helpers/app.js';
import type { DB } from '../../db/schema.js';
import { seedDemo } from '../../demo/seed-demo.js';
import type { Viewer } from '../members/members.repo.js';
import { MARK_END, MARK_START, type ResultKind, type SearchRow } from './search.repo.js';
import { search } from './search.service.js';

/** A result as a judge identifies it. */
type Ref =
  | { kind: ResultKind; title: string }
  /** The post with this title or any of its replies. */
  | { kind: 'thread'; title: string }
  /** A person whose shown position or expertise matches. */
  | { kind: 'expert'; about: RegExp }
  /** A post its author tagged with this topic. */
  | { kind: 'tagged'; tag: string };

const post = (title: string): Ref => ({ kind: 'post', title });
const thread = (title: string): Ref => ({ kind: 'thread', title });
const community = (title: string): Ref => ({ kind: 'community', title });
const member = (title: string): Ref => ({ kind: 'member', title });
const org = (title: string): Ref => ({ kind: 'organisation', title });
const expert = (about: RegExp): Ref => ({ kind: 'expert', about });
const tagged = (tag: string): Ref => ({ kind: 'tagged', tag });
const event = (title: string): Ref => ({ kind: 'event', title });
/** Events of the demo that a judge counts as relevant where they appear. */
const E = {
  eakte: event('Werkstatt: E-Akte einführen'),
  isb: event('Werkstatt: Informationssicherheit im mobilen Arbeiten'),
  reg: event('Online-Sprechstunde: Registermodernisierung'),
  efa: event('Online-Sprechstunde: EfA-Leistungen nachnutzen'),
};

type Aspect = 'stemming' | 'umlaut' | 'typo' | 'compound' | 'phrase' | 'exclusion' | 'person' | 'organisation' | 'community' | 'topic';

interface Judgement {
  q: string;
  aspect: Aspect;
  /** Must be among the first five results. */
  must: Ref[];
  /** Also relevant where they appear (the must-appear ones count too). */
  relevant?: Ref[];
  /** Must not appear at all (what a -word excludes, what a phrase does not cover). */
  absent?: Ref[];
  /** The spelling correction the search must have applied. */
  corrected?: string;
}

const TOP = 5;

// Titles of demo posts (src/demo/communities-posts-*.ts).
const T = {
  eakteWellen: 'Flächendeckende E-Akte in 18 Monaten: Einführung in Wellen',
  eakteWelcome: 'Willkommen in der Community E-Akte & Dokumentenmanagement',
  eakteLoeschen: 'Löschkonzepte in der E-Akte: Wer traut sich wirklich zu löschen?',
  eakteVertretung: 'Zugriffsrechte bei Vertretung: Rollen oder Einzelberechtigungen?',
  eakteAussonderung: 'Aussonderung aus der E-Akte: Wie bietet ihr dem Archiv an?',
  eakteAkzeptanz: 'Akzeptanz: Was hat bei euch die Skeptikerinnen und Skeptiker überzeugt?',
  eRechnungDms: 'Wie habt ihr die E-Rechnung an das DMS angebunden?',
  eRechnungMail: 'E-Rechnungen per E-Mail: eigenes Postfach oder nur über die Plattform?',
  scannen: 'Ersetzendes Scannen nach TR-RESISCAN: Aufwand realistisch?',
  efaSprechstunde: 'Monatliche Sprechstunde zur EfA-Nachnutzung',
  efaDashboard: 'Umsetzungs-Dashboard für EfA-Leistungen im Land Beispiel',
  fitConnect: 'EfA-Dienst an unser Fachverfahren anbinden: Erfahrungen mit FIT-Connect?',
  fim: 'FIM-Stammtexte: Wer pflegt bei euch die Leistungsbeschreibungen?',
  bundId: 'BundID oder Landeskonto: Was bieten wir unseren Bürgerinnen und Bürgern an?',
  wohngeld: 'Nachnutzung Wohngeld-Onlinedienst: Wie verteilt ihr die Kosten?',
  ozgGesetz: 'OZG-Änderungsgesetz: Was kommt jetzt konkret auf die Kommunen zu?',
  kiStellungnahmen: 'KI-Assistenz zur Auswertung von Stellungnahmen im Beteiligungsverfahren',
  kiDienstvereinbarung: 'Dienstvereinbarung für generative KI: Hat jemand eine Vorlage?',
  kiVerordnung: 'KI-Verordnung: Wie inventarisiert ihr eure KI-Systeme?',
  kiProtokolle: 'Sitzungsprotokolle mit KI zusammenfassen: Was sagt euer Datenschutz?',
  kiAbout: 'Worum es hier geht, und worum nicht',
  chatbot: 'Chatbot im Bürgerservice: Wie geht ihr mit falschen Antworten um?',
  rpa: 'Posteingang automatisch vorsortieren mit RPA',
  osZitieren: 'Hier darf zitiert werden',
  osOpenCode: 'Eigenentwicklung auf OpenCoDE veröffentlichen: Wie lief bei euch die Freigabe?',
  osOpenDesk: 'Pilot openDesk in zwei Referaten',
  osRathaus: 'Open Source im Rathaus: Wer betreibt das eigentlich?',
  osLizenz: 'Welche Lizenz für Software, die wir selbst entwickeln lassen?',
  osRatsinfo: 'Ratsinformationssystem gemeinsam mit Nachbarkommunen weiterentwickeln',
  osAusschreibung: 'Open Source in der Leistungsbeschreibung: Wie formuliert ihr das?',
  osSammlung: 'Sammlung: Welche Open-Source-Fachverfahren sind bei euch im Einsatz?',
  bfPdf: 'Barrierefreie PDFs aus der Fachanwendung: Geht das überhaupt?',
  bfErklaerungen: 'Erklärungen zur Barrierefreiheit für 60 Landesportale zentral pflegen',
  leichteSprache: 'Leichte Sprache: eigenes Team oder externe Übersetzung?',
  bfCheckliste: 'Checkliste Barrierefreiheit für die Beschaffung von Fachverfahren',
  bfTastatur: 'Tastaturbedienung: unsere fünf häufigsten Fehler',
  regId: 'Identifikationsnummer im Meldewesen: Wie geht ihr mit Abweichungen beim Abgleich um?',
  regQualitaet: 'Datenqualitäts-Check für Registerdaten vor dem Anschluss',
  regCockpit: 'Datenschutzcockpit: Erfahrungen mit der Anbindung?',
  agZitieren: 'Offene Community: Zitieren erlaubt',
  agHaushalt: 'Agile Vorhaben und Haushaltsrecht: Wie plant ihr Budgets ohne festes Pflichtenheft?',
  agRetro: 'Retrospektiven mit Führungskräften: Wie offen kann man da sein?',
  agKanban: 'Kanban-Board für ein ganzes Amt: Papier oder digital?',
  agCoaches: 'Agile Coaches intern ausbilden statt einkaufen?',
  wmTandems: 'Wissenstransfer-Tandems vor dem Ruhestand',
  wmOnboarding: 'Onboarding neuer Beschäftigter: Was gehört in die erste Woche?',
  wmMotivation: 'Wie motiviert ihr Kolleginnen und Kollegen, Wissen aufzuschreiben?',
  kdAustausch: 'Online-Austausch: Digitale Terminvergabe im Bürgerbüro',
  kdTermine: 'Digitale Terminvergabe im Bürgerbüro mit Wartezeitanzeige',
  kdLaender: 'Wie können Länder die Kommunen bei der Digitalisierung besser unterstützen?',
  kdStelle: 'Gemeinsame Digitalisierungsstelle für kleine Gemeinden: Hat das jemand?',
  kdSensorik: 'Smart-City-Sensorik: Wem gehören die Daten?',
  kdMaengel: 'Mängelmelder mit Rückmeldung an die Bürgerinnen und Bürger',
  kdBudget: 'Digitalisierungsbudget im Haushalt sichtbar machen',
  kdKarte: 'Nur noch Kartenzahlung im Bürgerbüro?',
  dsErsatz: 'Kein Ersatz für eure Datenschutzbeauftragten',
  dsVideo: 'Datenschutz-Folgenabschätzung für ein Videokonferenzsystem: Muss das sein?',
  dsBaukasten: 'Baukasten Datenschutz-Folgenabschätzung für Onlinedienste',
  dsCloud: 'Cloud-Dienste und Drittlandübermittlung: Wie ist eure aktuelle Linie?',
  dsHinweise: 'Datenschutzhinweise verständlich formulieren',
} as const;

const C = {
  eakte: community('E-Akte & Dokumentenmanagement'),
  ozg: community('OZG-Umsetzung'),
  ki: community('KI in der Verwaltung'),
  isb: community('Netzwerk Informationssicherheitsbeauftragte'),
  os: community('Open Source in der Verwaltung'),
  bf: community('Digitale Barrierefreiheit'),
  reg: community('Registermodernisierung'),
  agil: community('Agiles Arbeiten'),
  wm: community('Wissensmanagement'),
  kd: community('Kommunale Digitalisierung'),
  ds: community('Datenschutz & Digitalisierung'),
};

const JUDGEMENTS: Judgement[] = [
  // --- Stemming: other forms of a word find it.
  {
    q: 'Verwaltungen',
    aspect: 'stemming',
    must: [C.ki, C.os],
    // The word itself, not compounds such as "Ministerialverwaltung" or "Bundesverwaltungsamt".
    relevant: [org('Zentrum für Digitale Souveränität der Öffentlichen Verwaltung (ZenDiS) GmbH'), thread(T.osSammlung)],
  },
  { q: 'Lizenzen', aspect: 'stemming', must: [post(T.osLizenz)], relevant: [thread(T.osLizenz), thread(T.osOpenCode), thread(T.osAusschreibung), thread(T.osRathaus), C.os] },
  { q: 'Sprechstunden', aspect: 'stemming', must: [post(T.efaSprechstunde), thread(T.eakteWelcome)], relevant: [C.ozg, thread(T.efaDashboard), E.reg, E.efa] },
  { q: 'Stellungnahme', aspect: 'stemming', must: [post(T.kiStellungnahmen)], relevant: [thread(T.kiStellungnahmen), C.ki] },
  {
    q: 'Checklisten',
    aspect: 'stemming',
    must: [post(T.bfCheckliste)],
    relevant: [thread(T.wmOnboarding), thread(T.osOpenCode), thread(T.eakteWellen), thread(T.fim)],
  },
  { q: 'Retrospektive', aspect: 'stemming', must: [post(T.agRetro)] },

  // --- Umlauts written as ae/oe/ue/ss, or left out.
  { q: 'Aemter E-Akte', aspect: 'umlaut', must: [post(T.eakteWellen)], relevant: [member('Lena Leitner'), thread(T.eRechnungDms)] },
  { q: 'Ämter E-Akte', aspect: 'umlaut', must: [post(T.eakteWellen)], relevant: [member('Lena Leitner'), thread(T.eRechnungDms)] },
  { q: 'Buergerbuero', aspect: 'umlaut', must: [post(T.kdKarte), post(T.kdTermine), post(T.kdAustausch)], relevant: [expert(/Bürgerbüro/), thread(T.fim)] },
  { q: 'Loeschkonzepte', aspect: 'umlaut', must: [post(T.eakteLoeschen)], relevant: [C.ds] },
  {
    q: 'Fuehrungskraefte',
    aspect: 'umlaut',
    must: [post(T.agRetro)],
    relevant: [thread(T.agRetro), thread(T.eakteVertretung), thread(T.wmOnboarding), thread(T.eakteAkzeptanz)],
  },
  { q: 'Mangelmelder', aspect: 'umlaut', must: [post(T.kdMaengel)] },
  { q: 'Heike Gross', aspect: 'umlaut', must: [member('Heike Groß')] },
  { q: 'Deutscher Staedtetag', aspect: 'umlaut', must: [org('Deutscher Städtetag')] },
  { q: 'Goettingen', aspect: 'umlaut', must: [org('Stadt Göttingen'), org('Landkreis Göttingen')] },

  // --- Typos: corrected to a word of the vocabulary that finds something.
  { q: 'Digitalisirung', aspect: 'typo', corrected: 'digitalisierung', must: [C.kd, C.ds], relevant: [post(T.kdStelle), tagged('Kommunale Digitalisierung'), expert(/Digitalisierung/)] },
  {
    q: 'Barierefreiheit',
    aspect: 'typo',
    corrected: 'barrierefreiheit',
    must: [C.bf, post(T.bfCheckliste), post(T.bfErklaerungen)],
    relevant: [post(T.bfPdf), tagged('Barrierefreiheit'), expert(/Barrierefreiheit/)],
  },
  { q: 'Wissensmanagment', aspect: 'typo', corrected: 'wissensmanagement', must: [C.wm], relevant: [expert(/Wissensmanagement/), tagged('Wissensmanagement'), thread(T.wmMotivation)] },
  { q: 'Registermodernisirung', aspect: 'typo', corrected: 'registermodernisierung', must: [C.reg], relevant: [expert(/Registermodernisierung/), tagged('Registermodernisierung'), E.reg] },
  { q: 'Kanbann', aspect: 'typo', corrected: 'kanban', must: [post(T.agKanban)], relevant: [thread(T.agKanban), C.agil] },

  // --- Parts of compound words.
  { q: 'Strategie', aspect: 'compound', must: [post(T.regQualitaet), C.reg], relevant: [tagged('Datenstrategie'), tagged('Digitalisierungsstrategie'), expert(/[Ss]trategie/)] },
  { q: 'Tastatur', aspect: 'compound', must: [post(T.bfTastatur)] },
  { q: 'Cockpit', aspect: 'compound', must: [post(T.regCockpit)] },
  { q: 'Landkarte', aspect: 'compound', must: [thread(T.wmTandems)] },
  { q: 'Budget', aspect: 'compound', must: [post(T.kdBudget), post(T.agHaushalt)], relevant: [thread(T.kdBudget)] },
  // Procurement: people who work in it, the texts about tenders. »Terminvergabe« (booking appointments) contains the
  // word but means something else: found, yet not relevant.
  {
    q: 'Vergabe',
    aspect: 'compound',
    must: [expert(/Vergabe/)],
    relevant: [post(T.bfCheckliste), post(T.osAusschreibung), thread(T.osRatsinfo), C.agil],
  },
  { q: 'Eingang', aspect: 'compound', must: [post(T.rpa)], relevant: [post(T.eRechnungDms), post(T.eRechnungMail), post(T.scannen)] },

  // --- "Phrases": the words in this order; texts with the words apart are not found.
  { q: '"Leichte Sprache"', aspect: 'phrase', must: [post(T.leichteSprache)], relevant: [tagged('Leichte Sprache'), expert(/Leichte Sprache/), C.bf, thread(T.fim)] },
  { q: '"ersetzendes Scannen"', aspect: 'phrase', must: [post(T.scannen)] },
  { q: '"Chatham-House-Regel"', aspect: 'phrase', must: [post(T.osZitieren), post(T.agZitieren)] },
  {
    q: '"digitale Verwaltung"',
    aspect: 'phrase',
    must: [thread(T.kdBudget)],
    relevant: [expert(/Digitale Verwaltung/)],
    absent: [org('Zentrum für Digitale Souveränität der Öffentlichen Verwaltung (ZenDiS) GmbH'), C.os],
  },
  { q: '"Scannen bei Bedarf"', aspect: 'phrase', must: [thread(T.eakteWellen)], absent: [post(T.scannen)] },

  // --- -word excludes.
  { q: 'Sprechstunde -EfA', aspect: 'exclusion', must: [thread(T.eakteWelcome)], relevant: [E.reg], absent: [post(T.efaSprechstunde), post(T.efaDashboard), E.efa] },
  { q: 'Chatbot -Sprachmodell', aspect: 'exclusion', must: [C.ki], absent: [thread(T.chatbot)] },
  {
    q: 'Datenschutz -Folgenabschätzung',
    aspect: 'exclusion',
    must: [post(T.kiProtokolle), post(T.dsHinweise), post(T.dsErsatz)],
    relevant: [tagged('Datenschutz'), post(T.regCockpit), expert(/Datenschutz/)],
    absent: [post(T.dsVideo), post(T.dsBaukasten), C.ds],
  },
  { q: 'Bürgerbüro -Kartenzahlung', aspect: 'exclusion', must: [post(T.kdTermine), post(T.kdAustausch)], relevant: [expert(/Bürgerbüro/), thread(T.fim)], absent: [post(T.kdKarte)] },
  { q: 'Terminvergabe -"Online-Austausch"', aspect: 'exclusion', must: [post(T.kdTermine)], absent: [post(T.kdAustausch)] },

  // --- People, organisations, communities by name.
  { q: 'Lena Leitner', aspect: 'person', must: [member('Lena Leitner')] },
  { q: 'Mehmet Yilmaz', aspect: 'person', must: [member('Mehmet Yılmaz')] },
  { q: 'Katharina Vogel', aspect: 'person', must: [member('Dr. Katharina Vogel')] },
  { q: 'BSI', aspect: 'organisation', must: [org('Bundesamt für Sicherheit in der Informationstechnik')], relevant: [C.isb] },
  { q: 'ITZBund', aspect: 'organisation', must: [org('Informationstechnikzentrum Bund')] },
  { q: 'Ministerium für Digitales Beispiel', aspect: 'organisation', must: [org('Ministerium für Digitales des Landes Beispiel')], relevant: [post(T.kdLaender)] },
  { q: 'Registermodernisierung', aspect: 'community', must: [C.reg], relevant: [expert(/Registermodernisierung/), tagged('Registermodernisierung'), E.reg] },
  { q: 'agil', aspect: 'community', must: [C.agil, post(T.agHaushalt), post(T.agCoaches)], relevant: [tagged('Agiles Arbeiten'), expert(/Agil/)] },

  // --- Topics people ask about.
  {
    q: 'E-Akte',
    aspect: 'topic',
    must: [C.eakte, post(T.eakteWellen)],
    relevant: [tagged('E-Akte'), post(T.eakteLoeschen), post(T.eakteAussonderung), expert(/E-Akte/), E.eakte],
  },
  { q: 'E-Akte Einführung', aspect: 'topic', must: [post(T.eakteWellen)], relevant: [C.eakte, member('Lena Leitner'), expert(/E-Akte/), E.eakte] },
  { q: 'E-Akte Vertretung', aspect: 'topic', must: [post(T.eakteVertretung)], relevant: [thread(T.eakteAkzeptanz)] },
  {
    q: 'OZG',
    aspect: 'topic',
    must: [C.ozg, post(T.ozgGesetz)],
    relevant: [tagged('OZG-Umsetzung'), post(T.osOpenCode), expert(/OZG/)],
  },
  { q: 'Wohngeld', aspect: 'topic', must: [post(T.wohngeld)], relevant: [thread(T.efaSprechstunde)] },
  { q: 'BundID', aspect: 'topic', must: [post(T.bundId)], relevant: [tagged('BundID'), C.ozg, expert(/BundID/)] },
  { q: 'FIT-Connect', aspect: 'topic', must: [post(T.fitConnect)] },
  {
    q: 'KI',
    aspect: 'topic',
    must: [C.ki, post(T.kiVerordnung), post(T.kiDienstvereinbarung)],
    relevant: [tagged('KI in der Verwaltung'), expert(/KI/)],
  },
  { q: 'KI Personalrat', aspect: 'topic', must: [post(T.kiDienstvereinbarung)], relevant: [post(T.kiAbout), post(T.kiStellungnahmen)] },
  { q: 'Chatbot falsche Antworten', aspect: 'topic', must: [post(T.chatbot)] },
  {
    q: 'Datenschutz',
    aspect: 'topic',
    must: [C.ds, post(T.dsVideo)],
    relevant: [tagged('Datenschutz'), post(T.kiProtokolle), post(T.regCockpit), expert(/Datenschutz/)],
  },
  { q: 'Videokonferenz Datenschutz', aspect: 'topic', must: [post(T.dsVideo)] },
  { q: 'Cloud', aspect: 'topic', must: [post(T.dsCloud)], relevant: [thread(T.dsCloud), tagged('Deutsche Verwaltungscloud'), C.ds, C.ki, expert(/Cloud/)] },
  {
    q: 'Informationssicherheit',
    aspect: 'topic',
    must: [C.isb],
    relevant: [C.ds, tagged('Informationssicherheit'), expert(/Informationssicherheit|Sicherheit/), E.isb],
  },
  {
    q: 'Open Source',
    aspect: 'topic',
    must: [C.os, post(T.osRathaus), post(T.osAusschreibung)],
    relevant: [tagged('Open Source'), expert(/Open Source/)],
  },
  { q: 'Open Source Lizenz', aspect: 'topic', must: [post(T.osLizenz)], relevant: [C.os, thread(T.osRathaus), thread(T.osOpenCode), thread(T.osAusschreibung)] },
  { q: 'Barrierefreiheit', aspect: 'topic', must: [C.bf, post(T.bfCheckliste)], relevant: [tagged('Barrierefreiheit'), expert(/Barrierefreiheit/)] },
  { q: 'Identifikationsnummer', aspect: 'topic', must: [post(T.regId)], relevant: [C.reg] },
  { q: 'Smart City Daten', aspect: 'topic', must: [post(T.kdSensorik)], relevant: [C.kd, tagged('Smart City'), expert(/Smart City/)] },
  { q: 'Onboarding', aspect: 'topic', must: [post(T.wmOnboarding)], relevant: [C.wm] },
  { q: 'Wissen Ruhestand', aspect: 'topic', must: [post(T.wmTandems), C.wm] },
];

/**
 * Queries a judge expects to work that the current ranking or matching does not answer: not
 * asserted, searched and printed below the table. When one works, move it into JUDGEMENTS.
 */
const WATCH: (Judgement & { problem: string })[] = [
  {
    q: 'Buergerservice',
    aspect: 'umlaut',
    problem: 'the community with the topic ranks below a dozen people (length normalisation of ts_rank)',
    must: [post(T.chatbot), C.kd],
    relevant: [tagged('Bürgerservice'), expert(/Bürgerservice/)],
  },
  {
    q: 'digitale Souveränität',
    aspect: 'topic',
    problem: 'community and post tagged with the topic rank below people (length normalisation of ts_rank)',
    must: [C.os, post(T.osOpenDesk)],
    relevant: [org('Zentrum für Digitale Souveränität der Öffentlichen Verwaltung (ZenDiS) GmbH'), tagged('Digitale Souveränität'), expert(/Souveränität/)],
  },
  {
    q: 'Onboarding für neue Beschäftigte',
    aspect: 'topic',
    problem: '"für" is no stop word in kp_german (unaccent runs before the stemmer\'s stop-word list): nothing found',
    must: [post(T.wmOnboarding)],
  },
  {
    q: 'Erfahrungen mit openDesk',
    aspect: 'topic',
    problem: 'every word must occur (AND); the openDesk pilot never says "Erfahrungen"',
    must: [post(T.osOpenDesk)],
    relevant: [C.os, expert(/openDesk/)],
  },
  {
    q: 'OZG Kosten Nachnutzung',
    aspect: 'topic',
    problem: 'every word must occur (AND): nothing found, no fallback to fewer words',
    must: [post(T.wohngeld)],
    relevant: [post(T.efaSprechstunde), C.ozg],
  },
  {
    q: 'Wie führe ich die E-Akte ein?',
    aspect: 'topic',
    problem: 'every word must occur (AND); "führe … ein" is not "Einführung"',
    must: [post(T.eakteWellen)],
    relevant: [C.eakte, post(T.eakteAkzeptanz), expert(/E-Akte/)],
  },
];

// ---------------------------------------------------------------------------------------------

const plain = (text: string) => text.replaceAll(MARK_START, '').replaceAll(MARK_END, '');

function matches(ref: Ref, row: SearchRow): boolean {
  switch (ref.kind) {
    case 'thread':
      return (row.kind === 'post' || row.kind === 'reply') && row.title === ref.title;
    case 'expert':
      return row.kind === 'member' && ref.about.test(plain(row.snippetMarked));
    case 'tagged':
      return row.kind === 'post' && (postTags.get(row.id)?.has(ref.tag) ?? false);
    default:
      return row.kind === ref.kind && row.title === ref.title;
  }
}

function describeRef(ref: Ref): string {
  if (ref.kind === 'expert') return `expert ${ref.about}`;
  if (ref.kind === 'tagged') return `post tagged »${ref.tag}«`;
  return `${ref.kind} »${ref.title}«`;
}

function describeRow(row: SearchRow, i: number): string {
  return `${i + 1}. ${row.kind} »${row.title}« (${row.score.toFixed(4)})`;
}

interface Outcome {
  q: string;
  aspect: Aspect;
  top: SearchRow[];
  mustFound: number;
  mustTotal: number;
  relevantInTop: number;
  missing: Ref[];
  present: Ref[];
  correctedText: string | null;
}

let db: Kysely<DB>;
let viewer: Viewer;
/** Topics of each post, for `tagged`. */
const postTags = new Map<string, Set<string>>();
const outcomes = new Map<string, Outcome>();
const watchOutcomes = new Map<string, Outcome>();

async function judge(j: Judgement): Promise<Outcome> {
  const result = await search(db, viewer, { q: j.q });
  const top = result.items.slice(0, TOP);
  const missing = j.must.filter((ref) => !top.some((row) => matches(ref, row)));
  // An excluded result must not appear anywhere: look through every page.
  const all = [...result.items];
  for (let next = j.absent?.length ? result.next : null; next; ) {
    const page = await search(db, viewer, { q: j.q, limit: 50, cursor: next });
    all.push(...page.items);
    next = page.next;
  }
  const present = (j.absent ?? []).filter((ref) => all.some((row) => matches(ref, row)));
  const relevant = [...j.must, ...(j.relevant ?? [])];
  return {
    q: j.q,
    aspect: j.aspect,
    top,
    mustFound: j.must.length - missing.length,
    mustTotal: j.must.length,
    relevantInTop: top.filter((row) => relevant.some((ref) => matches(ref, row))).length,
    missing,
    present,
    correctedText: result.correctedText,
  };
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  await seedDemo(db, { log: () => undefined });
  const me = await db.selectFrom('users').select('id').where('email', '=', 'member@land-beispiel.example').executeTakeFirstOrThrow();
  // As viewerOf (members.service.ts) builds it for this verified member.
  viewer = { id: me.id, verified: true, staff: false };
  const tags = await db.selectFrom('postTags as pt').innerJoin('tags as t', 't.id', 'pt.tagId').select(['pt.postId', 't.label']).execute();
  for (const { postId, label } of tags) postTags.set(postId, (postTags.get(postId) ?? new Set()).add(label));
}, 120_000);

afterAll(async () => {
  try {
    if (outcomes.size > 0) {
      for (const w of WATCH) watchOutcomes.set(w.q, await judge(w));
      report();
    }
  } finally {
    await db?.destroy();
  }
});

describe('search judgements (demo data, as member@land-beispiel.example)', () => {
  it('has at least 30 queries, each with a must-appear result, every aspect covered', () => {
    expect(JUDGEMENTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(JUDGEMENTS.map((j) => j.q)).size).toBe(JUDGEMENTS.length);
    for (const j of JUDGEMENTS) expect(j.must.length, j.q).toBeGreaterThan(0);
    const aspects = new Set(JUDGEMENTS.map((j) => j.aspect));
    for (const a of ['stemming', 'umlaut', 'typo', 'compound', 'phrase', 'exclusion', 'person', 'organisation', 'community', 'topic'] as const) expect(aspects, a).toContain(a);
  });

  for (const j of JUDGEMENTS) {
    it(`${j.aspect}: ${j.q}`, async () => {
      const outcome = await judge(j);
      outcomes.set(j.q, outcome);
      const shown = outcome.top.map(describeRow).join('\n') || '(nothing found)';
      expect(outcome.missing.map(describeRef), `must-appear results missing from the top ${TOP} of »${j.q}«:\n${shown}`).toEqual([]);
      expect(outcome.present.map(describeRef), `excluded results found for »${j.q}«`).toEqual([]);
      if (j.corrected) expect(outcome.correctedText, `correction of »${j.q}«`).toBe(j.corrected);
    });
  }

  it('finds the same for an umlaut and its spelling with e (and without it)', async () => {
    const pairs = [
      ['Ämter E-Akte', 'Aemter E-Akte'],
      ['Bürgerbüro', 'Buergerbuero'],
      ['Göttingen', 'Goettingen'],
      ['Mängelmelder', 'Maengelmelder'],
      ['Mängelmelder', 'Mangelmelder'],
      ['Städtetag', 'Staedtetag'],
    ];
    for (const [a, b] of pairs) {
      const [ra, rb] = await Promise.all([search(db, viewer, { q: a! }), search(db, viewer, { q: b! })]);
      const key = (r: SearchRow) => `${r.kind}:${r.title}`;
      expect(ra.items.length, a).toBeGreaterThan(0);
      expect(rb.items.slice(0, TOP).map(key), `${a} / ${b}`).toEqual(ra.items.slice(0, TOP).map(key));
    }
  });
});

function report(): void {
  const done = JUDGEMENTS.flatMap((j) => outcomes.get(j.q) ?? []);
  const watched = WATCH.flatMap((w) => watchOutcomes.get(w.q) ?? []);
  const figures = (list: Outcome[]) => {
    const mustFound = list.reduce((n, o) => n + o.mustFound, 0);
    const mustTotal = list.reduce((n, o) => n + o.mustTotal, 0);
    return {
      n: list.length,
      p5: list.reduce((sum, o) => sum + o.relevantInTop / TOP, 0) / list.length,
      // Many queries have fewer than five right answers in the demo data: precision of what is shown.
      pShown: list.reduce((sum, o) => sum + (o.top.length ? o.relevantInTop / o.top.length : 0), 0) / list.length,
      must: `${mustFound}/${mustTotal}`,
      mustShare: mustFound / mustTotal,
    };
  };
  const line = (label: string, list: Outcome[]) => {
    const f = figures(list);
    return `${label.padEnd(14)}${String(f.n).padStart(7)}${f.p5.toFixed(3).padStart(8)}${f.pShown.toFixed(3).padStart(9)}${f.must.padStart(10)}${`${(f.mustShare * 100).toFixed(1)} %`.padStart(9)}`;
  };
  const aspects = [...new Set(done.map((o) => o.aspect))];
  const out = [
    `Search judgements, demo data, as member@land-beispiel.example (${done.length} of ${JUDGEMENTS.length} queries run)`,
    `${'aspect'.padEnd(14)}${'queries'.padStart(7)}${'P@5'.padStart(8)}${'P@shown'.padStart(9)}${'must'.padStart(10)}${'found'.padStart(9)}`,
    ...aspects.map((a) => line(a, done.filter((o) => o.aspect === a))),
    line('all', done),
  ];
  if (watched.length) {
    out.push(line('watch list', watched) + '   (not asserted)');
    for (const w of WATCH) {
      const o = watchOutcomes.get(w.q);
      if (o) out.push(`  ${`»${w.q}«`.padEnd(36)} must ${o.mustFound}/${o.mustTotal}: ${w.problem}`);
    }
  }
  console.log(out.join('\n'));
}
