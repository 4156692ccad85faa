/**
 * Word lists for the demo people (./people.ts) and the scale data (./scale-profiles.ts):
 * German first and last names, fields of work with their topics (the expertise vocabulary),
 * position templates and bio sentences. Everything invented; no real person is meant.
 */
import type { Level } from '../db/schema.js';

export type Gender = 'f' | 'm';

export const FEMALE_NAMES = [
  'Anna', 'Lena', 'Julia', 'Sarah', 'Laura', 'Katharina', 'Sabine', 'Claudia', 'Petra', 'Monika', 'Sandra', 'Nicole', 'Stefanie', 'Andrea',
  'Melanie', 'Jana', 'Miriam', 'Sophie', 'Marie', 'Hannah', 'Lea', 'Franziska', 'Birgit', 'Ute', 'Karin', 'Susanne', 'Christina', 'Kerstin',
  'Nadine', 'Anja', 'Heike', 'Silke', 'Tanja', 'Johanna', 'Charlotte', 'Friederike', 'Carolin', 'Judith', 'Ayşe', 'Elif', 'Fatma', 'Natalia',
  'Olga', 'Agnieszka', 'Leyla', 'Dilara', 'Irina', 'Maren', 'Wiebke', 'Svenja',
];

export const MALE_NAMES = [
  'Thomas', 'Michael', 'Andreas', 'Stefan', 'Christian', 'Markus', 'Frank', 'Jürgen', 'Klaus', 'Uwe', 'Tobias', 'Jan', 'Florian', 'Sebastian',
  'Daniel', 'Jonas', 'Lukas', 'Felix', 'Maximilian', 'Paul', 'Matthias', 'Ralf', 'Dirk', 'Björn', 'Sören', 'Oliver', 'Martin', 'Holger',
  'Torsten', 'Henrik', 'Philipp', 'Benedikt', 'Moritz', 'Niklas', 'Till', 'Malte', 'Mehmet', 'Ahmet', 'Emre', 'Piotr', 'Dmitri', 'Karim',
  'Hamid', 'Arne', 'Jörg', 'Volker', 'Bernd', 'Hendrik', 'Fabian', 'Kai',
];

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter',
  'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner',
  'Schmitz', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser',
  'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank',
  'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus',
  'Martin', 'Krämer', 'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich', 'Brandt', 'Haas', 'Schreiber', 'Graf',
  'Dietrich', 'Ziegler', 'Kuhn', 'Pohl', 'Engel', 'Horn', 'Busch', 'Bergmann', 'Thomas', 'Voigt', 'Sauer', 'Arnold', 'Wolff', 'Pfeiffer',
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Nowak', 'Kowalski', 'Nguyen', 'Popescu', 'Ivanova', 'Petrović', 'Haddad', 'Jansen', 'Hansen', 'Petersen',
];

/** Languages besides German that go with some first names. */
export const NAME_LANGUAGES: Record<string, string> = {
  Ayşe: 'tr', Elif: 'tr', Fatma: 'tr', Dilara: 'tr', Mehmet: 'tr', Ahmet: 'tr', Emre: 'tr',
  Agnieszka: 'pl', Piotr: 'pl', Natalia: 'ru', Olga: 'uk', Irina: 'ru', Dmitri: 'ru', Leyla: 'ar', Karim: 'ar', Hamid: 'ar',
};

export const OTHER_LANGUAGES = ['fr', 'es', 'it', 'nl', 'pl', 'cs', 'da', 'dgs'] as const;

export type FieldKey = 'digital' | 'eakte' | 'security' | 'data' | 'architecture' | 'service' | 'organisation' | 'procurement' | 'municipal';

export interface Field {
  key: FieldKey;
  /** The area in a position ("Referentin {area}"). */
  area: string;
  /** A project to lead ("Projektleiter {project}"). */
  project: string;
  /** An office of a municipality ("Amtsleiterin {office}"). */
  office: string;
  /** Positions only this field has; {in} is "in" for women, {r} is "r" for men. */
  special: string[];
  /** Topics, canonical spelling first; the first ones are the most common. */
  topics: string[];
  /** Relative weight per level. */
  weight: Record<Level, number>;
}

export const FIELDS: Field[] = [
  {
    key: 'digital',
    area: 'Digitalisierung',
    project: 'OZG',
    office: 'Digitalisierung und IT',
    special: ['CDO', 'Chief Digital Officer', 'CIO', 'Digitalisierungsbeauftragte{r}', 'Leiter{in} Stabsstelle Digitalisierung'],
    topics: ['OZG-Umsetzung', 'Registermodernisierung', 'EfA-Leistungen', 'Digitalisierungsstrategie', 'Verwaltungsmodernisierung', 'FIM', 'BundID'],
    weight: { bund: 3, land: 3, kommune: 2, sonstige: 3 },
  },
  {
    key: 'eakte',
    area: 'E-Akte',
    project: 'E-Akte',
    office: 'Zentrale Dienste',
    special: ['Projektleiter{in} E-Akte-Einführung', 'Registraturleiter{in}', 'Sachbearbeiter{in} Schriftgutverwaltung'],
    topics: ['E-Akte', 'Dokumentenmanagement', 'E-Rechnung', 'Prozessmanagement', 'Wissensmanagement', 'Scanprozesse'],
    weight: { bund: 2, land: 2, kommune: 3, sonstige: 1 },
  },
  {
    key: 'security',
    area: 'Informationssicherheit',
    project: 'ISMS',
    office: 'IT-Sicherheit',
    special: ['Informationssicherheitsbeauftragte{r}', 'IT-Sicherheitsbeauftragte{r}', 'Datenschutzbeauftragte{r}'],
    topics: ['Informationssicherheit', 'IT-Grundschutz', 'Datenschutz', 'Notfallmanagement', 'Cybersicherheit'],
    weight: { bund: 2, land: 2, kommune: 2, sonstige: 1 },
  },
  {
    key: 'data',
    area: 'Daten und KI',
    project: 'KI-Assistenz',
    office: 'Statistik und Wahlen',
    special: ['Data Scientist', 'Datenanalyst{in}', 'Referent{in} Datenstrategie'],
    topics: ['KI in der Verwaltung', 'Datenanalyse', 'Open Data', 'Datenstrategie', 'Robotic Process Automation', 'Low-Code'],
    weight: { bund: 2, land: 2, kommune: 1, sonstige: 2 },
  },
  {
    key: 'architecture',
    area: 'IT-Architektur',
    project: 'Open-Source-Arbeitsplatz',
    office: 'Informationstechnik',
    special: ['IT-Architekt{in}', 'Softwareentwickler{in}', 'Enterprise-Architekt{in}', 'IT-Koordinator{in}'],
    topics: ['Open Source', 'Digitale Souveränität', 'Deutsche Verwaltungscloud', 'IT-Architektur', 'openDesk', 'XÖV-Standards'],
    weight: { bund: 2, land: 2, kommune: 1, sonstige: 2 },
  },
  {
    key: 'service',
    area: 'Onlinedienste',
    project: 'Bürgerportal',
    office: 'Bürgerservice',
    special: ['UX-Designer{in}', 'Service-Designer{in}', 'Product Owner Onlinedienste'],
    topics: ['Barrierefreiheit', 'Service Design', 'Nutzerforschung', 'Leichte Sprache', 'Onlinedienste'],
    weight: { bund: 1, land: 1, kommune: 2, sonstige: 2 },
  },
  {
    key: 'organisation',
    area: 'Organisationsentwicklung',
    project: 'Verwaltungsmodernisierung',
    office: 'Organisation und Personal',
    special: ['Agile Coach', 'Scrum Master', 'Personalentwickler{in}', 'Organisationsberater{in}'],
    topics: ['Agiles Arbeiten', 'Change Management', 'Projektmanagement', 'Scrum', 'Personalentwicklung', 'Digitale Kompetenzen', 'New Work'],
    weight: { bund: 2, land: 2, kommune: 2, sonstige: 2 },
  },
  {
    key: 'procurement',
    area: 'Vergabe',
    project: 'IT-Beschaffung',
    office: 'Zentrale Vergabestelle',
    special: ['Sachbearbeiter{in} Vergabe', 'Leiter{in} Zentrale Vergabestelle', 'Justiziar{in}'],
    topics: ['Vergaberecht', 'IT-Beschaffung', 'EVB-IT', 'Haushaltsrecht', 'Förderprogramme'],
    weight: { bund: 1, land: 1, kommune: 1, sonstige: 1 },
  },
  {
    key: 'municipal',
    area: 'E-Government',
    project: 'Smart City',
    office: 'Hauptamt',
    special: ['Digitalisierungskoordinator{in}', 'Smart-City-Manager{in}', 'Leiter{in} Bürgerbüro'],
    topics: ['Kommunale Digitalisierung', 'Smart City', 'Bürgerservice', 'Geodaten', 'Bürgerbeteiligung', 'Schuldigitalisierung'],
    weight: { bund: 0.2, land: 0.5, kommune: 4, sonstige: 1 },
  },
];

/** Other spellings people type; they share the canonical topic's slug (lib/tags.ts). */
export const SPELLING_VARIANTS: Record<string, string[]> = {
  'E-Akte': ['eAkte', 'e-Akte', 'E-akte'],
  'OZG-Umsetzung': ['OZG Umsetzung'],
  'Open Source': ['OpenSource', 'Open-Source'],
  'Agiles Arbeiten': ['agiles Arbeiten'],
  'Change Management': ['Change-Management'],
  'IT-Grundschutz': ['IT Grundschutz'],
  'E-Rechnung': ['eRechnung', 'E-Rechnung'],
  'Low-Code': ['Low Code', 'LowCode'],
  'Smart City': ['Smart-City'],
  'XÖV-Standards': ['XOEV-Standards'],
  'KI in der Verwaltung': ['KI in der verwaltung'],
};

/** All topics, the ten of the issue first. */
export const REALISTIC_TOPICS: string[] = (() => {
  const first = ['E-Akte', 'OZG-Umsetzung', 'Registermodernisierung', 'KI in der Verwaltung', 'Informationssicherheit', 'Open Source', 'Barrierefreiheit', 'Agiles Arbeiten', 'Change Management', 'Vergaberecht'];
  const rest = FIELDS.flatMap((f) => f.topics).filter((t) => !first.includes(t));
  return [...first, ...rest];
})();

/** Positions every field has, per level; {area}, {project}, {office} come from the field. */
export const POSITION_TEMPLATES: Record<Level, string[]> = {
  bund: [
    ...Array<string>(4).fill('Referent{in} {area}'), 'Referatsleiter{in} {area}', 'Referatsleiter{in} {area}', 'Sachbearbeiter{in} {area}', 'Sachbearbeiter{in} {area}',
    'Projektleiter{in} {project}', 'Projektleiter{in} {project}', 'Unterabteilungsleiter{in} Digitale Verwaltung',
  ],
  land: [
    ...Array<string>(4).fill('Referent{in} {area}'), 'Referatsleiter{in} {area}', 'Referatsleiter{in} {area}', 'Sachbearbeiter{in} {area}', 'Sachbearbeiter{in} {area}',
    'Projektleiter{in} {project}', 'Projektleiter{in} {project}', 'Abteilungsleiter{in} Digitalisierung',
  ],
  kommune: [
    ...Array<string>(3).fill('Sachbearbeiter{in} {area}'), 'Sachgebietsleiter{in} {area}', 'Sachgebietsleiter{in} {area}', 'Teamleiter{in} {area}', 'Projektleiter{in} {project}',
    'Projektleiter{in} {project}', 'Sachgebietsleiter{in} IT', 'Amtsleiter{in} {office}', 'Fachbereichsleiter{in} {office}',
  ],
  sonstige: ['Referent{in} {area}', 'Referent{in} {area}', 'Projektleiter{in} {project}', 'Berater{in} {area}', 'Product Owner {project}'],
};

/** "Referent{in}" -> "Referentin" / "Referent"; "Beauftragte{r}" -> "Beauftragte" / "Beauftragter". */
export function gendered(template: string, gender: Gender): string {
  return template.replace(/\{in\}/g, gender === 'f' ? 'in' : '').replace(/\{r\}/g, gender === 'f' ? '' : 'r');
}

export function fillPosition(template: string, field: Field, gender: Gender): string {
  return gendered(template, gender).replace('{area}', field.area).replace('{project}', field.project).replace('{office}', field.office);
}

export const WHERE_BY_LEVEL: Record<Level, string> = {
  bund: 'in der Bundesverwaltung',
  land: 'in der Landesverwaltung',
  kommune: 'in der Kommunalverwaltung',
  sonstige: 'in der föderalen Zusammenarbeit',
};

export const BACKGROUNDS = [
  'Ich habe Verwaltungsinformatik studiert.',
  'Mein Hintergrund ist die Verwaltungswissenschaft.',
  'Ursprünglich komme ich aus der Softwareentwicklung.',
  'Vorher habe ich einige Jahre bei einem kommunalen IT-Dienstleister gearbeitet.',
  'Studiert habe ich Rechtswissenschaften, zur Digitalisierung bin ich über ein Projekt gekommen.',
  'Ich habe die Laufbahn im gehobenen nichttechnischen Dienst durchlaufen.',
  'Davor war ich in der Unternehmensberatung tätig.',
  'Ich bin über die Organisationsentwicklung zur Digitalisierung gekommen.',
];

export const CLOSINGS = [
  'Sprechen Sie mich gern zu {ask} an.',
  'Ich freue mich über Austausch mit Kolleginnen und Kollegen aus anderen Ländern und Kommunen.',
  'Aktuell führen wir {topic} in mehreren Bereichen ein – Erfahrungen teile ich gern.',
  'Mich interessiert besonders, wie andere Verwaltungen {topic} angehen.',
  'Gern gebe ich Erfahrungen aus unserem Pilotprojekt weiter.',
];

/** Generated topic labels for the scale data: "Fachverfahren Wohngeld", "Onlinedienst Meldewesen", … */
const SCALE_ASPECTS = ['Fachverfahren', 'Onlinedienst', 'Datenaustausch', 'Prozessoptimierung', 'Statistik', 'Schnittstellen', 'Automatisierung', 'Nutzerforschung'];
const SCALE_SUBJECTS = [
  'Wohngeld', 'Elterngeld', 'Kfz-Zulassung', 'Gewerbeanmeldung', 'Meldewesen', 'Personenstandswesen', 'Ausländerwesen', 'Jugendhilfe', 'Sozialhilfe',
  'Schulverwaltung', 'Friedhofswesen', 'Abfallwirtschaft', 'Liegenschaftskataster', 'Steuerverwaltung', 'Beihilfe', 'Personalverwaltung', 'Haushaltswesen',
  'Bauleitplanung', 'Baugenehmigung', 'Straßenverkehr', 'Gesundheitsamt', 'Veterinärwesen', 'Wahlen', 'Waffenrecht', 'Einbürgerung',
];

export function generatedTopics(): string[] {
  return SCALE_SUBJECTS.flatMap((s) => SCALE_ASPECTS.map((a) => `${a} ${s}`));
}
