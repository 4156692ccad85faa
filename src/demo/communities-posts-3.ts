/** Posts and replies of the demo communities (pure data, see ./communities-data.ts): part 3. */
import type { PostSeed } from './communities-data.js';

export const POSTS_3: Record<string, PostSeed[]> = {
  wissensmanagement: [
    {
      type: 'announcement', by: 'office', days: 106, pinned: true, tags: ['Wissensmanagement'],
      title: 'Willkommen und eine Bitte der Geschäftsstelle',
      body: 'Diese Community begleiten wir als Geschäftsstelle zusammen mit Kolleginnen und Kollegen aus den Mitgliedsbehörden. Hier sind auch Partnerinnen und Partner aus der Forschung dabei; sie erkennt ihr am Hinweis „Gast“ im Profil.\n\nUnsere Bitte: Stellt Vorlagen und Leitfäden als **Praxisbeispiel** ein. So finden andere sie auch in einem Jahr noch.',
      replies: ['Danke! Gut zu wissen, dass die Forschung mitliest.', { by: 'partner', text: 'Wir freuen uns, dabei zu sein, und teilen unsere Zwischenergebnisse gern hier.' }],
    },
    {
      type: 'example', by: 'kommune', days: 91, tags: ['Wissensmanagement', 'Personalentwicklung'],
      title: 'Wissenstransfer-Tandems vor dem Ruhestand',
      body: 'Wer in den nächsten zwei Jahren in den Ruhestand geht, bildet bei uns ein Tandem mit einer Nachfolgerin oder einem Nachfolger. Ein einfacher Leitfaden sorgt dafür, dass nicht nur Akten, sondern auch Erfahrungswissen übergeben wird.',
      example: {
        problem: 'In den nächsten fünf Jahren geht ein Viertel unserer Beschäftigten in den Ruhestand. Wissen über Abläufe, Ansprechpersonen und Sonderfälle ging bisher mit ihnen.',
        solution: 'Tandems aus ausscheidender und nachfolgender Person mit zwölf Monaten Überschneidung. Ein Leitfaden mit Gesprächsthemen (Netzwerk, wiederkehrende Sonderfälle, ungeschriebene Regeln), eine Wissenslandkarte pro Stelle und zwei Reflexionsgespräche mit der Personalentwicklung.',
        status: 'operation',
        materials: '- [Leitfaden Wissenstransfer](https://example.org/kommune/wissenstransfer/leitfaden.pdf)\n- [Vorlage Wissenslandkarte](https://example.org/kommune/wissenstransfer/wissenslandkarte.docx)',
        reuse: 'Für jede Behörde geeignet. Die Überschneidung der Stellen ist haushaltsrechtlich der schwierigste Teil; wie wir das gelöst haben, erkläre ich gern.',
      },
      replies: [
        { by: 'land', text: 'Wie habt ihr die zwölf Monate Überschneidung finanziert?' },
        { by: 'op', text: 'Über ein Stellenkontingent für Nachwuchskräfte, das der Rat einmalig bewilligt hat. Nicht für jede Stelle, aber für die kritischen.' },
        { by: 'partner', text: 'Die Wissenslandkarte finden wir in unserer Forschung immer wieder als das wirksamste Instrument. Schön, das hier so konkret zu sehen.' },
      ],
    },
    {
      type: 'question', by: 'land', days: 76, tags: ['Wissensmanagement'], accepted: 1,
      title: 'Behördenwiki: Welche Software nutzt ihr, und wer pflegt es?',
      body: 'Wir möchten ein Wiki für unsere Abteilung einführen. Ich frage mich weniger, welche Software, sondern eher: Wie sorgt ihr dafür, dass es gepflegt wird und nicht nach einem Jahr verwaist?',
      replies: [
        'Bei uns ist das Wiki nach einem Jahr verwaist. Ich bin gespannt auf die Antworten.',
        { by: 'bund', text: 'Bei uns hat jede Seite eine verantwortliche Person und ein Ablaufdatum. Läuft es ab, bekommt die Person eine Erinnerung. Seiten ohne Verantwortliche werden archiviert. Das klingt bürokratisch, hält das Wiki aber aktuell.' },
        { by: 'op', text: 'Das Ablaufdatum ist eine gute Idee. Danke!' },
      ],
    },
    {
      type: 'discussion', by: 'partner', days: 58, tags: ['Wissensmanagement'],
      title: 'Was macht Communities of Practice in Behörden erfolgreich? Erste Ergebnisse',
      body: 'In unserem Forschungsprojekt haben wir mit 30 Communities of Practice aus Bund, Ländern und Kommunen gesprochen. Drei Faktoren tauchen immer wieder auf:\n\n1. Eine Leitung mit fester Zeit dafür\n2. Regelmäßige Anlässe, auch kleine\n3. Rückendeckung durch die Hausleitung\n\nDeckt sich das mit euren Erfahrungen?',
      replies: [
        { by: 'office', text: 'Das deckt sich mit dem, was wir als Geschäftsstelle sehen. Communities ohne Leitung schlafen nach einigen Monaten ein.' },
        { by: 'kommune', text: 'Punkt 3 würde ich unterstreichen. Wenn die Teilnahme als Arbeitszeit gilt, machen viel mehr mit.' },
        'Mir fehlt noch: gute Werkzeuge. Wenn der Austausch nur per E-Mail läuft, geht viel verloren.',
        { by: 'partner', quote: 2, text: '> Mir fehlt noch: gute Werkzeuge.\n\nInteressant, das haben wir unterschätzt. Werkzeuge wurden in den Interviews selten genannt, aber vielleicht, weil sie selbstverständlich waren. Das nehmen wir in die nächste Runde auf.' },
      ],
    },
    {
      type: 'question', by: 'bund', days: 42, tags: ['Personalentwicklung', 'Digitale Kompetenzen'], accepted: 2,
      title: 'Onboarding neuer Beschäftigter: Was gehört in die erste Woche?',
      body: 'Wir überarbeiten unser Onboarding. Bisher bestand die erste Woche vor allem aus IT-Einrichtung und Pflichtschulungen. Was hat sich bei euch bewährt, damit neue Kolleginnen und Kollegen schnell arbeitsfähig werden?',
      replies: [
        'Eine Patin oder ein Pate außerhalb des eigenen Teams.',
        { by: 'land', text: 'Bei uns ist der Arbeitsplatz am ersten Tag fertig eingerichtet. Klingt selbstverständlich, war es aber lange nicht.' },
        { by: 'kommune', text: 'Eine Checkliste für die Führungskraft, was vor dem ersten Tag erledigt sein muss, dazu eine Patenschaft und in der ersten Woche ein Termin mit jeder Stelle, mit der man später oft zu tun hat. Pflichtschulungen verteilen wir auf die ersten drei Monate.' },
        { by: 'op', text: 'Die Verteilung der Pflichtschulungen nehmen wir auf jeden Fall mit.' },
      ],
    },
    {
      type: 'example', by: 'land', days: 26, tags: ['Wissensmanagement'],
      title: 'Lessons-Learned-Datenbank für Projekte',
      body: 'Wir planen, die Erkenntnisse aus abgeschlossenen Projekten in einer einfachen Datenbank zu sammeln, damit neue Projekte sie nutzen können. Noch ist es eine Idee; wir suchen Mitstreiterinnen und Mitstreiter.',
      example: {
        problem: 'Projekte machen immer wieder dieselben Fehler, weil Abschlussberichte in Ablagen verschwinden und niemand sie liest.',
        solution: 'Jedes Projekt beantwortet zum Abschluss fünf kurze Fragen (Was hat funktioniert? Was würden wir anders machen? …). Die Antworten landen verschlagwortet in einer Datenbank, die bei jedem Projektstart abgefragt wird.',
        status: 'idea',
        materials: '- [Entwurf der fünf Abschlussfragen](https://example.org/land/lessons-learned/fragen.pdf)',
        reuse: 'Noch in Planung. Wer Interesse hat, die Idee gemeinsam zu erproben, meldet sich bitte.',
      },
      replies: [{ by: 'office', text: 'Das passt gut zu den Praxisbeispielen hier auf der Plattform. Vielleicht lässt sich das verbinden?' }],
    },
    {
      type: 'question', by: 'kommune', days: 7, tags: ['Wissensmanagement'],
      title: 'Wie motiviert ihr Kolleginnen und Kollegen, Wissen aufzuschreiben?',
      body: 'Alle finden Wissensmanagement wichtig, aber kaum jemand schreibt etwas auf. Die Zeit fehlt, und der Nutzen ist für die einzelne Person nicht sichtbar. Habt ihr Ideen, die wirklich funktioniert haben?',
      replies: ['Kleine Anlässe: Nach jeder Fortbildung eine halbe Seite für das Team.', { by: 'land', text: 'Bei uns zählt Dokumentation in den Zielvereinbarungen mit. Das hat mehr bewirkt als jeder Appell.' }],
    },
  ],

  'kommunale-digitalisierung': [
    {
      type: 'announcement', by: 'lead', days: 113, pinned: true, tags: ['Kommunale Digitalisierung'],
      title: 'Online-Austausch: Digitale Terminvergabe im Bürgerbüro',
      body: 'Viele von euch haben nach unseren Erfahrungen mit der digitalen Terminvergabe gefragt. Deshalb laden wir zu einem einstündigen Online-Austausch ein: kurzer Bericht aus Musterstadt, danach Fragen und eure Erfahrungen.\n\nTermin und Einwahl folgen hier; gern vorab Fragen als Antwort posten.',
      replies: ['Sehr gern, wir führen das gerade ein.', { by: 'member', text: 'Ich würde gern zuhören. Aus Landessicht interessiert mich, ob ein gemeinsames Angebot für kleinere Gemeinden sinnvoll wäre.' }, { by: 'kommune', text: 'Frage vorab: Wie geht ihr mit Terminen um, die nicht wahrgenommen werden?' }],
    },
    {
      type: 'example', by: 'lead', days: 92, tags: ['Bürgerservice', 'Kommunale Digitalisierung'],
      title: 'Digitale Terminvergabe im Bürgerbüro mit Wartezeitanzeige',
      body: 'Seit einem Jahr buchen Bürgerinnen und Bürger in Musterstadt Termine online; wer ohne Termin kommt, sieht die aktuelle Wartezeit auf der Website. Die Wartezeiten sind um die Hälfte gesunken.',
      example: {
        problem: 'Lange Schlangen vor dem Bürgerbüro, besonders vor den Ferien. Telefonische Terminvergabe band eine volle Stelle.',
        solution: 'Online-Terminbuchung mit Auswahl der Anliegen, damit die Termindauer passt. Erinnerung per E-Mail am Vortag mit Absage-Link. Ein Teil der Schalter bleibt für Spontanbesuche; deren Wartezeit wird live auf der Website angezeigt.',
        status: 'operation',
        materials: '- [Projektbericht (PDF)](https://example.org/musterstadt/terminvergabe/bericht.pdf)\n- [Liste der Anliegen mit Termindauern](https://example.org/musterstadt/terminvergabe/anliegen.xlsx)\n- [Texte für Erinnerungsmails](https://example.org/musterstadt/terminvergabe/mailtexte.docx)',
        reuse: 'Geeignet für Bürgerbüros ab etwa drei Schaltern. Die Anliegenliste mit Termindauern spart viel Vorarbeit.',
      },
      replies: [
        { by: 'kommune', text: 'Wie hoch ist bei euch der Anteil der nicht wahrgenommenen Termine?' },
        { by: 'lead', text: 'Anfangs 15 Prozent, seit der Erinnerungsmail mit Absage-Link unter 5 Prozent.' },
        { by: 'member', text: 'Das würde ich gern als Beispiel in unsere Landesübersicht aufnehmen, wenn ihr einverstanden seid.' },
        { by: 'lead', text: 'Sehr gern!' },
        'Die Wartezeitanzeige ist genial. Wie wird die berechnet?',
        { by: 'lead', quote: 4, text: '> Wie wird die berechnet?\n\nAus der Zahl der wartenden Personen und der durchschnittlichen Bearbeitungszeit der letzten Stunde. Nicht perfekt, aber gut genug.' },
      ],
    },
    {
      type: 'question', by: 'kommune', days: 78, tags: ['Kommunale Digitalisierung'], accepted: 1,
      title: 'Gemeinsame Digitalisierungsstelle für kleine Gemeinden: Hat das jemand?',
      body: 'Wir sind eine Gemeinde mit 6.000 Einwohnern und haben niemanden, der sich hauptamtlich um Digitalisierung kümmert. Mit den Nachbargemeinden überlegen wir eine gemeinsame Stelle. Hat jemand Erfahrungen damit, rechtlich und praktisch?',
      replies: [
        'Wir haben das über den Kreis gelöst, der Stellen für mehrere Gemeinden bereitstellt.',
        { by: 'kommune', text: 'Vier Gemeinden, eine öffentlich-rechtliche Vereinbarung, die Stelle sitzt bei der größten Gemeinde. Kosten nach Einwohnerzahl, dazu ein fester Sprechtag pro Gemeinde. Nach zwei Jahren möchte keine Gemeinde mehr darauf verzichten.' },
        { by: 'member', text: 'Das Land Beispiel fördert solche interkommunalen Stellen in der Anlaufphase. Vielleicht gibt es in eurem Land etwas Ähnliches.' },
        { by: 'op', text: 'Sehr hilfreich, danke! Die Vereinbarung würde ich mir gern einmal ansehen.' },
      ],
    },
    {
      type: 'discussion', by: 'member', days: 64, tags: ['Kommunale Digitalisierung'],
      title: 'Wie können Länder die Kommunen bei der Digitalisierung besser unterstützen?',
      body: 'Ich koordiniere im Ministerium für Digitales des Landes Beispiel die Zusammenarbeit mit den Kommunen. Oft habe ich den Eindruck, dass unsere Angebote (Förderprogramme, Rahmenverträge, Basisdienste) nicht dort ankommen, wo sie gebraucht werden.\n\nWas würde euch in den Kommunen wirklich helfen?',
      replies: [
        { by: 'kommune', text: 'Weniger Förderprogramme mit aufwendigen Anträgen, mehr fertige Basisdienste, die wir einfach nutzen können.' },
        { by: 'lead', text: 'Ansprechpersonen, die sich mit kommunalen Abläufen auskennen. Und frühzeitige Beteiligung, bevor Vorgaben fertig sind.' },
        'Rahmenverträge, denen wir ohne eigene Ausschreibung beitreten können. Das spart uns Monate.',
        { by: 'kommune', text: 'Verlässlichkeit: Wenn ein Dienst angekündigt ist, muss er auch kommen. Wir haben schon Projekte gestoppt, weil ein Landesdienst kommen sollte, der dann nie kam.' },
        { by: 'member', text: 'Danke für die offenen Worte. Die Punkte nehme ich mit in unsere nächste Abstimmung mit den kommunalen Spitzenverbänden.' },
        { by: 'kommune', text: 'Gute Initiative, so eine Frage von Landesseite habe ich hier noch nicht erlebt.' },
      ],
    },
    {
      type: 'question', by: 'kommune', days: 49, tags: ['Smart City'],
      title: 'Smart-City-Sensorik: Wem gehören die Daten?',
      body: 'Wir wollen Sensoren für Parkplatzbelegung und Luftqualität aufstellen. Der Anbieter möchte die Daten auf seiner Plattform speichern und auswerten. Wie sichert ihr euch die Rechte an den Daten?',
      replies: [
        { by: 'kommune', text: 'Im Vertrag festhalten, dass die Daten der Kommune gehören und in einem offenen Format exportierbar sind. Am besten eine eigene Datenplattform, auf die der Anbieter nur liefert.' },
        { by: 'land', text: 'Denkt auch an Open Data: Wenn die Daten offen veröffentlicht werden sollen, muss das im Vertrag stehen.' },
        'Bei uns hat der Anbieter nach Vertragsende nur PDF-Berichte herausgegeben. Aus Fehlern lernt man.',
      ],
    },
    {
      type: 'example', by: 'kommune', days: 34, tags: ['Bürgerbeteiligung', 'Bürgerservice'],
      title: 'Mängelmelder mit Rückmeldung an die Bürgerinnen und Bürger',
      body: 'Über unseren Mängelmelder melden Bürgerinnen und Bürger Schlaglöcher, defekte Laternen oder wilden Müll. Neu ist, dass sie erfahren, was aus ihrer Meldung geworden ist.',
      example: {
        problem: 'Meldungen kamen per E-Mail und Telefon, wurden teilweise doppelt bearbeitet, und niemand erfuhr, ob etwas passiert ist. Das Vertrauen in die Verwaltung litt.',
        solution: 'Ein Mängelmelder mit Karte, in dem jede Meldung einem Fachbereich zugeordnet wird. Der Bearbeitungsstand ist öffentlich sichtbar; Meldende bekommen eine Nachricht, wenn der Mangel behoben ist. Doppelte Meldungen erkennt das System anhand des Ortes.',
        status: 'operation',
        materials: '- [Kategorienkatalog](https://example.org/kommune/maengelmelder/kategorien.pdf)\n- [Erfahrungsbericht nach zwei Jahren](https://example.org/kommune/maengelmelder/bericht.pdf)',
        reuse: 'Der Kategorienkatalog und die Zuständigkeitsregeln sind auf andere Kommunen übertragbar.',
      },
      replies: [
        { by: 'kommune', text: 'Wie viele Meldungen bekommt ihr pro Monat?' },
        { by: 'op', text: 'Etwa 300, im Frühjahr deutlich mehr.' },
        { by: 'kommune', hidden: 'Enthielt Angaben, mit denen eine meldende Person erkennbar ist. Bitte ohne personenbezogene Daten erneut posten.', text: 'Bei uns meldet Frau M. aus der Beispielstraße 12 seit Wochen dasselbe Schlagloch, inzwischen täglich. Hat jemand einen Tipp, wie man mit solchen Dauermeldungen umgeht?' },
        { by: 'lead', text: 'Die öffentliche Statusanzeige planen wir auch. Hattet ihr Bedenken im Fachbereich, dass Verzögerungen sichtbar werden?' },
        { by: 'op', text: 'Ja, anfangs sehr. Inzwischen sieht der Fachbereich es als Entlastung, weil weniger Nachfragen kommen.' },
      ],
    },
    {
      type: 'question', by: 'kommune', days: 22, tags: ['Geodaten', 'Bürgerservice'],
      title: 'Geodaten im Onlinedienst: Welche Karten zeigt ihr an?',
      body: 'In mehreren Onlinediensten sollen Bürgerinnen und Bürger einen Ort auf einer Karte auswählen, etwa bei Sondernutzungen oder Baumfällanträgen. Nutzt ihr die Basiskarte des Landes oder eigene Kartendienste?',
      replies: [{ by: 'kommune', text: 'Die Basiskarte des Landesvermessungsamts, eingebunden über den Kartendienst des Kreises. Kostenfrei und aktuell.' }, 'Wichtig: Die Karte muss auch ohne Maus bedienbar sein, oder es braucht eine Alternative wie die Adresseingabe.'],
    },
    {
      type: 'discussion', by: 'kommune', days: 11, tags: ['Kommunale Digitalisierung'],
      title: 'Digitalisierungsbudget im Haushalt sichtbar machen',
      body: 'Unsere Ausgaben für Digitalisierung sind über viele Produkte im Haushalt verstreut. Der Rat möchte wissen, wie viel wir insgesamt ausgeben. Habt ihr ein eigenes Produkt oder eine Übersicht dafür?',
      replies: [{ by: 'lead', text: 'Wir haben ein eigenes Produkt „Digitale Verwaltung“ eingerichtet und berichten dem Rat jährlich. Das hat die Diskussionen über Budgets deutlich versachlicht.' }, 'Bei uns gibt es eine Anlage zum Haushalt, die alle IT-Ausgaben zusammenfasst.', { by: 'member', text: 'Eine Vorlage dafür würde vielen Kommunen helfen. Lena, würdet ihr eure teilen?' }],
    },
    {
      type: 'question', by: 'kommune', days: 1, tags: ['Bürgerservice'],
      title: 'Nur noch Kartenzahlung im Bürgerbüro?',
      body: 'Wir überlegen, im Bürgerbüro kein Bargeld mehr anzunehmen. Hat das schon jemand gemacht, und wie waren die Reaktionen?',
    },
  ],

  'datenschutz-digitalisierung': [
    {
      type: 'announcement', days: 98, pinned: true, tags: ['Datenschutz'],
      title: 'Kein Ersatz für eure Datenschutzbeauftragten',
      body: 'Eine Erinnerung: Was hier geschrieben wird, ist Erfahrungsaustausch und keine Rechtsberatung. Die Entscheidung in eurem Haus trifft ihr gemeinsam mit eurer behördlichen Datenschutzbeauftragten. Trotzdem hilft es sehr zu wissen, wie andere Häuser eine Frage bewertet haben.',
    },
    {
      type: 'question', by: 'kommune', days: 87, tags: ['Datenschutz'], accepted: 0,
      title: 'Datenschutz-Folgenabschätzung für ein Videokonferenzsystem: Muss das sein?',
      body: 'Wir führen ein neues Videokonferenzsystem ein, betrieben bei unserem kommunalen IT-Dienstleister. Unsere Datenschutzbeauftragte hält eine Datenschutz-Folgenabschätzung für nötig, die IT eher nicht. Wie habt ihr das bewertet?',
      replies: [
        { by: 'land', text: 'Wir haben eine Schwellwertanalyse gemacht. Ergebnis: Für normale Besprechungen keine Folgenabschätzung nötig, für Beratungsgespräche mit Bürgerinnen und Bürgern (etwa im Sozialbereich) schon. Das System ist dasselbe, die Verarbeitung eine andere.' },
        'Bei uns war die Folgenabschätzung kürzer als die Diskussion darüber, ob man eine braucht.',
        { by: 'op', text: 'Die Unterscheidung nach Einsatzzweck hilft uns sehr weiter. Danke!' },
      ],
    },
    {
      type: 'example', by: 'land', days: 72, tags: ['Datenschutz'],
      title: 'Baukasten Datenschutz-Folgenabschätzung für Onlinedienste',
      body: 'Viele Onlinedienste verarbeiten ähnliche Daten auf ähnliche Weise. Wir haben deshalb einen Baukasten mit vorbereiteten Risikobeschreibungen und Maßnahmen entwickelt, den die Fachbereiche nur noch anpassen müssen.',
      example: {
        problem: 'Für jeden Onlinedienst wurde die Folgenabschätzung von Grund auf neu geschrieben. Das dauerte Monate und band die Datenschutzbeauftragte übermäßig.',
        solution: 'Ein Baukasten mit Bausteinen für typische Verarbeitungen (Nutzerkonto, Nachweis-Upload, Bezahlung, Bescheidzustellung) samt Risiken und Maßnahmen. Der Fachbereich wählt die passenden Bausteine und beschreibt nur die Besonderheiten.',
        status: 'operation',
        materials: '- [Baukasten (Textvorlagen)](https://example.org/land/datenschutz/dsfa-baukasten.docx)\n- [Ausfüllhilfe](https://example.org/land/datenschutz/ausfuellhilfe.pdf)',
        reuse: 'Für Onlinedienste aller Ebenen nutzbar. Wir freuen uns über Rückmeldungen und neue Bausteine.',
      },
      replies: [{ by: 'kommune', text: 'Das ist eine enorme Erleichterung. Gibt es auch einen Baustein für die Zustellung über Postfächer?' }, { by: 'op', text: 'Noch nicht, ist aber in Arbeit.' }, 'Haben wir übernommen, unsere Datenschutzbeauftragte ist begeistert.'],
    },
    {
      type: 'discussion', by: 'bund', days: 55, tags: ['Datenschutz', 'Informationssicherheit'],
      title: 'Löschkonzepte in der E-Akte: Wer traut sich wirklich zu löschen?',
      body: 'In der Papierwelt wurde ausgesondert, in der E-Akte wird gespeichert und gespeichert. Wir haben ein Löschkonzept, aber gelöscht wird faktisch nicht, weil niemand die Verantwortung übernehmen möchte. Wie ist das bei euch?',
      replies: [
        { by: 'kommune', text: 'Genauso. Die Angst, etwas zu löschen, das später gebraucht wird, ist größer als die Angst vor einem Datenschutzverstoß.' },
        { by: 'land', text: 'Bei uns hat geholfen, die Löschung an die Aussonderung zu koppeln: Das Archiv bewertet, was übernommen wird, der Rest wird gelöscht. Dann entscheidet nicht mehr die einzelne Sachbearbeitung.' },
        'Automatische Löschläufe mit Vorschau für die Fachbereiche, die widersprechen können. Wer nicht widerspricht, stimmt zu.',
        { by: 'op', quote: 1, text: '> die Löschung an die Aussonderung zu koppeln\n\nDas ist ein guter Ansatz, den ich mit unserem Archiv besprechen werde.' },
      ],
    },
    {
      type: 'question', by: 'kommune', days: 39, tags: ['Datenschutz'], accepted: 1,
      title: 'Auftragsverarbeitungsvertrag mit dem kommunalen IT-Dienstleister: Braucht es den?',
      body: 'Unser IT-Dienstleister ist ein Zweckverband, dem wir angehören. Er meint, ein Vertrag zur Auftragsverarbeitung sei nicht nötig, weil die Satzung alles regele. Wie seht ihr das?',
      replies: [
        'Bei uns gibt es einen, trotz Mitgliedschaft.',
        { by: 'land', text: 'Die Satzung kann die Anforderungen erfüllen, wenn sie die Inhalte enthält, die die DSGVO für einen Vertrag zur Auftragsverarbeitung verlangt: Gegenstand, Weisungsrecht, technische Maßnahmen, Unterauftragnehmer. Das tun die wenigsten Satzungen. Meist ist eine ergänzende Vereinbarung der einfachste Weg.' },
        { by: 'op', text: 'Danke, dann schlagen wir eine ergänzende Vereinbarung vor.' },
      ],
    },
    {
      type: 'question', by: 'sonstige', days: 21, tags: ['Deutsche Verwaltungscloud', 'Datenschutz'],
      title: 'Cloud-Dienste und Drittlandübermittlung: Wie ist eure aktuelle Linie?',
      body: 'Fachbereiche fragen immer wieder nach Cloud-Diensten großer Anbieter. Wie ist bei euch die aktuelle Linie, und nutzt ihr schon Angebote aus der Deutschen Verwaltungscloud?',
      replies: [
        { by: 'land', text: 'Für personenbezogene Daten nur Dienste mit Betrieb in Deutschland und ohne Zugriffsmöglichkeit aus Drittstaaten. Das schränkt die Auswahl stark ein.' },
        { by: 'bund', text: 'Wir prüfen die Angebote der Deutschen Verwaltungscloud zuerst. Das Angebot wächst, ist aber noch lückenhaft.' },
        'Bei uns entscheidet das Einzelfall für Einzelfall, was sehr langsam ist.',
      ],
    },
    {
      type: 'discussion', by: 'kommune', days: 9, tags: ['Datenschutz'],
      title: 'Datenschutzhinweise verständlich formulieren',
      body: 'Unsere Datenschutzhinweise für Onlinedienste sind juristisch korrekt, aber niemand liest sie. Hat jemand Erfahrung mit gestuften Hinweisen, also erst eine kurze Zusammenfassung und dann die Details?',
      replies: [{ by: 'land', text: 'Ja, mit guten Erfahrungen. Oben drei Sätze: Welche Daten, wofür, wie lange. Darunter aufklappbar die vollständigen Angaben.' }, 'Wir haben die Kurzfassung mit Bürgerinnen und Bürgern getestet, das war sehr aufschlussreich.'],
    },
  ],

  'leitungsrunde-digitalisierung': [
    {
      type: 'announcement', by: 'lead', days: 90, pinned: true, tags: ['Digitalisierungsstrategie'],
      title: 'Nächste Leitungsrunde: IT-Fachkräfte gewinnen und halten',
      body: 'Unser nächstes Treffen widmen wir dem Thema, das uns alle umtreibt: Wie gewinnen und halten wir IT-Fachkräfte? Bitte bringt eure Zahlen mit (offene Stellen, Besetzungsdauer, Fluktuation), soweit ihr sie teilen könnt. Wie immer gilt: Was hier besprochen wird, bleibt hier.',
      replies: ['Bin dabei. Unsere Zahlen sind leider ernüchternd.'],
    },
    {
      type: 'discussion', by: 'kommune', days: 60, tags: ['Verwaltungsmodernisierung'],
      title: 'IT-Fachkräfte halten: Zulagen, Homeoffice, Entwicklungspfade',
      body: 'Wir verlieren regelmäßig gute Leute an IT-Dienstleister und die Privatwirtschaft. Zulagen helfen nur begrenzt. Was tut ihr, damit IT-Fachkräfte bleiben?',
      replies: [
        { by: 'lead', text: 'Bei uns wirken Entwicklungspfade mehr als Geld: Fachkarriere ohne Führungsaufgabe, feste Fortbildungsbudgets und echte Verantwortung für Produkte.' },
        { by: 'land', text: 'Mobiles Arbeiten ohne Mindestpräsenz hat unsere Fluktuation merklich gesenkt.' },
        'Die Fachkräftezulage hat bei uns vor allem Unmut in anderen Bereichen erzeugt. Ehrlicherweise.',
      ],
    },
    {
      type: 'question', by: 'land', days: 30, tags: ['Digitalisierungsstrategie'], accepted: 0,
      title: 'Digitalisierungsstrategie: Wie messt ihr den Fortschritt?',
      body: 'Unsere Hausleitung möchte einen jährlichen Fortschrittsbericht zur Digitalisierungsstrategie. Die Zahl der Onlinedienste allein sagt wenig. Welche Kennzahlen nutzt ihr?',
      replies: [
        { by: 'lead', text: 'Wir berichten drei Dinge: Anteil der Anträge, die online eingehen, Anteil der Vorgänge, die ohne Medienbruch bearbeitet werden, und die Zufriedenheit der Nutzerinnen und Nutzer. Die Zahl der Onlinedienste steht nur im Anhang.' },
        'Wir ergänzen noch die Bearbeitungsdauer ausgewählter Leistungen.',
      ],
    },
    {
      type: 'discussion', by: 'lead', days: 8, tags: ['Digitalisierungsstrategie', 'Verwaltungsmodernisierung'],
      title: 'Priorisierung bei knappen Budgets: unser Portfolioboard',
      body: 'Wir haben mehr Vorhaben als Geld und Personal. Seit einem halben Jahr entscheidet bei uns ein Portfolioboard aus Verwaltungsvorstand und Stabsstelle einmal im Quartal, was umgesetzt wird. Kriterien: Nutzen für Bürgerinnen und Bürger, Entlastung der Beschäftigten, rechtliche Pflicht.\n\nWie priorisiert ihr?',
      replies: [{ by: 'kommune', text: 'Ähnlich, bei uns zählt zusätzlich, ob es eine Lösung zur Nachnutzung gibt. Dann wird es fast immer vorgezogen.' }, { by: 'land', text: 'Ein Portfolioboard hätte ich gern. Bei uns entscheidet noch, wer am lautesten ist.' }, 'Die drei Kriterien übernehme ich, danke.'],
    },
  ],
};
