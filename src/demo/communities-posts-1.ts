/** Posts and replies of the demo communities (pure data, see ./communities-data.ts): part 1. */
import type { PostSeed } from './communities-data.js';

export const POSTS_1: Record<string, PostSeed[]> = {
  'e-akte': [
    {
      type: 'announcement', by: 'lead', days: 112, pinned: true, tags: ['E-Akte'],
      title: 'Willkommen in der Community E-Akte & Dokumentenmanagement',
      body: 'Schön, dass ihr da seid! Hier tauschen wir uns über alles rund um E-Akte und Dokumentenmanagement aus, von der Projektplanung bis zum Regelbetrieb.\n\n- Fragen bitte als **Frage** anlegen, damit gute Antworten markiert werden können.\n- Fertige Lösungen aus euren Häusern gehören in ein **Praxisbeispiel**.\n\nEinmal im Quartal treffen wir uns zusätzlich online zur offenen Sprechstunde; den Termin kündige ich hier an.',
      replies: ['Danke fürs Aufsetzen! Die Sprechstunde ist eine gute Idee, wir stecken mitten in der Einführung.', 'Freue mich auf den Austausch. Gibt es schon einen Termin für die erste Sprechstunde?', { by: 'lead', text: 'Die erste Sprechstunde ist am letzten Donnerstag im Monat, 14 Uhr. Den Einwahllink schicke ich eine Woche vorher.' }],
    },
    {
      type: 'question', by: 'kommune', days: 96, tags: ['E-Rechnung', 'Dokumentenmanagement'], accepted: 0,
      title: 'Wie habt ihr die E-Rechnung an das DMS angebunden?',
      body: 'Wir empfangen XRechnungen inzwischen über die zentrale Eingangsplattform, drucken sie aber in einigen Ämtern immer noch aus, um sie in der Akte abzulegen. Ziel ist, dass die Rechnung samt Prüf- und Freigabevermerken automatisch in der E-Akte landet.\n\nHabt ihr das direkt über eine Schnittstelle des DMS gelöst oder über das Finanzverfahren? Und wie geht ihr mit der Visualisierung der XML-Datei um?',
      replies: [
        { by: 'kommune', text: 'Bei uns läuft es über das Finanzverfahren: Die Rechnung wird dort geprüft und freigegeben, erst danach legt eine Schnittstelle das Visualisierungs-PDF zusammen mit der XML-Datei in der E-Akte ab. So hat die Akte immer den freigegebenen Stand.' },
        { by: 'land', text: 'Wichtig ist: Das rechtlich maßgebliche Dokument ist die XML-Datei, nicht die PDF-Ansicht. Wir speichern beide, kennzeichnen das PDF aber ausdrücklich als Lesefassung.' },
        { by: 'op', quote: 0, text: '> erst danach legt eine Schnittstelle das Visualisierungs-PDF zusammen mit der XML-Datei ab\n\nGenau diesen Weg wollen wir auch gehen. Habt ihr die Schnittstelle beim Hersteller des Finanzverfahrens beauftragt oder selbst gebaut?' },
        { by: 'kommune', text: 'Beauftragt, als Standardmodul. Die Kosten waren überschaubar; aufwendig war eher die Abstimmung der Aktenzeichen zwischen beiden Systemen.' },
      ],
    },
    {
      type: 'example', by: 'lead', days: 88, tags: ['E-Akte', 'Prozessmanagement'],
      title: 'Flächendeckende E-Akte in 18 Monaten: Einführung in Wellen',
      body: 'In Musterstadt arbeiten seit diesem Frühjahr alle Ämter mit der E-Akte. Wir haben in fünf Wellen eingeführt, jeweils mit Prozessaufnahme, Aktenplan-Check und einer Woche Begleitung vor Ort. Hier unsere Vorlagen und was wir heute anders machen würden.',
      example: {
        problem: 'Papierakten in 14 Ämtern, uneinheitliche Aktenpläne und eine Registratur, in der mehrere erfahrene Beschäftigte kurz vor dem Ruhestand standen. Ein Start in allen Ämtern gleichzeitig hätte die Verwaltung überfordert.',
        solution: 'Einführung in fünf Wellen mit je drei Ämtern. Vor jeder Welle: Aufnahme der fünf häufigsten Vorgänge, Bereinigung des Aktenplans und Schulung von Multiplikatorinnen und Multiplikatoren. In der Startwoche ist das Projektteam vor Ort ansprechbar. Altakten werden nur gescannt, wenn jemand sie braucht.',
        status: 'operation',
        materials: '- [Wellenplan und Checkliste je Amt](https://example.org/musterstadt/e-akte/wellenplan.xlsx)\n- [Schulungskonzept für Multiplikatoren (PDF)](https://example.org/musterstadt/e-akte/schulungskonzept.pdf)\n- [Vorlage Prozessaufnahme](https://example.org/musterstadt/e-akte/prozessaufnahme.docx)',
        reuse: 'Das Vorgehen passt für Kommunen ab etwa 300 Beschäftigten. Die Vorlagen sind frei nutzbar; für ein Gespräch mit unserem Projektteam einfach melden.',
      },
      replies: [
        { by: 'kommune', text: 'Wie viele Multiplikatorinnen und Multiplikatoren hattet ihr pro Amt? Bei uns sind die wenigen Freiwilligen schnell überlastet.' },
        { by: 'op', text: 'Etwa eine Person auf 15 Beschäftigte, mit fest eingeplanten zwei Stunden pro Woche in den ersten drei Monaten. Ohne diese Freistellung hätte es nicht funktioniert.' },
        { by: 'land', text: 'Das „Scannen bei Bedarf“ für Altakten machen wir inzwischen genauso. Der Rückscan des kompletten Bestands hätte uns ein Jahr gekostet.' },
        'Danke für die Vorlagen, die Checkliste je Amt übernehmen wir fast unverändert.',
        { by: 'kommune', text: 'Was würdet ihr heute anders machen?' },
        { by: 'op', text: 'Den Aktenplan früher bereinigen. Wir haben das pro Welle gemacht, dadurch gab es zwischendurch zwei Stände. Und die Personalvertretung von Anfang an in die Lenkungsgruppe holen.' },
      ],
    },
    {
      type: 'discussion', by: 'land', days: 70, tags: ['Scanprozesse'],
      title: 'Ersetzendes Scannen nach TR-RESISCAN: Aufwand realistisch?',
      body: 'Wir planen, Papiereingänge künftig ersetzend zu scannen und die Originale nach einer Frist zu vernichten. Die TR-RESISCAN verlangt dafür eine Schutzbedarfsanalyse und eine Verfahrensdokumentation.\n\nWie groß war bei euch der Aufwand dafür, und habt ihr das Scannen zentralisiert oder in den Fachbereichen gelassen?',
      replies: [
        { by: 'kommune', text: 'Zentral, eindeutig. Eine Scanstelle mit geschultem Personal und festen Abläufen ist viel leichter zu dokumentieren als zwanzig Multifunktionsgeräte in den Ämtern.' },
        { by: 'bund', text: 'Für die Verfahrensdokumentation haben wir rund drei Monate gebraucht, vor allem wegen der Abstimmung mit Datenschutz und Archiv. Die Schutzbedarfsanalyse selbst ging schneller als gedacht.' },
        'Plant auch die Qualitätssicherung ein: Stichproben, Nachscan-Prozess und wer entscheidet, wann ein Original vernichtet werden darf.',
      ],
    },
    {
      type: 'question', by: 'bund', days: 52, tags: ['Dokumentenmanagement', 'E-Akte'],
      title: 'Aussonderung aus der E-Akte: Wie bietet ihr dem Archiv an?',
      body: 'Bei uns laufen die ersten elektronischen Akten aus ihrer Aufbewahrungsfrist. Das Archiv möchte die Aussonderung über xdomea abwickeln, unser DMS kann das aber bisher nur eingeschränkt. Wie organisiert ihr Anbietung und Bewertung, und wer stößt den Prozess an?',
      replies: [
        { by: 'land', text: 'Wir haben mit dem Archiv einen jährlichen Aussonderungslauf vereinbart. Das DMS erzeugt eine Liste der fälligen Akten, das Archiv bewertet sie, danach erst werden die Pakete exportiert.' },
        'Bei uns scheitert es noch an den Metadaten: Viele alte Akten haben kein sauberes Abschlussdatum, dann rechnet das System die Frist falsch.',
      ],
    },
    {
      type: 'question', by: 'kommune', days: 31, tags: ['E-Akte'], accepted: 1,
      title: 'Zugriffsrechte bei Vertretung: Rollen oder Einzelberechtigungen?',
      body: 'Unsere Berechtigungen in der E-Akte sind historisch gewachsen und werden pro Person vergeben. Bei Urlaub und Krankheit landen deshalb ständig Anfragen beim Support. Arbeitet ihr mit Rollen je Sachgebiet, und wie bildet ihr Vertretungen ab?',
      replies: [
        'Wir haben dasselbe Problem, gute Frage.',
        { by: 'kommune', text: 'Rollen je Sachgebiet plus eine Vertretungsrolle, die die Führungskraft im DMS selbst zuweisen kann, befristet auf höchstens sechs Wochen. Seitdem fast keine Support-Tickets mehr dazu.' },
        { by: 'lead', text: 'So machen wir es in Musterstadt auch. Wichtig war, dass die Befristung automatisch abläuft; sonst sammeln sich die Rechte wieder an.' },
      ],
    },
    {
      type: 'discussion', by: 'kommune', days: 14, tags: ['Prozessmanagement', 'E-Akte'],
      title: 'Akzeptanz: Was hat bei euch die Skeptikerinnen und Skeptiker überzeugt?',
      body: 'Technisch läuft die E-Akte bei uns seit einem halben Jahr. Trotzdem führen einige Teams Schattenakten auf Papier weiter. Was hat bei euch den Ausschlag gegeben, dass wirklich alle umgestiegen sind?',
      replies: [
        { by: 'lead', text: 'Bei uns war es die Vertretung: Als die ersten Kolleginnen im Urlaub ihre Vorgänge vollständig übergeben konnten, ohne einen Schrank aufzuschließen, hat sich das herumgesprochen.' },
        { by: 'land', text: 'Führungskräfte als Vorbild. Solange die Amtsleitung Vorlagen ausgedruckt haben möchte, druckt auch das Team.' },
        { by: 'kommune', text: 'Wir haben die Papierakten nach einer Übergangsfrist schlicht nicht mehr ins Büro gebracht. Hart, aber wirksam.' },
        'Kleine Dinge helfen auch: ein zweiter Bildschirm für alle, die viel lesen.',
        { by: 'op', text: 'Danke, der zweite Bildschirm und die Vorbildrolle der Leitung nehme ich mit in unsere nächste Amtsleiterrunde.' },
      ],
    },
    {
      type: 'question', by: 'sonstige', days: 4, tags: ['E-Rechnung'],
      title: 'E-Rechnungen per E-Mail: eigenes Postfach oder nur über die Plattform?',
      body: 'Seit die E-Rechnung auch zwischen Unternehmen Pflicht wird, schicken uns immer mehr Lieferanten XRechnungen einfach per E-Mail. Nehmt ihr die an, oder verweist ihr konsequent auf die Eingangsplattform?',
    },
  ],

  'ozg-umsetzung': [
    {
      type: 'announcement', days: 100, pinned: true, tags: ['OZG-Umsetzung', 'EfA-Leistungen'],
      title: 'Monatliche Sprechstunde zur EfA-Nachnutzung',
      body: 'Ab sofort bieten wir jeden ersten Mittwoch im Monat eine offene Videosprechstunde zur Nachnutzung von EfA-Leistungen an. Bringt eure Fragen zu Verträgen, Anbindung und Kostenverteilung mit; wer schon angeschlossen hat, ist als Gast sehr willkommen.\n\nFragen, die ihr vorab stellt, sammeln wir in diesem Beitrag.',
      replies: ['Super, wir sind dabei. Vorab-Frage: Gibt es eine Übersicht, welche Länder den Wohngeld-Dienst schon nachnutzen?', { by: 'member', text: 'Für das Land Beispiel kann ich die Übersicht aus unserem Dashboard mitbringen.' }],
    },
    {
      type: 'example', by: 'member', days: 84, tags: ['EfA-Leistungen', 'OZG-Umsetzung'],
      title: 'Umsetzungs-Dashboard für EfA-Leistungen im Land Beispiel',
      body: 'Damit unsere Kommunen sehen, welche EfA-Leistungen nachnutzbar sind und wer schon angeschlossen ist, führen wir ein einfaches Dashboard. Es ist bewusst ohne Spezialsoftware gebaut und lässt sich leicht nachmachen.',
      example: {
        problem: 'Die Kommunen des Landes wussten oft nicht, welche EfA-Leistungen bereits nachnutzbar sind, welche Voraussetzungen gelten und wer im eigenen Kreis schon angeschlossen ist. Anfragen liefen einzeln per E-Mail über das Ministerium.',
        solution: 'Eine Tabelle, die wöchentlich aus den Anschlussmeldungen erzeugt wird: Leistung, Status je Kommune, Ansprechperson und nächste Schritte. Dazu eine offene Videosprechstunde pro Woche. Die Kommunen pflegen ihren Status selbst über ein kurzes Formular.',
        status: 'operation',
        materials: '- [Vorlage Statustabelle](https://example.org/land-beispiel/ozg/dashboard-vorlage.xlsx)\n- [Formular für Statusmeldungen](https://example.org/land-beispiel/ozg/statusmeldung)\n- [Kurzanleitung (PDF)](https://example.org/land-beispiel/ozg/anleitung.pdf)',
        reuse: 'Für jedes Land und jeden größeren Kreis geeignet. Vorlage und Auswertungsskript geben wir gern weiter; es braucht nur eine Tabellenkalkulation.',
      },
      replies: [
        { by: 'kommune', text: 'Aus kommunaler Sicht: So eine Übersicht wünsche ich mir in jedem Land. Vor allem die Ansprechpersonen je Leistung sind Gold wert.' },
        { by: 'land', text: 'Sehr gut. Wie haltet ihr die Daten aktuell, wenn Kommunen ihren Status nicht melden?' },
        { by: 'member', text: 'Einmal im Quartal schreiben wir die Kommunen mit veralteten Einträgen kurz an. Die meisten melden sich dann innerhalb einer Woche.' },
      ],
    },
    {
      type: 'question', by: 'kommune', days: 77, tags: ['OZG-Umsetzung', 'Onlinedienste'], accepted: 2,
      title: 'EfA-Dienst an unser Fachverfahren anbinden: Erfahrungen mit FIT-Connect?',
      body: 'Wir wollen Anträge aus einem EfA-Onlinedienst direkt in unser Fachverfahren übernehmen statt sie auszudrucken. Der Dienst liefert über FIT-Connect, unser Hersteller bietet dafür aber erst im nächsten Jahr ein Modul an. Wie habt ihr die Zeit überbrückt?',
      replies: [
        { by: 'kommune', text: 'Wir nutzen übergangsweise den Web-Client zum Abholen der Anträge. Das ist nicht schön, aber die Daten kommen wenigstens strukturiert als Datei an.' },
        { by: 'land', text: 'Fragt bei eurem Landes-IT-Dienstleister nach. Einige betreiben einen zentralen Zustellpunkt, der Anträge an mehrere Fachverfahren weiterreichen kann.' },
        { by: 'kommune', text: 'Bei uns hat der Kreis einen gemeinsamen Zustellpunkt für alle Gemeinden eingerichtet. Das Fachverfahren holt die Anträge als XML ab, ein Modul des Herstellers brauchten wir nicht.' },
        { by: 'op', text: 'Das ist ein guter Hinweis, ich spreche mit unserem Kreis. Danke!' },
      ],
    },
    {
      type: 'discussion', by: 'land', days: 60, tags: ['FIM'],
      title: 'FIM-Stammtexte: Wer pflegt bei euch die Leistungsbeschreibungen?',
      body: 'Die FIM-Stammtexte kommen vom Bund, die Landesergänzungen pflegen wir. Bei den kommunalen Ergänzungen ist die Qualität aber sehr unterschiedlich. Gibt es bei euch eine Redaktion, oder macht das jede Fachabteilung selbst?',
      replies: [
        { by: 'kommune', text: 'Bei uns macht es das Bürgerbüro für alle Ämter, mit einer Checkliste für Zuständigkeit, Gebühren und Unterlagen.' },
        { by: 'member', text: 'Wir haben im Land eine kleine Redaktion, die Kommunen auf Wunsch unterstützt. Angenommen wird das vor allem von kleinen Gemeinden.' },
        'Leichte Sprache für die Leistungsbeschreibungen wäre ein eigenes Thema. Macht das schon jemand systematisch?',
      ],
    },
    {
      type: 'question', by: 'kommune', days: 45, tags: ['BundID', 'Onlinedienste'], accepted: 1,
      title: 'BundID oder Landeskonto: Was bieten wir unseren Bürgerinnen und Bürgern an?',
      body: 'Unsere Onlinedienste nutzen bisher das Servicekonto des Landes. Mit der Vorgabe zur BundID stellt sich die Frage, ob wir beides parallel anbieten. Wie handhabt ihr das, und wie erklärt ihr den Wechsel?',
      replies: [
        'Wir bieten übergangsweise beides an und zeigen die BundID zuerst an.',
        { by: 'member', text: 'Im Land Beispiel migrieren wir die Landeskonten bis Jahresende. Kommunen sollten neue Dienste nur noch mit BundID starten; für bestehende gibt es eine Übergangsanleitung, die ich hier verlinke, sobald sie freigegeben ist.' },
        { by: 'op', text: 'Danke, das gibt uns Planungssicherheit.' },
      ],
    },
    {
      type: 'question', by: 'member', days: 28, tags: ['EfA-Leistungen'],
      title: 'Nachnutzung Wohngeld-Onlinedienst: Wie verteilt ihr die Kosten?',
      body: 'Wir bereiten gerade die Nachnutzung eines Wohngeld-Dienstes für alle Kommunen im Land vor. Offen ist, ob das Land die Betriebskosten übernimmt oder nach Einwohnerzahl umlegt. Wie habt ihr das gelöst, und was hat bei den Kommunen die Zustimmung erleichtert?',
      replies: [
        { by: 'land', text: 'Wir haben die ersten zwei Jahre komplett aus Landesmitteln finanziert und erst danach nach Fallzahlen umgelegt. Das hat die Einstiegshürde gesenkt.' },
        { by: 'kommune', text: 'Aus kommunaler Sicht: Wichtig ist vor allem, dass die Kosten früh bekannt sind. Sonst bekommen wir sie nicht in den Haushalt.' },
        'Umlage nach Einwohnern war bei uns umstritten, weil kleine Gemeinden kaum Fälle haben.',
      ],
    },
    {
      type: 'discussion', by: 'bund', days: 12, tags: ['OZG-Umsetzung'],
      title: 'OZG-Änderungsgesetz: Was kommt jetzt konkret auf die Kommunen zu?',
      body: 'Mit dem geänderten OZG verschieben sich die Schwerpunkte: Ende-zu-Ende-Digitalisierung, Schriftformersatz, verbindliche Standards. Mich interessiert, welche Punkte in den Kommunen gerade die meisten Fragen aufwerfen, damit wir unsere Informationsangebote darauf ausrichten können.',
      replies: [
        { by: 'kommune', text: 'Ganz oben: Was bedeutet Ende-zu-Ende für Fachverfahren, die wir nicht selbst in der Hand haben?' },
        { by: 'kommune', text: 'Und die Finanzierung. Standards sind gut, aber jemand muss die Anpassungen bezahlen.' },
        { by: 'member', text: 'Aus Landessicht: Eine kurze Übersicht mit Fristen je Regelung würde allen helfen. Wir hätten einen Entwurf, den wir gern gemeinsam weiterentwickeln.' },
        { by: 'op', quote: 2, text: '> Eine kurze Übersicht mit Fristen je Regelung\n\nGern, lass uns das zusammen angehen. Ich melde mich per Nachricht.' },
      ],
    },
    {
      type: 'question', by: 'kommune', days: 2, tags: ['Onlinedienste'],
      title: 'Bezahlfunktion im Onlinedienst: zentrale Lösung oder eigener Anbieter?',
      body: 'Für Gebühren im Onlinedienst können wir entweder die zentrale Bezahlplattform des Landes nutzen oder den Zahlungsanbieter, den unsere Stadtkasse schon hat. Was spricht aus eurer Erfahrung für das eine oder das andere?',
      replies: [{ by: 'kommune', text: 'Die zentrale Lösung, wegen der Verbuchung: Die Zahlungen kommen mit Kassenzeichen an, das erspart viel Handarbeit.' }],
    },
  ],

  'ki-in-der-verwaltung': [
    {
      type: 'announcement', days: 105, pinned: true, tags: ['KI in der Verwaltung'],
      title: 'Worum es hier geht, und worum nicht',
      body: 'Diese Community ist für den Austausch über konkrete KI-Vorhaben in Behörden gedacht: Was habt ihr ausprobiert, was hat funktioniert, woran ist es gescheitert?\n\nAllgemeine Meinungsartikel über KI gibt es anderswo genug. Bitte beschreibt bei Praxisbeispielen, welches Modell ihr nutzt, wo es betrieben wird und wer beteiligt war (Datenschutz, Personalrat, Fachbereich).',
      replies: ['Klare Ansage, gefällt mir.', { by: 'partner', text: 'Danke, dass auch die Forschung mitlesen und mitreden darf. Wir halten uns an die Regeln.' }],
    },
    {
      type: 'example', by: 'land', days: 90, tags: ['KI in der Verwaltung', 'Datenanalyse'],
      title: 'KI-Assistenz zur Auswertung von Stellungnahmen im Beteiligungsverfahren',
      body: 'Bei Gesetzentwürfen gehen bei uns oft mehrere hundert Stellungnahmen ein. Ein Sprachmodell auf eigener Infrastruktur gruppiert sie nach Themen und schlägt Zusammenfassungen vor; die Bewertung bleibt beim Referat.',
      example: {
        problem: 'Bei Verbändeanhörungen kamen bis zu 800 Stellungnahmen. Die Referate brauchten Wochen, um sie zu sichten und nach Paragrafen zuzuordnen, und einzelne wichtige Hinweise gingen unter.',
        solution: 'Ein offenes Sprachmodell im Rechenzentrum des Landes ordnet jede Stellungnahme den Paragrafen des Entwurfs zu und fasst sie zusammen. Das Referat sieht Zusammenfassung und Originaltext nebeneinander und bestätigt oder korrigiert die Zuordnung. Es verlassen keine Daten das Landesnetz.',
        status: 'pilot',
        materials: '- [Projektsteckbrief (PDF)](https://example.org/land/ki-stellungnahmen/steckbrief.pdf)\n- [Bewertung des Pilotbetriebs](https://example.org/land/ki-stellungnahmen/evaluation.pdf)\n- [Muster für die Beteiligung des Personalrats](https://example.org/land/ki-stellungnahmen/personalrat.docx)',
        reuse: 'Der Prompt-Katalog und die Auswertungsoberfläche sind nachnutzbar. Voraussetzung ist eine GPU-Umgebung im eigenen Rechenzentrum oder bei einem öffentlichen IT-Dienstleister.',
      },
      replies: [
        { by: 'bund', text: 'Wie gut war die Zuordnung zu den Paragrafen im Pilot? Habt ihr das gemessen?' },
        { by: 'op', text: 'Im Pilot lag die Zuordnung in gut neun von zehn Fällen richtig. Schwierig sind Stellungnahmen, die sich auf den ganzen Entwurf beziehen; die markiert das System inzwischen gesondert.' },
        { by: 'partner', text: 'Spannend. Dürften wir den Pilot im Rahmen unserer Begleitforschung auswerten? Uns interessiert vor allem, wie sich die Arbeit in den Referaten verändert.' },
        { by: 'op', text: 'Grundsätzlich gern. Schreib mir, dann klären wir das mit der Projektleitung.' },
      ],
    },
    {
      type: 'question', by: 'kommune', days: 75, tags: ['KI in der Verwaltung'], accepted: 1,
      title: 'Dienstvereinbarung für generative KI: Hat jemand eine Vorlage?',
      body: 'Unser Personalrat möchte vor der Einführung eines KI-Schreibassistenten eine Dienstvereinbarung abschließen. Hat jemand eine Vorlage oder Erfahrungen, welche Punkte dort wichtig waren (Leistungskontrolle, Schulung, Protokollierung)?',
      replies: [
        'Interessiert mich auch, wir stehen vor derselben Frage.',
        { by: 'land', text: 'Wir haben eine Rahmendienstvereinbarung für KI-Anwendungen abgeschlossen, nicht eine pro Werkzeug. Kernpunkte: keine Auswertung der Eingaben zur Leistungskontrolle, Schulungspflicht vor Nutzung, Liste der zugelassenen Anwendungen in einer Anlage, die ohne Neuverhandlung ergänzt werden kann.' },
        { by: 'op', text: 'Die Idee mit der Anlage ist sehr gut, das spart viel Zeit. Danke!' },
        { by: 'kommune', text: 'Bei uns hat geholfen, den Personalrat schon in die Pilotphase zu holen. Dann ist die Vereinbarung am Ende fast Formsache.' },
      ],
    },
    {
      type: 'discussion', by: 'partner', days: 63, tags: ['KI in der Verwaltung'],
      title: 'Studie: Wie Beschäftigte KI-Assistenten im Arbeitsalltag nutzen. Wer macht mit?',
      body: 'Wir untersuchen, wie sich Arbeitsabläufe verändern, wenn Beschäftigte KI-Assistenten nutzen dürfen: Wofür werden sie eingesetzt, wo entstehen neue Prüfschritte, was ändert sich an der Zusammenarbeit?\n\nWir suchen drei bis fünf Behörden, die uns Interviews mit Beschäftigten ermöglichen. Die Ergebnisse stellen wir hier als Erstes vor.',
      replies: [
        { by: 'kommune', text: 'Wir hätten Interesse. Wir haben seit einem halben Jahr einen Assistenten im Einsatz, 200 Nutzerinnen und Nutzer.' },
        { by: 'bund', text: 'Bei uns müsste das über die Leitung laufen, aber ich frage gern nach. Wie viel Zeit pro Interview plant ihr ein?' },
        { by: 'partner', text: 'Etwa 45 Minuten pro Person, online oder vor Ort. Ich schicke euch beiden die Projektbeschreibung.' },
      ],
    },
    {
      type: 'question', by: 'bund', days: 48, tags: ['KI in der Verwaltung'], accepted: 0,
      title: 'KI-Verordnung: Wie inventarisiert ihr eure KI-Systeme?',
      body: 'Um die Pflichten aus der KI-Verordnung einschätzen zu können, brauchen wir erst einmal einen Überblick, wo überhaupt KI im Einsatz ist, auch versteckt in Fachverfahren. Wie seid ihr vorgegangen?',
      replies: [
        { by: 'land', text: 'Wir haben die bestehende Verfahrensübersicht um drei Fragen ergänzt: Enthält das Verfahren KI-Funktionen? Wofür? Wer hat sie bewertet? Dann die Hersteller der wichtigsten Fachverfahren direkt angeschrieben.' },
        'Die Herstellerabfrage war bei uns der aufwendigste Teil. Viele konnten gar nicht sagen, was „KI“ in ihrem Produkt ist.',
        { by: 'partner', text: 'Aus der Forschung: Eine einfache Risikoeinstufung schon bei der Inventur spart später Arbeit. Wir haben dafür ein kurzes Raster entwickelt, das ich gern teile.' },
      ],
    },
    {
      type: 'example', by: 'kommune', days: 35, tags: ['Robotic Process Automation'],
      title: 'Posteingang automatisch vorsortieren mit RPA',
      body: 'Im Bürgerservice gehen täglich rund 400 E-Mails ein. Ein Software-Roboter liest Betreff und Anhänge aus und legt die Nachrichten im richtigen Sachgebiet ab. Keine KI im engeren Sinn, aber ein guter Einstieg in Automatisierung.',
      example: {
        problem: 'Zwei Beschäftigte waren täglich mehrere Stunden damit beschäftigt, E-Mails aus dem zentralen Postfach den Sachgebieten zuzuordnen. Bei Krankheit stapelte sich der Eingang.',
        solution: 'Ein RPA-Roboter ordnet E-Mails nach Regeln (Betreff, Formularkennung, Absender) zu und legt sie im Sachgebietspostfach ab. Was er nicht sicher zuordnen kann, bleibt für die manuelle Prüfung liegen. Die Regeln pflegt das Team selbst.',
        status: 'operation',
        materials: '- [Regelwerk als Tabelle](https://example.org/kommune/rpa-posteingang/regeln.xlsx)\n- [Erfahrungsbericht nach einem Jahr](https://example.org/kommune/rpa-posteingang/bericht.pdf)',
        reuse: 'Mit jeder gängigen RPA-Software nachbaubar. Rechnet mit etwa vier Wochen für Regelwerk und Test.',
      },
      replies: [
        { by: 'kommune', text: 'Wie hoch ist die Quote, die der Roboter sicher zuordnet?' },
        { by: 'op', text: 'Etwa 70 Prozent. Der Rest sind vor allem freie Anfragen ohne Formularbezug.' },
      ],
    },
    {
      type: 'discussion', by: 'land', days: 20, tags: ['KI in der Verwaltung'],
      title: 'Chatbot im Bürgerservice: Wie geht ihr mit falschen Antworten um?',
      body: 'Wir überlegen, einen Chatbot mit Sprachmodell auf unserer Website einzusetzen. Die große Sorge ist, dass er plausibel klingende, aber falsche Auskünfte gibt, etwa zu Fristen oder Gebühren. Wie geht ihr damit um?',
      replies: [
        { by: 'kommune', text: 'Unser Bot antwortet nur mit Inhalten aus den geprüften Leistungsbeschreibungen und verlinkt immer die Quelle. Wenn er nichts findet, sagt er das.' },
        { by: 'bund', text: 'Ein deutlicher Hinweis, dass die Antwort keine verbindliche Auskunft ist, gehört dazu. Ersetzt aber keine Qualitätssicherung.' },
        { by: 'partner', text: 'In unseren Tests haben Nutzerinnen und Nutzer die Quellenangabe kaum angeklickt. Wichtiger war, dass der Bot bei Unsicherheit an eine Person übergibt.' },
        'Wir haben den Bot nach drei Monaten wieder abgeschaltet. Die Pflege der Inhalte hat mehr Zeit gekostet als erwartet.',
        { by: 'op', quote: 3, text: '> Die Pflege der Inhalte hat mehr Zeit gekostet als erwartet.\n\nDas ist genau die ehrliche Rückmeldung, die ich gesucht habe. Wie viel Aufwand war es ungefähr pro Woche?' },
      ],
    },
    {
      type: 'question', by: 'kommune', days: 6, tags: ['KI in der Verwaltung', 'Datenanalyse'],
      title: 'Sitzungsprotokolle mit KI zusammenfassen: Was sagt euer Datenschutz?',
      body: 'In Ausschusssitzungen wird aufgezeichnet, und das Protokoll schreibt bisher eine Person aus dem Sitzungsdienst. Wir würden gern eine Transkription mit anschließender Zusammenfassung testen. Hat jemand das schon datenschutzrechtlich durchgeprüft?',
      replies: ['Wir prüfen das gerade auch. Ich berichte, sobald unsere Datenschutzbeauftragte sich geäußert hat.'],
    },
  ],

  'netzwerk-informationssicherheit': [
    {
      type: 'announcement', days: 115, pinned: true, tags: ['Informationssicherheit'],
      title: 'Bitte keine Details zu offenen Schwachstellen posten',
      body: 'Ein Hinweis in eigener Sache: Dieses Netzwerk ist geschützt, aber nicht für Informationen gedacht, die Angreifern helfen würden. Bitte beschreibt Vorfälle und Schwachstellen erst, wenn sie behoben sind, und so, dass die betroffene Behörde nicht erkennbar ist.\n\nFür akute Fälle gelten die bekannten Meldewege an CERT und BSI.',
      replies: ['Danke für die klare Regel.'],
    },
    {
      type: 'question', by: 'kommune', days: 99, tags: ['IT-Grundschutz'], accepted: 1,
      title: 'IT-Grundschutz-Check für eine Kommune mit 400 Arbeitsplätzen: Wie viel Zeit plant ihr ein?',
      body: 'Ich bin seit einem Jahr ISB in einer mittelgroßen Stadt und soll den Grundschutz-Check für unseren Informationsverbund planen. Die Schätzungen, die ich gehört habe, reichen von drei Monaten bis zu zwei Jahren. Was ist realistisch, wenn ich das zu einem Drittel meiner Arbeitszeit mache?',
      replies: [
        { by: 'kommune', text: 'Zu einem Drittel der Arbeitszeit: eher die zwei Jahre. Wir haben den Verbund in Teilbereiche zerlegt und mit dem Rechenzentrum angefangen.' },
        { by: 'land', text: 'Beginnt mit der Basis-Absicherung und einem eng geschnittenen Verbund. Die Profile für Kommunen helfen sehr, weil viele Bausteine schon vorausgewählt sind. So hattet ihr nach sechs Monaten ein belastbares Ergebnis, das ihr dann erweitern könnt.' },
        { by: 'op', text: 'Das Vorgehen mit einem kleinen Verbund überzeugt mich. Danke euch!' },
      ],
    },
    {
      type: 'example', by: 'land', days: 81, tags: ['Notfallmanagement', 'Cybersicherheit'],
      title: 'Notfallübung als Planspiel: Ransomware-Szenario in zwei Stunden',
      body: 'Statt einer großen Übung pro Jahr spielen wir mit den Leitungsrunden regelmäßig ein zweistündiges Planspiel. Das Szenario ist realistisch, braucht aber keine Technik und keine lange Vorbereitung.',
      example: {
        problem: 'Vollübungen des Notfallmanagements waren so aufwendig, dass sie nur alle paar Jahre stattfanden. Die Leitungsebene kannte ihre Rolle im Krisenstab kaum.',
        solution: 'Ein Planspiel am Tisch: Eine Moderatorin spielt in vier Runden ein Ransomware-Szenario ein (Erkennung, Eskalation, Kommunikation, Wiederanlauf). Die Leitung entscheidet anhand des Notfallhandbuchs. Im Anschluss werden Lücken im Handbuch festgehalten.',
        status: 'operation',
        materials: '- [Drehbuch des Planspiels](https://example.org/land/isms/planspiel-drehbuch.pdf)\n- [Ereigniskarten zum Ausdrucken](https://example.org/land/isms/ereigniskarten.pdf)\n- [Vorlage Auswertung](https://example.org/land/isms/auswertung.docx)',
        reuse: 'Das Drehbuch lässt sich für jede Behördengröße anpassen. Wir moderieren auf Anfrage gern ein erstes Planspiel mit.',
      },
      replies: [
        { by: 'kommune', text: 'Haben wir letzten Monat nachgespielt. Die Leitung war überrascht, wie schnell die Frage nach der Pressearbeit kam.' },
        { by: 'bund', text: 'Sehr gutes Format. Wir ergänzen noch eine Runde zur Zusammenarbeit mit dem IT-Dienstleister.' },
        'Danke für die Ereigniskarten, die sparen viel Vorbereitung.',
      ],
    },
    {
      type: 'discussion', by: 'bund', days: 66, tags: ['Informationssicherheit', 'Cybersicherheit'],
      title: 'NIS2-Umsetzung: Was ändert sich für euch konkret?',
      body: 'Mit der Umsetzung der NIS2-Richtlinie kommen neue Pflichten auf viele Einrichtungen zu, auch auf Teile der Verwaltung. Mich interessiert, wie ihr euch vorbereitet: Habt ihr schon geklärt, ob und wie ihr betroffen seid?',
      replies: [
        { by: 'land', text: 'Wir haben eine Betroffenheitsanalyse für das Land und die Landesbetriebe gemacht. Der größte Brocken sind die Meldepflichten und die Fristen dafür.' },
        { by: 'kommune', text: 'Für Kommunen ist vieles noch unklar. Wir orientieren uns vorsorglich an den Anforderungen, damit wir nicht unvorbereitet sind.' },
        'Die Pflicht zu Schulungen der Leitungsebene finde ich gut, endlich ein Hebel.',
        { by: 'op', quote: 2, text: '> Die Pflicht zu Schulungen der Leitungsebene finde ich gut\n\nSehe ich genauso. Wir bereiten gerade ein Format dafür vor und teilen es hier, wenn es fertig ist.' },
      ],
    },
    {
      type: 'question', by: 'kommune', days: 50, tags: ['Informationssicherheit'], accepted: 2,
      title: 'Phishing-Simulationen: Wie habt ihr den Personalrat mitgenommen?',
      body: 'Wir möchten Phishing-Simulationen einführen. Der Personalrat befürchtet, dass einzelne Beschäftigte bloßgestellt werden. Wie habt ihr das geregelt?',
      replies: [
        'Bei uns gab es eine Dienstvereinbarung, das hat ein halbes Jahr gedauert.',
        { by: 'land', text: 'Auswertung nur aggregiert, nie auf Personen bezogen, und wer klickt, landet auf einer Lernseite statt auf einer Warnung.' },
        { by: 'kommune', text: 'Wir haben dem Personalrat angeboten, die erste Kampagne gemeinsam zu gestalten. Als klar war, dass nur Abteilungen und nie Personen ausgewertet werden, war die Zustimmung schnell da. Die Vereinbarung passt auf eine Seite.' },
      ],
    },
    {
      type: 'discussion', by: 'kommune', days: 33, tags: ['Informationssicherheit'],
      title: 'ISB als Teilzeitrolle: Wie bekommt ihr das hin?',
      body: 'In vielen kleineren Verwaltungen ist die Informationssicherheit eine Nebenaufgabe, bei mir sind es zehn Stunden pro Woche neben der IT-Administration. Wie organisiert ihr euch, und wo zieht ihr Grenzen?',
      replies: [
        { by: 'kommune', text: 'Bei uns teilen sich drei Gemeinden eine ISB-Stelle. Das ist ehrlicher, als jeder Gemeinde eine Viertelstelle zu geben.' },
        'Der Rollenkonflikt mit der Administration ist das eigentliche Problem: Man kontrolliert sich selbst.',
        { by: 'land', text: 'Einige Länder fördern interkommunale ISB-Stellen. Fragt bei eurem Land nach, ob es etwas Ähnliches gibt.' },
        { by: 'op', text: 'Danke, die interkommunale Lösung schaue ich mir an.' },
        { by: 'bund', text: 'Auch in Bundesbehörden ist das ein Thema. Eine klare Aufgabenbeschreibung mit festem Zeitanteil hilft, sie gegenüber der Leitung durchzusetzen.' },
      ],
    },
    {
      type: 'question', by: 'land', days: 17, tags: ['Cybersicherheit'],
      title: 'Sicherheitsanforderungen an IT-Dienstleister: Was schreibt ihr in die Verträge?',
      body: 'Wir überarbeiten die Verträge mit unseren IT-Dienstleistern. Welche Sicherheitsanforderungen habt ihr aufgenommen (Nachweise, Meldefristen, Audits), und wie prüft ihr sie im Alltag?',
      replies: [{ by: 'kommune', text: 'Wir verlangen jährlich einen Nachweis nach ISO 27001 auf Basis von IT-Grundschutz und eine Meldung von Vorfällen innerhalb von 24 Stunden.' }, 'Prüfen ist der schwierige Teil. Wir machen Stichproben bei den Notfallübungen des Dienstleisters.'],
    },
    {
      type: 'example', by: 'kommune', days: 8, tags: ['IT-Grundschutz'],
      title: 'Schutzbedarfsfeststellung als Workshop mit den Fachbereichen',
      body: 'Statt Fragebögen zu verschicken, stellen wir den Schutzbedarf in einem zweistündigen Workshop mit jedem Fachbereich fest. Die Ergebnisse sind besser, und die Fachbereiche verstehen, warum wir fragen.',
      example: {
        problem: 'Fragebögen zur Schutzbedarfsfeststellung kamen unvollständig oder gar nicht zurück; fast alles wurde als „hoch“ eingestuft.',
        solution: 'Je Fachbereich ein Workshop mit Beispielszenarien: Was passiert, wenn das Verfahren einen Tag ausfällt? Wenn Daten öffentlich werden? Die Einstufung entsteht gemeinsam und wird direkt dokumentiert.',
        status: 'pilot',
        materials: '- [Workshop-Ablauf und Szenarien](https://example.org/kommune/isms/schutzbedarf-workshop.pdf)',
        reuse: 'Für jede Behörde geeignet, besonders für kleine. Zwei Moderierende reichen.',
      },
      replies: ['Die Beispielszenarien sind genau das, was uns gefehlt hat. Danke!'],
    },
  ],
};
