/**
 * The demo's organisation directory: the federal government and a selection of federal
 * agencies and IT service providers, the state chancelleries and some state ministries of all
 * 16 Länder, and every German district and district-free city, generated from the Destatis
 * list in the npm package `landkreise-deutschland` (CC BY 4.0, data: Statistisches Bundesamt,
 * Gemeindeverzeichnis GV-ISys, as of 31.12.2018), plus some municipalities within districts.
 *
 * All mail domains are under `.example` (RFC 2606): the demo never points at a real mail domain.
 */
import { createRequire } from 'node:module';
import type { OrgSeed, State } from './organisations.js';

/** The office that runs this instance. */
export const OFFICE_ORG: OrgSeed = {
  key: 'office',
  name: 'Geschäftsstelle Knotenpunkt',
  shortName: 'Knotenpunkt',
  level: 'sonstige',
  state: null,
  type: 'sonstige',
  domains: ['knotenpunkt.example'],
};

/** The fictional city and state of the demo accounts (and of the tests' examples). */
export const MUSTERSTADT: OrgSeed = {
  key: 'demo:musterstadt',
  name: 'Stadt Musterstadt',
  level: 'kommune',
  state: 'HE',
  type: 'stadt',
  domains: ['musterstadt.example'],
};

export const LAND_BEISPIEL: OrgSeed = {
  key: 'demo:land-beispiel',
  name: 'Ministerium für Digitales des Landes Beispiel',
  shortName: 'MD Beispiel',
  // A fictional Land has no state code.
  level: 'land',
  state: null,
  type: 'ministerium',
  domains: ['land-beispiel.example'],
};

// --- Bund ------------------------------------------------------------------------------------

type Short = [key: string, name: string, shortName: string];

/** The federal ministries (cabinet of 2025), keyed by their usual abbreviation. */
const MINISTRIES: Short[] = [
  ['aa', 'Auswärtiges Amt', 'AA'],
  ['bmi', 'Bundesministerium des Innern', 'BMI'],
  ['bmjv', 'Bundesministerium der Justiz und für Verbraucherschutz', 'BMJV'],
  ['bmf', 'Bundesministerium der Finanzen', 'BMF'],
  ['bmwe', 'Bundesministerium für Wirtschaft und Energie', 'BMWE'],
  ['bmas', 'Bundesministerium für Arbeit und Soziales', 'BMAS'],
  ['bmvg', 'Bundesministerium der Verteidigung', 'BMVg'],
  ['bmleh', 'Bundesministerium für Landwirtschaft, Ernährung und Heimat', 'BMLEH'],
  ['bmbfsfj', 'Bundesministerium für Bildung, Familie, Senioren, Frauen und Jugend', 'BMBFSFJ'],
  ['bmg', 'Bundesministerium für Gesundheit', 'BMG'],
  ['bmv', 'Bundesministerium für Verkehr', 'BMV'],
  ['bmukn', 'Bundesministerium für Umwelt, Klimaschutz, Naturschutz und nukleare Sicherheit', 'BMUKN'],
  ['bmftr', 'Bundesministerium für Forschung, Technologie und Raumfahrt', 'BMFTR'],
  ['bmz', 'Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung', 'BMZ'],
  ['bmwsb', 'Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen', 'BMWSB'],
  ['bmds', 'Bundesministerium für Digitales und Staatsmodernisierung', 'BMDS'],
];

type Agency = [key: string, name: string, shortName: string, ministry: string, type?: string];

/** Federal agencies and IT service providers with the ministry they report to. */
const AGENCIES: Agency[] = [
  ['bsi', 'Bundesamt für Sicherheit in der Informationstechnik', 'BSI', 'bmi'],
  ['bva', 'Bundesverwaltungsamt', 'BVA', 'bmi'],
  ['destatis', 'Statistisches Bundesamt', 'Destatis', 'bmi'],
  ['bka', 'Bundeskriminalamt', 'BKA', 'bmi'],
  ['bamf', 'Bundesamt für Migration und Flüchtlinge', 'BAMF', 'bmi'],
  ['bbk', 'Bundesamt für Bevölkerungsschutz und Katastrophenhilfe', 'BBK', 'bmi'],
  ['bzst', 'Bundeszentralamt für Steuern', 'BZSt', 'bmf'],
  ['gzd', 'Generalzolldirektion', 'GZD', 'bmf'],
  ['ba', 'Bundesagentur für Arbeit', 'BA', 'bmas'],
  ['bnetza', 'Bundesnetzagentur', 'BNetzA', 'bmwe'],
  ['bafa', 'Bundesamt für Wirtschaft und Ausfuhrkontrolle', 'BAFA', 'bmwe'],
  ['uba', 'Umweltbundesamt', 'UBA', 'bmukn'],
  ['rki', 'Robert Koch-Institut', 'RKI', 'bmg'],
  ['bfarm', 'Bundesinstitut für Arzneimittel und Medizinprodukte', 'BfArM', 'bmg'],
  ['kba', 'Kraftfahrt-Bundesamt', 'KBA', 'bmv'],
  ['dwd', 'Deutscher Wetterdienst', 'DWD', 'bmv'],
  ['bfj', 'Bundesamt für Justiz', 'BfJ', 'bmjv'],
  ['bbsr', 'Bundesinstitut für Bau-, Stadt- und Raumforschung', 'BBSR', 'bmwsb'],
  ['baainbw', 'Bundesamt für Ausrüstung, Informationstechnik und Nutzung der Bundeswehr', 'BAAINBw', 'bmvg'],
  ['itzbund', 'Informationstechnikzentrum Bund', 'ITZBund', 'bmf', 'it-dienstleister'],
  ['digitalservice', 'DigitalService GmbH des Bundes', 'DigitalService', 'bmds', 'it-dienstleister'],
  ['zendis', 'Zentrum für Digitale Souveränität der Öffentlichen Verwaltung (ZenDiS) GmbH', 'ZenDiS', 'bmds', 'it-dienstleister'],
  ['bwi', 'BWI GmbH', 'BWI', 'bmvg', 'it-dienstleister'],
];

function federal(): OrgSeed[] {
  return [
    { key: 'bund:bkamt', name: 'Bundeskanzleramt', shortName: 'BKAmt', level: 'bund', state: null, type: 'bundesbehoerde' },
    ...MINISTRIES.map(([key, name, shortName]): OrgSeed => ({ key: `bund:${key}`, name, shortName, level: 'bund', state: null, type: 'ministerium' })),
    ...AGENCIES.map(([key, name, shortName, ministry, type]): OrgSeed => ({
      key: `bund:${key}`,
      name,
      shortName,
      level: 'bund',
      state: null,
      type: type ?? 'bundesbehoerde',
      parentKey: `bund:${ministry}`,
    })),
  ];
}

/** Bodies of Bund, Länder and Kommunen together. */
function joint(): OrgSeed[] {
  return [
    { key: 'sonstige:fitko', name: 'Föderale IT-Kooperation', shortName: 'FITKO', level: 'sonstige', state: null, type: 'it-dienstleister' },
    { key: 'sonstige:dst', name: 'Deutscher Städtetag', shortName: 'DST', level: 'sonstige', state: null, type: 'sonstige' },
    { key: 'sonstige:dlt', name: 'Deutscher Landkreistag', shortName: 'DLT', level: 'sonstige', state: null, type: 'sonstige' },
    { key: 'sonstige:dstgb', name: 'Deutscher Städte- und Gemeindebund', shortName: 'DStGB', level: 'sonstige', state: null, type: 'sonstige' },
  ];
}

// --- Länder ----------------------------------------------------------------------------------

type LandOrg = [state: State, name: string, shortName: string];

const CHANCELLERIES: LandOrg[] = [
  ['BW', 'Staatsministerium Baden-Württemberg', 'StM BW'],
  ['BY', 'Bayerische Staatskanzlei', 'StK Bayern'],
  ['BE', 'Senatskanzlei Berlin', 'SKzl Berlin'],
  ['BB', 'Staatskanzlei des Landes Brandenburg', 'StK Brandenburg'],
  ['HB', 'Senatskanzlei der Freien Hansestadt Bremen', 'SK Bremen'],
  ['HH', 'Senatskanzlei der Freien und Hansestadt Hamburg', 'SK Hamburg'],
  ['HE', 'Hessische Staatskanzlei', 'HStK'],
  ['MV', 'Staatskanzlei Mecklenburg-Vorpommern', 'StK MV'],
  ['NI', 'Niedersächsische Staatskanzlei', 'StK Niedersachsen'],
  ['NW', 'Staatskanzlei des Landes Nordrhein-Westfalen', 'StK NRW'],
  ['RP', 'Staatskanzlei Rheinland-Pfalz', 'StK RLP'],
  ['SL', 'Staatskanzlei des Saarlandes', 'StK Saarland'],
  ['SN', 'Sächsische Staatskanzlei', 'SK Sachsen'],
  ['ST', 'Staatskanzlei und Ministerium für Kultur des Landes Sachsen-Anhalt', 'StK Sachsen-Anhalt'],
  ['SH', 'Staatskanzlei Schleswig-Holstein', 'StK SH'],
  ['TH', 'Thüringer Staatskanzlei', 'TSK'],
];

/** The ministry in charge of digitalisation or the interior in each Land. */
const LAND_MINISTRIES: LandOrg[] = [
  ['BW', 'Ministerium des Inneren, für Digitalisierung und Kommunen Baden-Württemberg', 'IM BW'],
  ['BY', 'Bayerisches Staatsministerium für Digitales', 'StMD'],
  ['BE', 'Senatsverwaltung für Inneres und Sport Berlin', 'SenInnSport'],
  ['BB', 'Ministerium des Innern und für Kommunales des Landes Brandenburg', 'MIK Brandenburg'],
  ['HB', 'Die Senatorin für Finanzen der Freien Hansestadt Bremen', 'SF Bremen'],
  ['HH', 'Behörde für Inneres und Sport Hamburg', 'BIS Hamburg'],
  ['HE', 'Hessisches Ministerium für Digitalisierung und Innovation', 'HMDI'],
  ['MV', 'Ministerium für Inneres, Bau und Digitalisierung Mecklenburg-Vorpommern', 'IM MV'],
  ['NI', 'Niedersächsisches Ministerium für Inneres, Sport und Digitalisierung', 'MI Niedersachsen'],
  ['NW', 'Ministerium für Heimat, Kommunales, Bau und Digitalisierung des Landes Nordrhein-Westfalen', 'MHKBD NRW'],
  ['RP', 'Ministerium für Arbeit, Soziales, Transformation und Digitalisierung Rheinland-Pfalz', 'MASTD RLP'],
  ['SL', 'Ministerium für Inneres, Bauen und Sport des Saarlandes', 'MIBS Saarland'],
  ['SN', 'Sächsisches Staatsministerium des Innern', 'SMI Sachsen'],
  ['ST', 'Ministerium für Infrastruktur und Digitales des Landes Sachsen-Anhalt', 'MID Sachsen-Anhalt'],
  ['SH', 'Ministerium für Inneres, Kommunales, Wohnen und Sport des Landes Schleswig-Holstein', 'IM SH'],
  ['TH', 'Thüringer Ministerium für Digitales und Infrastruktur', 'TMDI'],
];

function states(): OrgSeed[] {
  return [
    ...CHANCELLERIES.map(([state, name, shortName]): OrgSeed => ({ key: `land:${state}:stk`, name, shortName, level: 'land', state, type: 'staatskanzlei' })),
    ...LAND_MINISTRIES.map(([state, name, shortName]): OrgSeed => ({ key: `land:${state}:digital`, name, shortName, level: 'land', state, type: 'ministerium' })),
    { key: 'land:NW:itnrw', name: 'Information und Technik Nordrhein-Westfalen', shortName: 'IT.NRW', level: 'land', state: 'NW', type: 'it-dienstleister' },
    { key: 'land:NI:itn', name: 'IT.Niedersachsen', shortName: 'IT.N', level: 'land', state: 'NI', type: 'it-dienstleister', parentKey: 'land:NI:digital' },
    { key: 'land:BW:bitbw', name: 'Landesoberbehörde IT Baden-Württemberg', shortName: 'BITBW', level: 'land', state: 'BW', type: 'it-dienstleister', parentKey: 'land:BW:digital' },
    { key: 'land:BE:itdz', name: 'IT-Dienstleistungszentrum Berlin', shortName: 'ITDZ Berlin', level: 'land', state: 'BE', type: 'it-dienstleister' },
    { key: 'land:BY:ldbv', name: 'Landesamt für Digitalisierung, Breitband und Vermessung', shortName: 'LDBV', level: 'land', state: 'BY', type: 'landesbehoerde' },
    // An institution of several northern Länder: no single state.
    { key: 'land:dataport', name: 'Dataport AöR', shortName: 'Dataport', level: 'land', state: null, type: 'it-dienstleister' },
  ];
}

// --- Kommunen --------------------------------------------------------------------------------

interface District {
  AGS: string | number;
  type: 'Kreisfreie Stadt' | 'Stadtkreis' | 'Kreis' | 'Landkreis' | 'Regionalverband';
  name: string;
  population: number;
}

/** The first two digits of the official municipality key (AGS) name the Land. */
const STATE_BY_AGS: Record<string, State> = {
  '01': 'SH', '02': 'HH', '03': 'NI', '04': 'HB', '05': 'NW', '06': 'HE', '07': 'RP', '08': 'BW',
  '09': 'BY', '10': 'SL', '11': 'BE', '12': 'BB', '13': 'MV', '14': 'SN', '15': 'ST', '16': 'TH',
};

/** Epithets the list puts after the name ("Kiel, Landeshauptstadt") that are part of the official name. */
const EPITHETS = new Set(['Landeshauptstadt', 'Hansestadt', 'Wissenschaftsstadt', 'Klingenstadt']);
/** Capitals whose entry carries no epithet. */
const CAPITALS = new Set(['Stuttgart', 'Mainz', 'Schwerin', 'Erfurt', 'Dresden', 'Potsdam', 'Düsseldorf']);

export function loadDistricts(): District[] {
  const require = createRequire(import.meta.url);
  return require('landkreise-deutschland/data/districts.json') as District[];
}

/** "Kiel, Landeshauptstadt" -> Landeshauptstadt Kiel; "Harz" (Landkreis) -> Landkreis Harz. */
export function districtToOrganisation(d: District): OrgSeed {
  const ags = String(d.AGS).padStart(5, '0');
  const state = STATE_BY_AGS[ags.slice(0, 2)];
  if (!state) throw new Error(`Unknown AGS ${ags}`);
  const key = `ags:${ags}`;
  if (d.type === 'Kreisfreie Stadt' || d.type === 'Stadtkreis') {
    const [place = d.name, epithet] = d.name.split(',').map((s) => s.trim());
    const prefix = epithet && EPITHETS.has(epithet) ? epithet : CAPITALS.has(place) ? 'Landeshauptstadt' : 'Stadt';
    return { key, name: `${prefix} ${place}`, level: 'kommune', state, type: 'stadt', domainBase: place };
  }
  // Names that already say what they are: Rhein-Sieg-Kreis, Region Hannover, Städteregion Aachen, Landkreis Rostock.
  const self = /kreis|^(Region|Städteregion|Regionalverband|Landkreis) /i.test(d.name);
  const name = self ? d.name : `${d.type === 'Kreis' ? 'Kreis' : 'Landkreis'} ${d.name}`;
  return { key, name, level: 'kommune', state, type: 'kreis' };
}

type Member = [name: string, type: 'stadt' | 'gemeinde', state: State, districtAgs: string];

/** Some towns and municipalities within districts (kreisangehörig), under their district. */
const WITHIN_DISTRICTS: Member[] = [
  ['Landeshauptstadt Hannover', 'stadt', 'NI', '03241'],
  ['Landeshauptstadt Saarbrücken', 'stadt', 'SL', '10041'],
  ['Stadt Göttingen', 'stadt', 'NI', '03159'],
  ['Stadt Hildesheim', 'stadt', 'NI', '03254'],
  ['Stadt Neuss', 'stadt', 'NW', '05162'],
  ['Stadt Paderborn', 'stadt', 'NW', '05774'],
  ['Stadt Konstanz', 'stadt', 'BW', '08335'],
  ['Universitätsstadt Tübingen', 'stadt', 'BW', '08416'],
  ['Universitätsstadt Marburg', 'stadt', 'HE', '06534'],
  ['Universitätsstadt Gießen', 'stadt', 'HE', '06531'],
  ['Gemeinde Seevetal', 'gemeinde', 'NI', '03353'],
  ['Gemeinde Lilienthal', 'gemeinde', 'NI', '03356'],
  ['Gemeinde Unterhaching', 'gemeinde', 'BY', '09184'],
  ['Gemeinde Ottobrunn', 'gemeinde', 'BY', '09184'],
  ['Gemeinde Kleinmachnow', 'gemeinde', 'BB', '12069'],
  ['Gemeinde Schönefeld', 'gemeinde', 'BB', '12061'],
  ['Gemeinde Grünheide (Mark)', 'gemeinde', 'BB', '12067'],
  ['Gemeinde Henstedt-Ulzburg', 'gemeinde', 'SH', '01060'],
  ['Gemeinde Hiddenhausen', 'gemeinde', 'NW', '05758'],
  ['Gemeinde Wadgassen', 'gemeinde', 'SL', '10044'],
  ['Gemeinde Weissach', 'gemeinde', 'BW', '08115'],
  ['Gemeinde Hohe Börde', 'gemeinde', 'ST', '15083'],
];

function municipalities(): OrgSeed[] {
  // Berlin and Hamburg are Länder and cities at once; their Senatskanzlei stands for them.
  const districts = loadDistricts()
    .filter((d) => !['02000', '11000'].includes(String(d.AGS).padStart(5, '0')))
    .map(districtToOrganisation);
  const within = WITHIN_DISTRICTS.map(([name, type, state, ags]): OrgSeed => ({
    key: `kommune:${name}`,
    name,
    level: 'kommune',
    state,
    type,
    domainBase: name.replace(/^(Stadt|Gemeinde|Landeshauptstadt|Universitätsstadt) /, ''),
    parentKey: `ags:${ags}`,
  }));
  return [...districts, ...within];
}

/** The whole demo directory, in a stable order (domains are assigned in this order). */
export function demoDirectory(): OrgSeed[] {
  return [OFFICE_ORG, MUSTERSTADT, LAND_BEISPIEL, ...federal(), ...joint(), ...states(), ...municipalities()];
}
