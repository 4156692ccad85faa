/**
 * The demo's communities of practice (pure data): what they are about, who leads them and
 * which demo accounts belong to them. Their posts and replies are in ./communities-posts-*.ts;
 * ./communities.ts turns both into rows. Everything invented; no real person is meant, and
 * links point at example.org.
 */
import type { CommunityVisibility, ExampleStatus, Level, PostType } from '../db/schema.js';
import type { FieldKey } from './people-data.js';

/** The demo accounts that take part in communities. */
export type AccountKey = 'lead' | 'member' | 'partner' | 'office';

export const ACCOUNT_EMAILS: Record<AccountKey, string> = {
  lead: 'lead@musterstadt.example',
  member: 'member@land-beispiel.example',
  partner: 'partner@forschung.example',
  office: 'office@knotenpunkt.example',
};

/**
 * Who wrote a post: a demo account (which must belong to the community), or a demo person of
 * that level chosen by the seed (any member when omitted). Announcements without `by` are
 * written by the community's first lead.
 */
export type By = AccountKey | Level;

/** Who wrote a reply: like a post, or `op`, the post's author. */
export type ReplyBy = By | 'op';

export type ReplySeed =
  | string
  | {
      text: string;
      by?: ReplyBy;
      /** Index of an earlier reply of the same post that this one quotes. */
      quote?: number;
      /** Hidden by the community's lead, with this reason. */
      hidden?: string;
    };

export interface ExampleSeed {
  problem: string;
  solution: string;
  status: ExampleStatus;
  materials: string;
  reuse: string;
}

export interface PostSeed {
  type: PostType;
  title: string;
  body: string;
  /** Labels of the community's topics. */
  tags: string[];
  /** Days before now. */
  days: number;
  by?: By;
  pinned?: boolean;
  example?: ExampleSeed;
  replies?: ReplySeed[];
  /** Index of the reply accepted as the answer (questions). */
  accepted?: number;
}

export interface CommunitySeed {
  slug: string;
  name: string;
  description: string;
  guidelines: string;
  visibility: CommunityVisibility;
  partnersAllowed?: boolean;
  /** Default true. */
  chathamHouse?: boolean;
  /** Tag labels; the canonical spellings of ./people-data.ts where there is one. */
  topics: string[];
  /** Active members in all. */
  size: number;
  createdDaysAgo: number;
  accounts?: Partial<Record<AccountKey, 'lead' | 'member'>>;
  /** Demo people who lead it besides the accounts (default: 1 when no account leads). */
  personLeads?: number;
  /** Whom the seed prefers as members besides topic matches. */
  prefer?: { fields?: FieldKey[]; position?: RegExp };
  /** Pending membership requests, one demo person each, with their message. */
  requests?: string[];
  /** Demo people invited by the lead who have not answered yet. */
  invites?: number;
}

const rules = (...specific: string[]): string =>
  [
    '## Unsere Regeln',
    '',
    ...specific.map((s) => `- ${s}`),
    '- Wir duzen uns und bleiben sachlich, auch wenn wir anderer Meinung sind.',
    '- Keine personenbezogenen Daten von Bürgerinnen und Bürgern, keine internen Verschlusssachen.',
    '- Werbung für Produkte oder Dienstleistungen ist nicht erwünscht; Erfahrungsberichte sind willkommen.',
  ].join('\n');

export const COMMUNITIES: CommunitySeed[] = [
  {
    slug: 'e-akte',
    name: 'E-Akte & Dokumentenmanagement',
    description:
      'Erfahrungsaustausch rund um Einführung und Betrieb der E-Akte: Scanprozesse, Aktenpläne, Schnittstellen zu Fachverfahren und die E-Rechnung. Für Projektleitungen, Registraturen und alle, die den Umstieg begleiten.',
    guidelines: rules('Fragen bitte als **Frage** anlegen, damit die hilfreichste Antwort markiert werden kann.', 'Fertige Lösungen aus eurem Haus gern als **Praxisbeispiel** mit Ansprechperson.'),
    visibility: 'open',
    topics: ['E-Akte', 'Dokumentenmanagement', 'E-Rechnung', 'Scanprozesse', 'Prozessmanagement'],
    size: 55,
    createdDaysAgo: 420,
    accounts: { lead: 'lead' },
    personLeads: 1,
    prefer: { fields: ['eakte'] },
  },
  {
    slug: 'ozg-umsetzung',
    name: 'OZG-Umsetzung',
    description:
      'Austausch zur Umsetzung des Onlinezugangsgesetzes: Einer-für-Alle-Leistungen, Nachnutzung, FIM-Stammtexte, Anbindung an Fachverfahren und Nutzerkonten. Bund, Länder und Kommunen an einem Tisch.',
    guidelines: rules('Nennt bei Fragen zu einer Leistung die LeiKa-Nummer oder den Namen des Onlinedienstes.', 'Termine und Sprechstunden kündigen nur die Leitungen an.'),
    visibility: 'open',
    topics: ['OZG-Umsetzung', 'EfA-Leistungen', 'FIM', 'BundID', 'Onlinedienste'],
    size: 60,
    createdDaysAgo: 480,
    accounts: { member: 'member' },
    personLeads: 2,
    prefer: { fields: ['digital'] },
  },
  {
    slug: 'ki-in-der-verwaltung',
    name: 'KI in der Verwaltung',
    description:
      'Praxisnaher Austausch über KI-Anwendungen in Behörden: von Schreibassistenten über die Auswertung von Stellungnahmen bis zu Chatbots, mit Blick auf KI-Verordnung, Datenschutz und Mitbestimmung. Partnerinnen und Partner aus der Forschung sind willkommen.',
    guidelines: rules('Berichte aus Pilotprojekten bitte mit Angaben zu Modell, Betrieb (eigener Server oder Cloud) und Datengrundlage.', 'Keine vertraulichen Eingaben oder Ausgaben von KI-Systemen posten.'),
    visibility: 'open',
    partnersAllowed: true,
    topics: ['KI in der Verwaltung', 'Datenanalyse', 'Robotic Process Automation', 'Low-Code'],
    size: 50,
    createdDaysAgo: 300,
    accounts: { partner: 'member' },
    personLeads: 2,
    prefer: { fields: ['data'] },
  },
  {
    slug: 'netzwerk-informationssicherheit',
    name: 'Netzwerk Informationssicherheitsbeauftragte',
    description:
      'Geschützter Kreis für Informationssicherheitsbeauftragte aus Bund, Ländern und Kommunen. Wir teilen Erfahrungen zu ISMS, IT-Grundschutz und Sicherheitsvorfällen. Mitgliedschaft auf Anfrage, damit offen gesprochen werden kann.',
    guidelines: rules(
      'Keine Details zu ungepatchten Schwachstellen oder laufenden Vorfällen; dafür gibt es die Meldewege an CERT und BSI.',
      'Beschreibt Vorfälle so, dass die betroffene Behörde nicht erkennbar ist.',
      'In der Anfrage kurz eure Rolle nennen (ISB, Stellvertretung, IT-Sicherheitsteam).',
    ),
    visibility: 'request',
    topics: ['Informationssicherheit', 'IT-Grundschutz', 'Notfallmanagement', 'Cybersicherheit'],
    size: 35,
    createdDaysAgo: 600,
    personLeads: 2,
    prefer: { fields: ['security'], position: /sicherheit/i },
    requests: [
      'Ich bin seit diesem Monat stellvertretende Informationssicherheitsbeauftragte und baue gerade unser ISMS neu auf. Über Austausch mit erfahrenen Kolleginnen und Kollegen würde ich mich sehr freuen.',
      'Ich bin im IT-Sicherheitsteam unseres Hauses für Notfallübungen zuständig und würde gern unsere Erfahrungen mit Planspielen einbringen.',
    ],
  },
  {
    slug: 'open-source',
    name: 'Open Source in der Verwaltung',
    description:
      'Wie setzen Verwaltungen Open-Source-Software ein, beschaffen sie und geben eigene Entwicklungen frei? Austausch zu openDesk, OpenCoDE, Lizenzen und Betrieb, für mehr digitale Souveränität.',
    guidelines: rules('Links auf Repositories und Dokumentation sind ausdrücklich erwünscht.', 'Diese Community ist offen für Zitate: Beiträge dürfen mit Namen weitergegeben werden.'),
    visibility: 'open',
    chathamHouse: false,
    topics: ['Open Source', 'Digitale Souveränität', 'openDesk', 'IT-Architektur'],
    size: 45,
    createdDaysAgo: 380,
    accounts: { member: 'member' },
    personLeads: 1,
    prefer: { fields: ['architecture'] },
  },
  {
    slug: 'digitale-barrierefreiheit',
    name: 'Digitale Barrierefreiheit',
    description:
      'Barrierefreie Websites, Onlinedienste, Dokumente und Fachverfahren: Wir tauschen Prüfergebnisse, Vorlagen und Erfahrungen mit BITV 2.0 und EN 301 549 aus.',
    guidelines: rules('Beschreibt Barrieren konkret (Seite, Bedienschritt, Hilfsmittel), damit andere sie nachvollziehen können.', 'Bilder in Beiträgen bitte mit Alternativtext.'),
    visibility: 'open',
    topics: ['Barrierefreiheit', 'Leichte Sprache', 'Onlinedienste', 'Service Design'],
    size: 40,
    createdDaysAgo: 350,
    personLeads: 1,
    prefer: { fields: ['service'] },
  },
  {
    slug: 'registermodernisierung',
    name: 'Registermodernisierung',
    description:
      'Registermodernisierung in der Praxis: Identifikationsnummer, National-Once-Only-Technical-System (NOOTS), Datenqualität in den Registern und was das für Fachverfahren bedeutet.',
    guidelines: rules('Bitte kennzeichnet, ob ihr aus Sicht eines Registers, eines Fachverfahrens oder eines Onlinedienstes schreibt.'),
    visibility: 'open',
    topics: ['Registermodernisierung', 'XÖV-Standards', 'Datenstrategie'],
    size: 30,
    createdDaysAgo: 260,
    personLeads: 1,
    prefer: { fields: ['digital', 'architecture'] },
  },
  {
    slug: 'agiles-arbeiten',
    name: 'Agiles Arbeiten',
    description:
      'Scrum, Kanban, OKR und alles dazwischen: wie agile Methoden in Behörden funktionieren, wo sie an Grenzen stoßen und wie Haushalt, Vergabe und Hierarchie mitspielen.',
    guidelines: rules('Erfahrungen, auch gescheiterte, sind wertvoller als Methodendebatten.', 'Diese Community ist offen für Zitate: Beiträge dürfen mit Namen weitergegeben werden.'),
    visibility: 'open',
    chathamHouse: false,
    topics: ['Agiles Arbeiten', 'Scrum', 'Change Management', 'New Work', 'Projektmanagement'],
    size: 45,
    createdDaysAgo: 330,
    accounts: { lead: 'member' },
    personLeads: 1,
    prefer: { fields: ['organisation'] },
  },
  {
    slug: 'wissensmanagement',
    name: 'Wissensmanagement',
    description:
      'Wie sichern Behörden Wissen, wenn erfahrene Beschäftigte in den Ruhestand gehen? Austausch zu Wissenstransfer, Wikis, Onboarding und Communities of Practice, gemeinsam mit Partnerinnen und Partnern aus der Forschung.',
    guidelines: rules('Vorlagen und Leitfäden am besten als Praxisbeispiel einstellen, damit sie auffindbar bleiben.'),
    visibility: 'open',
    partnersAllowed: true,
    topics: ['Wissensmanagement', 'Personalentwicklung', 'Digitale Kompetenzen'],
    size: 35,
    createdDaysAgo: 280,
    accounts: { office: 'lead', partner: 'member' },
    personLeads: 1,
    prefer: { fields: ['organisation', 'eakte'] },
  },
  {
    slug: 'kommunale-digitalisierung',
    name: 'Kommunale Digitalisierung',
    description:
      'Die Community für Digitalisierung in Städten, Kreisen und Gemeinden: Onlinedienste, Bürgerservice, Smart City und interkommunale Zusammenarbeit. Auch für Landesbeschäftigte, die Kommunen begleiten.',
    guidelines: rules('Nennt die Größe eurer Kommune, wenn ihr Erfahrungen teilt; das hilft beim Einordnen.'),
    visibility: 'open',
    topics: ['Kommunale Digitalisierung', 'Smart City', 'Bürgerservice', 'Bürgerbeteiligung', 'Geodaten'],
    size: 60,
    createdDaysAgo: 450,
    accounts: { lead: 'lead', member: 'member' },
    personLeads: 1,
    prefer: { fields: ['municipal'] },
  },
  {
    slug: 'datenschutz-digitalisierung',
    name: 'Datenschutz & Digitalisierung',
    description:
      'Datenschutz als Gestaltungsaufgabe: Datenschutz-Folgenabschätzungen, Auftragsverarbeitung, Cloud-Dienste und Löschkonzepte in digitalen Verwaltungsprojekten.',
    guidelines: rules('Beiträge sind Erfahrungsaustausch, keine Rechtsberatung; im Zweifel entscheidet eure behördliche Datenschutzbeauftragte.'),
    visibility: 'open',
    topics: ['Datenschutz', 'Informationssicherheit', 'Deutsche Verwaltungscloud'],
    size: 40,
    createdDaysAgo: 240,
    personLeads: 1,
    prefer: { fields: ['security'], position: /datenschutz/i },
  },
  {
    slug: 'leitungsrunde-digitalisierung',
    name: 'Leitungsrunde Digitalisierung',
    description:
      'Vertraulicher Kreis von CDOs und Leitungen von Digitalisierungseinheiten. Wir besprechen Steuerung, Budgets und Personal. Teilnahme auf Einladung der Leitung.',
    guidelines: rules('Was hier besprochen wird, bleibt hier. Ergebnisse geben wir nur nach Absprache weiter.'),
    visibility: 'hidden',
    topics: ['Digitalisierungsstrategie', 'Verwaltungsmodernisierung'],
    size: 14,
    createdDaysAgo: 200,
    accounts: { lead: 'lead' },
    personLeads: 0,
    prefer: { fields: ['digital'], position: /(leiter|CDO|CIO|Chief|beauftragt)/i },
    invites: 1,
  },
];

/** A community a demo person has proposed; the office has not decided yet. */
export const COMMUNITY_PROPOSAL = {
  slug: 'it-beschaffung-vergabe',
  name: 'IT-Beschaffung & Vergabe',
  description:
    'Austausch für Vergabestellen und Fachbereiche zu EVB-IT, Rahmenverträgen, der Beschaffung von Cloud-Diensten und Open-Source-Leistungen.',
  topics: ['IT-Beschaffung', 'Vergaberecht', 'EVB-IT'],
  proposalReason:
    'Fragen zu EVB-IT-Verträgen und zur Beschaffung von Cloud-Diensten tauchen bisher verstreut in mehreren Communities auf. Eine eigene Community würde Vergabestellen und Fachbereiche zusammenbringen. Ich würde die Leitung übernehmen und kenne bereits zehn Kolleginnen und Kollegen, die mitmachen wollen.',
  proposerField: 'procurement' as FieldKey,
  daysAgo: 3,
};
