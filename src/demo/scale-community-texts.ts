/**
 * Word lists for the generated communities, posts and replies of the scale data set
 * (./scale-communities.ts). Placeholders, filled in SQL: {t} the post's topic, {u} a second
 * topic, {o} the author's organisation, {n} a small number, {d} a date. Invented text only;
 * the variety is there so that a full-text search over posts has something to find.
 */

/** "Praxiskreis E-Akte", "Netzwerk OZG-Umsetzung", … (prefix + topic). */
export const COMMUNITY_PREFIXES = ['Netzwerk', 'Praxiskreis', 'Arbeitskreis', 'Community', 'Austausch', 'Werkstatt', 'Fachforum', 'Runder Tisch'];

export const COMMUNITY_DESCRIPTIONS = [
  'Austausch von Praktikerinnen und Praktikern zu {t}: Erfahrungen, Fragen und Beispiele aus Bund, Ländern und Kommunen.',
  'Hier teilen wir, was bei {t} funktioniert hat und was nicht – offen, kollegial und ohne Verkaufsgespräche.',
  'Für alle, die {t} in ihrer Verwaltung voranbringen: Fragen stellen, Praxisbeispiele finden, Ansprechpersonen kennenlernen.',
  'Die Community zu {t} und angrenzenden Themen wie {u}. Wir treffen uns außerdem einmal im Quartal online.',
];

export const COMMUNITY_GUIDELINES =
  'Wir duzen uns. Was hier geteilt wird, bleibt hier (Chatham House Rule). Keine Werbung für Produkte oder Dienstleistungen. Fragen sind ausdrücklich erwünscht – es gibt keine dummen Fragen.';

export const TITLES = {
  discussion: [
    'Erfahrungen mit {t} in der Praxis',
    '{t} und {u} – wie passt das zusammen?',
    'Zwischenstand {t} bei uns',
    'Lessons learned: {t}',
    '{t}: Was hat sich bei euch bewährt?',
    'Diskussion: {t} nach dem ersten Jahr',
    'Gedanken zu {t} und Fachkräftemangel',
    '{t} im Alltag der Sachbearbeitung',
    'Kennzahlen für {t} – was messt ihr?',
    '{t} interkommunal angehen?',
    'Was wir bei {t} anders machen würden',
    '{t}: Zentral oder dezentral organisieren?',
  ],
  question: [
    'Wer hat Erfahrung mit {t}?',
    'Frage zu {t}: Ausschreibung oder Rahmenvertrag?',
    'Wie habt ihr {t} mit {u} verbunden?',
    'Suche Ansprechperson für {t}',
    'Gibt es eine Musterdienstanweisung für {t}?',
    'Wie lange hat bei euch die Einführung von {t} gedauert?',
    'Welche Software nutzt ihr für {t}?',
    '{t}: Wie überzeugt ihr die Personalvertretung?',
    'Fördermittel für {t} – wer kennt passende Programme?',
    'Datenschutz bei {t}: Braucht es eine DSFA?',
  ],
  example: [
    'Praxisbeispiel: {t} in {o}',
    'So haben wir {t} eingeführt',
    '{t} in {n} Monaten – unser Vorgehen',
    'Nachnutzbar: {t} mit {u}',
    'Pilotprojekt {t}: Ergebnisse aus {o}',
  ],
  announcement: [
    'Online-Treffen zu {t} am {d}',
    'Einladung: Werkstattgespräch {t}',
    'Neue Handreichung zu {t} veröffentlicht',
    'Rückblick auf unser Treffen zu {t}',
    'Save the Date: Fachtag {t} am {d}',
  ],
};

export const OPENERS = [
  'Bei uns ({o}) beschäftigen wir uns seit einiger Zeit mit {t}.',
  'Wir stehen in {o} gerade am Anfang mit {t}.',
  'Seit etwa {n} Monaten läuft bei uns ein Projekt zu {t}.',
  'Nach der letzten Sitzung des Arbeitskreises ist mir {t} nicht mehr aus dem Kopf gegangen.',
  'Unsere Verwaltungsspitze hat {t} zur Priorität für dieses Jahr erklärt.',
  'Im Rahmen der Verwaltungsmodernisierung wollen wir {t} voranbringen.',
  'Die Kommunalaufsicht hat uns gebeten, zu {t} einen Sachstand zu liefern.',
  'Kurzer Erfahrungsbericht aus unserer Verwaltung ({o}) zum Thema {t}.',
  'Das Thema {t} taucht bei uns in jeder Amtsleiterrunde auf.',
  'Mit {t} haben wir im Haushaltsjahr einen neuen Anlauf genommen.',
];

export const SENTENCES = [
  'Die größte Hürde war bisher nicht die Technik, sondern die Abstimmung zwischen den Fachbereichen.',
  'Besonders die Schnittstelle zu {u} hat uns mehr Zeit gekostet als geplant.',
  'Die Personalvertretung haben wir früh eingebunden, das hat sich ausgezahlt.',
  'Wir haben mit einem kleinen Pilotbereich angefangen und dann schrittweise ausgerollt.',
  'Ohne die Unterstützung durch den IT-Dienstleister wäre das kaum möglich gewesen.',
  'Die Schulungen haben wir selbst organisiert, mit Multiplikatorinnen und Multiplikatoren aus den Ämtern.',
  'Datenschutz und Informationssicherheit waren von Anfang an mit im Boot.',
  'Finanziert wurde das Vorhaben teilweise über ein Förderprogramm des Landes.',
  'Die Akzeptanz bei den Kolleginnen und Kollegen ist inzwischen erstaunlich hoch.',
  'Leider fehlen uns derzeit {n} Stellen, um das Thema so zu betreiben, wie es nötig wäre.',
  'Die Vergabe hat sich über mehrere Monate hingezogen, weil die Leistungsbeschreibung zweimal überarbeitet werden musste.',
  'Wir dokumentieren alles im Wiki, damit andere Kommunen es nachnutzen können.',
  'Ein wichtiger Punkt war die Frage, wer fachlich verantwortlich ist und wer den Betrieb übernimmt.',
  'Die Bürgerinnen und Bürger merken davon vor allem, dass Anträge schneller bearbeitet werden.',
  'Für {u} haben wir eine eigene Arbeitsgruppe gebildet.',
  'Die Fachverfahren mussten teilweise angepasst werden, was Zeit und Geld gekostet hat.',
  'Wir haben uns an den Empfehlungen des IT-Planungsrats orientiert.',
  'Am meisten geholfen hat der Austausch mit Nachbarkommunen, die schon weiter sind.',
  'Die Medienbrüche zwischen Onlineantrag und Sachbearbeitung sind noch immer nicht ganz beseitigt.',
  'Die Rechtsgrundlage war schneller geklärt als befürchtet.',
  'Ein externes Beratungsunternehmen haben wir bewusst nicht beauftragt.',
  'Die Durchlaufzeit ist von {n} Wochen auf wenige Tage gesunken.',
  'Unsere Registratur war anfangs skeptisch, ist jetzt aber die stärkste Befürworterin.',
  'Der Betrieb läuft inzwischen stabil im Rechenzentrum des kommunalen IT-Dienstleisters.',
];

export const BULLETS = [
  'frühzeitig die Fachbereiche einbinden',
  'klare Zuständigkeiten für {t} festlegen',
  'kleine Pilotbereiche statt Big Bang',
  'den Schulungsbedarf nicht unterschätzen',
  'Schnittstellen zu {u} früh klären',
  'Personalrat und Datenschutz von Beginn an beteiligen',
  'Erfolge sichtbar machen und intern kommunizieren',
  'Nachnutzung vor Eigenentwicklung prüfen',
  'Haushaltsmittel für den Betrieb einplanen, nicht nur für die Einführung',
  'Prozesse vor der Digitalisierung vereinfachen',
  'Barrierefreiheit von Anfang an mitdenken',
  'Kennzahlen vorher und nachher erheben',
];

export const CLOSINGS = [
  'Wie sind eure Erfahrungen damit?',
  'Ich bin gespannt auf eure Sicht.',
  'Ich freue mich über Rückmeldungen, gern auch per Direktnachricht.',
  'Wer Interesse an unseren Unterlagen hat, meldet sich gern.',
  'Was würdet ihr an unserer Stelle als Nächstes angehen?',
];

export const QUESTIONS = [
  'Wie habt ihr die Kosten für {t} kalkuliert?',
  'Welche Anforderungen habt ihr in die Leistungsbeschreibung aufgenommen?',
  'Wie bindet ihr {u} an, ohne alles doppelt zu pflegen?',
  'Gibt es eine Kommune, die {t} schon im Echtbetrieb hat und ihre Unterlagen teilt?',
  'Wie habt ihr die Dienstvereinbarung formuliert?',
  'Welche Rolle spielt bei euch der IT-Dienstleister?',
  'Wie messt ihr, ob {t} wirklich etwas bringt?',
  'Habt ihr das über EfA nachgenutzt oder selbst gebaut?',
  'Wie viele Personentage habt ihr für die Einführung gebraucht?',
  'Wer ist bei euch fachlich verantwortlich, wer technisch?',
];

export const PROBLEMS = [
  'Anträge zu {t} wurden bisher auf Papier gestellt und mehrfach abgetippt.',
  'Die Bearbeitungszeiten für {t} lagen bei über {n} Wochen.',
  'Für {t} gab es in jedem Amt eine eigene Insellösung.',
  'Das Wissen zu {t} hing an wenigen Personen, die bald in den Ruhestand gehen.',
  'Rückfragen zu {t} kamen per Telefon und E-Mail und waren nirgends dokumentiert.',
];

export const SOLUTIONS = [
  'Wir haben einen Onlinedienst eingeführt, der direkt an das Fachverfahren angebunden ist.',
  'Ein kleines Team hat den Prozess mit Service Design neu aufgesetzt und mit Nutzenden getestet.',
  'Wir nutzen eine Open-Source-Lösung, die ein anderes Land bereits betreibt.',
  'Die Vorgänge laufen jetzt vollständig elektronisch über die E-Akte.',
  'Eine gemeinsame Wissensdatenbank mit FAQ und Musterschreiben ersetzt die Einzellösungen.',
];

export const MATERIALS = [
  'Leistungsbeschreibung, Schulungsfolien und Prozesslandkarte auf Anfrage.',
  'Projektsteckbrief und Dienstanweisung im Anhang der Community-Seite.',
  'Prozessmodell (BPMN) und Checkliste für die Einführung.',
  '',
];

export const REUSE = [
  'Nachnutzbar für Verwaltungen mit ähnlichem Fachverfahren; Aufwand etwa {n} Personentage.',
  'Die Lösung steht unter einer offenen Lizenz und kann ohne Vergabe nachgenutzt werden.',
  'Gern stellen wir das Vorgehen in einem kurzen Termin vor.',
];

export const ANNOUNCEMENT_TEXTS = [
  'Wir wollen Erfahrungen zu {t} austauschen und gemeinsam offene Fragen sammeln.',
  'Die neue Handreichung fasst zusammen, was wir im letzten Jahr zu {t} gelernt haben.',
  'Vielen Dank an alle, die dabei waren – die Folien und das Protokoll findet ihr unten.',
  'Gäste aus {o} berichten von ihrem Vorgehen bei {u}.',
];

export const REPLY_OPENERS = [
  'Danke für den Beitrag!',
  'Spannendes Thema.',
  'Bei uns ({o}) sieht es ähnlich aus.',
  'Das kenne ich gut.',
  'Kurze Ergänzung aus unserer Sicht:',
  'Wir haben damit andere Erfahrungen gemacht.',
  'Gute Frage!',
  '+1, das interessiert uns auch.',
  'Aus Sicht einer kleinen Kommune:',
  'Kann ich nur bestätigen.',
];

export const REPLY_SENTENCES = [
  'Wir haben {t} im letzten Jahr eingeführt und würden heute früher mit den Fachbereichen sprechen.',
  'Schau dir mal an, wie das Land das bei {u} gelöst hat, das ließe sich übertragen.',
  'Unsere Dienstvereinbarung kann ich dir gern schicken.',
  'Wichtig ist aus meiner Sicht, den Betrieb von Anfang an mitzudenken.',
  'Bei uns hat das ungefähr {n} Monate gedauert, inklusive Vergabe.',
  'Der IT-Dienstleister war bei uns der Engpass, nicht das Budget.',
  'Wir setzen dafür eine Open-Source-Lösung ein und sind zufrieden.',
  'Die Schulungen würde ich nicht unterschätzen – plant lieber mehr Zeit ein.',
  'Die Kolleginnen und Kollegen aus {o} haben dazu einen guten Leitfaden geschrieben.',
  'Bei {u} hatten wir dasselbe Problem; geholfen hat ein gemeinsamer Termin mit allen Beteiligten.',
  'Ohne Rückendeckung der Verwaltungsspitze wird es schwierig.',
  'Das Thema Datenschutz haben wir mit einer Muster-DSFA gelöst.',
  'Wir messen die Durchlaufzeiten vorher und nachher, das überzeugt am Ende alle.',
  'Ich würde das nicht selbst entwickeln, sondern nach EfA-Leistungen schauen.',
  'Bei der Ausschreibung hat uns die Vergabestelle des Kreises sehr geholfen.',
  'Wir sind noch mitten drin, aber die ersten {n} Verfahren laufen schon digital.',
  'Achtet auf die Aufbewahrungsfristen, das wurde bei uns erst spät geklärt.',
  'Eine Kollegin von uns hat dazu auf dem letzten Barcamp eine Session gemacht.',
];

export const REPLY_CLOSINGS = ['Meldet euch gern, wenn ihr Fragen habt.', 'Viele Grüße', 'Hoffe, das hilft.', 'Können wir gern auch mal telefonisch besprechen.', '', ''];

export const HIDDEN_REASON = 'Verstoß gegen die Netiquette der Community';
