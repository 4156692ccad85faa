/** Posts and replies of the demo communities (pure data, see ./communities-data.ts): part 2. */
import type { PostSeed } from './communities-data.js';

export const POSTS_2: Record<string, PostSeed[]> = {
  'open-source': [
    {
      type: 'announcement', days: 108, pinned: true, tags: ['Open Source'],
      title: 'Hier darf zitiert werden',
      body: 'Anders als die meisten Communities hier gilt bei uns **nicht** die Chatham-House-Regel: Open Source lebt von Offenheit, und viele von euch berichten ohnehin öffentlich über ihre Projekte. Wenn ihr etwas vertraulich besprechen wollt, sagt es bitte dazu oder schreibt eine Direktnachricht.',
      replies: ['Finde ich richtig so.'],
    },
    {
      type: 'question', by: 'member', days: 94, tags: ['Open Source'], accepted: 1,
      title: 'Eigenentwicklung auf OpenCoDE veröffentlichen: Wie lief bei euch die Freigabe?',
      body: 'Wir haben für die OZG-Koordination ein kleines Werkzeug entwickeln lassen, das wir gern auf OpenCoDE veröffentlichen würden. Intern fragt jetzt jeder, wer das eigentlich entscheidet: Hausleitung, Justiziariat, IT? Wie war der Freigabeprozess bei euch, und was musstet ihr vorher prüfen?',
      replies: [
        { by: 'land', text: 'Bei uns hat die Abteilungsleitung entschieden, nach einer Prüfung durch das Justiziariat. Der Vertrag mit dem Dienstleister muss uns die Rechte zur Veröffentlichung geben, das war der entscheidende Punkt.' },
        { by: 'bund', text: 'Prüft drei Dinge: 1. Nutzungsrechte im Vertrag, 2. keine Geheimnisse im Code oder in der Versionsgeschichte (Passwörter, interne Adressen), 3. Lizenzen der verwendeten Bibliotheken. Danach ist die Veröffentlichung selbst schnell gemacht. Eine Checkliste dafür gibt es auf OpenCoDE.' },
        { by: 'member', text: 'Der Hinweis auf die Versionsgeschichte ist wertvoll, daran hätte ich nicht gedacht. Danke!' },
        'Wir haben in neue Verträge gleich eine Open-Source-Klausel aufgenommen. Dann stellt sich die Frage beim nächsten Mal nicht mehr.',
      ],
    },
    {
      type: 'example', by: 'land', days: 80, tags: ['openDesk', 'Digitale Souveränität'],
      title: 'Pilot openDesk in zwei Referaten',
      body: 'Seit vier Monaten arbeiten zwei Referate mit openDesk statt mit der bisherigen Bürosoftware: Dateiablage, Textverarbeitung, Chat und Videokonferenz. Hier unsere Zwischenbilanz.',
      example: {
        problem: 'Die Abhängigkeit von einem einzelnen Anbieter für Bürosoftware sollte verringert werden, ohne die Arbeitsfähigkeit der Referate zu gefährden.',
        solution: 'Pilotbetrieb von openDesk beim Landes-IT-Dienstleister für zwei freiwillige Referate mit 40 Beschäftigten. Wöchentliche Feedbackrunden, ein fester Ansprechpartner im IT-Referat und eine Rückfallmöglichkeit auf die alte Umgebung.',
        status: 'pilot',
        materials: '- [Zwischenbericht nach vier Monaten](https://example.org/land/opendesk/zwischenbericht.pdf)\n- [Schulungsunterlagen für Beschäftigte](https://example.org/land/opendesk/schulung.pdf)',
        reuse: 'Für Pilotbehörden mit einem Dienstleister, der openDesk betreibt. Unsere Schulungsunterlagen sind frei nachnutzbar.',
      },
      replies: [
        { by: 'kommune', text: 'Wie sind die Rückmeldungen zur Textverarbeitung? Da höre ich sonst die meisten Klagen.' },
        { by: 'op', text: 'Gemischt. Für normale Vermerke kein Problem, bei komplexen Formatvorlagen hakt es noch. Wir haben die wichtigsten Vorlagen neu gebaut.' },
        { by: 'member', text: 'Wir überlegen im Ministerium einen ähnlichen Pilot. Dürfte ich euch dazu einmal anrufen?' },
        { by: 'op', text: 'Gern, meine Kontaktdaten stehen im Profil.' },
      ],
    },
    {
      type: 'discussion', by: 'kommune', days: 62, tags: ['Open Source', 'IT-Architektur'],
      title: 'Open Source im Rathaus: Wer betreibt das eigentlich?',
      body: 'Open-Source-Lösungen sind oft lizenzkostenfrei, aber irgendwer muss sie installieren, aktualisieren und absichern. Eine Kommune unserer Größe hat dafür kaum Personal. Wie löst ihr den Betrieb?',
      replies: [
        { by: 'kommune', text: 'Über unseren kommunalen IT-Dienstleister. Der betreibt dieselbe Lösung für 30 Kommunen, dadurch lohnt es sich.' },
        { by: 'land', text: 'Betrieb und Support sollte man ehrlich einpreisen. Lizenzkosten sind selten der größte Posten.' },
        'Wir kaufen Support bei einem Dienstleister ein, der auch zum Projekt beiträgt. Das ist uns wichtig, damit das Geld auch der Weiterentwicklung zugutekommt.',
        { by: 'member', text: 'Aus Landessicht würde ich mir mehr gemeinsame Betriebsmodelle wünschen. Jede Kommune für sich ist selten wirtschaftlich.' },
      ],
    },
    {
      type: 'question', by: 'bund', days: 47, tags: ['Open Source'], accepted: 0,
      title: 'Welche Lizenz für Software, die wir selbst entwickeln lassen?',
      body: 'Wir lassen eine Fachanwendung entwickeln, die später auch andere Behörden nutzen sollen. Welche Lizenz empfehlt ihr, und gibt es Gründe, die gegen eine Copyleft-Lizenz sprechen?',
      replies: [
        { by: 'land', text: 'Die EUPL ist für die Verwaltung meist die naheliegende Wahl: Sie ist in allen EU-Sprachen verbindlich, mit vielen anderen Lizenzen kompatibel und sorgt dafür, dass Verbesserungen zurückfließen.' },
        'Wichtiger als die Lizenz ist, dass jemand das Projekt nach Vertragsende weiterpflegt.',
        { by: 'op', text: 'Danke, wir nehmen die EUPL. Den Punkt mit der Pflege nach Vertragsende nehme ich in die Ausschreibung auf.' },
      ],
    },
    {
      type: 'example', by: 'kommune', days: 29, tags: ['Open Source'],
      title: 'Ratsinformationssystem gemeinsam mit Nachbarkommunen weiterentwickeln',
      body: 'Fünf Kommunen aus drei Kreisen nutzen dasselbe quelloffene Ratsinformationssystem und beauftragen neue Funktionen gemeinsam. Jede Kommune zahlt nur einen Teil, alle profitieren.',
      example: {
        problem: 'Jede Kommune hatte ihr eigenes Ratsinformationssystem mit eigenen Anpassungswünschen. Weiterentwicklungen waren für eine einzelne Kommune zu teuer.',
        solution: 'Eine Entwicklungsgemeinschaft mit einfacher Kooperationsvereinbarung: Einmal im Quartal werden Wünsche gesammelt und priorisiert, ein gemeinsamer Dienstleister setzt sie um, der Code steht allen offen.',
        status: 'operation',
        materials: '- [Muster-Kooperationsvereinbarung](https://example.org/kommunen/ratsinfo/kooperationsvereinbarung.docx)\n- [Roadmap und Repository](https://example.org/kommunen/ratsinfo/repository)',
        reuse: 'Weitere Kommunen können jederzeit beitreten. Die Kooperationsvereinbarung passt auch für andere Fachanwendungen.',
      },
      replies: [
        { by: 'kommune', text: 'Wie habt ihr das vergaberechtlich gelöst? Gemeinsame Beauftragung ist bei uns immer ein Thema.' },
        { by: 'op', text: 'Eine Kommune schreibt federführend aus, die anderen beteiligen sich über die Kooperationsvereinbarung an den Kosten. Unser Rechtsamt hat das geprüft, die Einschätzung teile ich gern.' },
        'Genau so sollte Open Source in der Verwaltung funktionieren.',
      ],
    },
    {
      type: 'question', by: 'sonstige', days: 10, tags: ['Open Source', 'Digitale Souveränität'],
      title: 'Open Source in der Leistungsbeschreibung: Wie formuliert ihr das?',
      body: 'Produktneutral ausschreiben und trotzdem Open Source verlangen: Wie formuliert ihr das in der Leistungsbeschreibung, ohne dass die Vergabestelle Bauchschmerzen bekommt?',
      replies: [
        { by: 'land', text: 'Wir beschreiben Eigenschaften statt Produkte: Quellcode unter einer OSI-anerkannten Lizenz, Rechte zur Weitergabe an andere Behörden, offene Schnittstellen. Das ist produktneutral.' },
        'Die EVB-IT sehen inzwischen auch Regelungen dafür vor, das hilft in der Diskussion.',
      ],
    },
    {
      type: 'discussion', by: 'member', days: 3, tags: ['Open Source'],
      title: 'Sammlung: Welche Open-Source-Fachverfahren sind bei euch im Einsatz?',
      body: 'Für eine Übersicht im Land Beispiel sammle ich, welche quelloffenen Fachverfahren und Werkzeuge in Verwaltungen wirklich im Betrieb sind, nicht nur im Pilot. Schreibt gern kurz: Was, wofür, seit wann?',
      replies: [
        { by: 'kommune', text: 'Ratsinformationssystem (siehe Praxisbeispiel hier), seit zwei Jahren.' },
        { by: 'land', text: 'Formularserver für unsere Onlinedienste, seit vier Jahren im Betrieb beim Landes-IT-Dienstleister.' },
        'Bei uns eine Open-Source-Lösung für die Raum- und Ressourcenbuchung, seit einem Jahr.',
      ],
    },
  ],

  'digitale-barrierefreiheit': [
    {
      type: 'announcement', days: 111, pinned: true, tags: ['Barrierefreiheit'],
      title: 'Neu hier? Unsere Linksammlung zum Einstieg',
      body: 'Für alle, die neu in das Thema einsteigen, haben wir eine kleine Sammlung zusammengestellt: Einführung in BITV 2.0 und EN 301 549, Prüfverfahren, Vorlagen für die Erklärung zur Barrierefreiheit.\n\n[Zur Linksammlung](https://example.org/community/barrierefreiheit/einstieg)\n\nErgänzungen gern als Antwort.',
      replies: ['Danke, die Vorlage für die Erklärung zur Barrierefreiheit habe ich gesucht.', { by: 'kommune', text: 'Ergänzung: Die Schulungsvideos unserer Landesfachstelle sind auch für Einsteiger gut geeignet.' }],
    },
    {
      type: 'question', by: 'kommune', days: 97, tags: ['Barrierefreiheit'], accepted: 2,
      title: 'Barrierefreie PDFs aus der Fachanwendung: Geht das überhaupt?',
      body: 'Unsere Bescheide erzeugt ein Fachverfahren als PDF. Die Dateien haben keine Tags, keine Lesereihenfolge und für Screenreader ist der Inhalt kaum nutzbar. Hat jemand einen Hersteller dazu gebracht, das zu ändern?',
      replies: [
        'Leider ein Dauerthema, bei uns genauso.',
        { by: 'land', text: 'Wir haben die Anforderung in die Wartungsverträge aufgenommen, mit Frist. Ohne vertraglichen Hebel passiert wenig.' },
        { by: 'kommune', text: 'Bei uns hat es geholfen, sich mit anderen Kommunen zusammenzutun, die dasselbe Verfahren nutzen. Als die Anwendergemeinschaft das Thema gemeinsam priorisiert hat, kam die Funktion im nächsten Release. Übergangsweise bieten wir den Bescheid auf Wunsch als barrierefreie Word-Datei an.' },
        { by: 'op', text: 'Die Anwendergemeinschaft gibt es bei uns auch, das trage ich dort hinein. Danke!' },
      ],
    },
    {
      type: 'example', by: 'land', days: 83, tags: ['Barrierefreiheit', 'Onlinedienste'],
      title: 'Erklärungen zur Barrierefreiheit für 60 Landesportale zentral pflegen',
      body: 'Jede Website braucht eine aktuelle Erklärung zur Barrierefreiheit. Statt 60 einzelner Seiten pflegen wir die Angaben zentral und binden sie überall ein.',
      example: {
        problem: 'Die Erklärungen zur Barrierefreiheit der Landesportale waren veraltet, widersprüchlich oder fehlten. Niemand hatte den Überblick, wann welche Seite zuletzt geprüft wurde.',
        solution: 'Ein zentrales Verzeichnis mit Prüfdatum, Prüfergebnis und bekannten Barrieren je Portal. Daraus wird die Erklärung automatisch erzeugt und eingebunden. Die Portalverantwortlichen bekommen eine Erinnerung, wenn die nächste Prüfung fällig ist.',
        status: 'operation',
        materials: '- [Datenmodell des Verzeichnisses](https://example.org/land/barrierefreiheit/datenmodell.pdf)\n- [Textbausteine für die Erklärung](https://example.org/land/barrierefreiheit/textbausteine.docx)',
        reuse: 'Lohnt sich ab etwa zehn Websites. Die Textbausteine sind für jede Behörde nutzbar.',
      },
      replies: [{ by: 'bund', text: 'Sehr gute Idee. Wie geht ihr mit Fachverfahren um, die keine Website sind?' }, { by: 'op', text: 'Die nehmen wir gerade auf. Dort ist das Prüfergebnis oft noch offen.' }],
    },
    {
      type: 'discussion', by: 'bund', days: 68, tags: ['Service Design', 'Barrierefreiheit'],
      title: 'Nutzertests mit Menschen mit Behinderungen: Wie findet ihr Testpersonen?',
      body: 'Automatische Prüfwerkzeuge finden nur einen Teil der Barrieren. Wir wollen unsere Onlinedienste deshalb regelmäßig mit Menschen testen, die Screenreader, Vergrößerung oder Sprachsteuerung nutzen. Wie findet ihr Testpersonen, und wie vergütet ihr sie?',
      replies: [
        { by: 'kommune', text: 'Über den Beirat für Menschen mit Behinderungen unserer Stadt. Die Mitglieder vermitteln Kontakte und testen teilweise selbst.' },
        { by: 'land', text: 'Wir arbeiten mit einem Verein zusammen, der Testpersonen vermittelt. Vergütung als Aufwandsentschädigung pro Test, das hat unser Haushaltsreferat abgesegnet.' },
        'Plant genug Zeit ein. Ein Test mit Screenreader dauert oft doppelt so lange wie gedacht.',
      ],
    },
    {
      type: 'question', by: 'kommune', days: 54, tags: ['Leichte Sprache'], accepted: 1,
      title: 'Leichte Sprache: eigenes Team oder externe Übersetzung?',
      body: 'Wir möchten die wichtigsten Seiten unseres Bürgerservice in Leichter Sprache anbieten. Lohnt sich ein eigenes kleines Team, oder beauftragt ihr ein Übersetzungsbüro?',
      replies: [
        'Extern, mit Prüfung durch eine Prüfgruppe. Intern fehlt uns die Erfahrung.',
        { by: 'kommune', text: 'Wir machen beides: Externe Übersetzung für längere Texte, und zwei Kolleginnen sind geschult, um kleinere Änderungen selbst einzupflegen. Wichtig ist die Prüfung durch die Zielgruppe, sonst ist es keine Leichte Sprache.' },
        { by: 'op', text: 'Die Mischung klingt vernünftig, so schlagen wir es vor.' },
      ],
    },
    {
      type: 'example', by: 'kommune', days: 38, tags: ['Barrierefreiheit'],
      title: 'Checkliste Barrierefreiheit für die Beschaffung von Fachverfahren',
      body: 'Barrierefreiheit muss vor dem Kauf geklärt werden, nicht danach. Wir haben eine kurze Checkliste für Vergabeunterlagen entwickelt, die auch Fachbereiche ohne Vorkenntnisse nutzen können.',
      example: {
        problem: 'Fachverfahren wurden beschafft, ohne Barrierefreiheit zu prüfen. Nachbesserungen waren teuer oder gar nicht möglich.',
        solution: 'Eine zweiseitige Checkliste mit Anforderungen nach EN 301 549, die in jede IT-Ausschreibung aufgenommen wird, plus ein Bewertungsschema für die Angebote. Die Vergabestelle fragt die Checkliste bei jeder IT-Beschaffung ab.',
        status: 'operation',
        materials: '- [Checkliste für Vergabeunterlagen](https://example.org/kommune/barrierefreiheit/checkliste-vergabe.pdf)\n- [Bewertungsschema](https://example.org/kommune/barrierefreiheit/bewertung.xlsx)',
        reuse: 'Sofort nachnutzbar. Die Checkliste ist bewusst allgemein gehalten.',
      },
      replies: ['Übernehmen wir, danke!', { by: 'sonstige', text: 'Wäre das nicht auch etwas für die Mustervorlagen der EVB-IT? Ich nehme es mit in die nächste Arbeitsgruppe.' }],
    },
    {
      type: 'question', by: 'sonstige', days: 19, tags: ['Barrierefreiheit'],
      title: 'Feedback-Mechanismus: Wer beantwortet bei euch die Meldungen?',
      body: 'Über den Feedback-Mechanismus unserer Website kommen inzwischen regelmäßig Meldungen zu Barrieren. Im Moment landen sie im allgemeinen Postfach, und niemand fühlt sich zuständig. Wie ist das bei euch geregelt?',
      replies: [{ by: 'kommune', text: 'Bei uns landet alles bei der Online-Redaktion, die innerhalb einer Woche antwortet und technische Fragen an die IT weitergibt.' }, 'Wir haben eine feste Zuständigkeit in der Geschäftsverteilung verankert, sonst bleibt es liegen.'],
    },
    {
      type: 'discussion', by: 'land', days: 5, tags: ['Onlinedienste', 'Barrierefreiheit'],
      title: 'Tastaturbedienung: unsere fünf häufigsten Fehler',
      body: 'Aus den Prüfungen unserer Onlinedienste im letzten Jahr:\n\n1. Fokus nicht sichtbar\n2. Aufklappmenüs nur mit der Maus bedienbar\n3. Fehlermeldungen, die der Fokus nie erreicht\n4. Dialoge, aus denen man nicht mehr herauskommt\n5. Datumsauswahl nur per Kalender\n\nWelche Fehler seht ihr am häufigsten?',
      replies: [{ by: 'bund', text: 'Bei uns dazu: Sitzungs-Timeouts ohne Warnung. Wer mit Sprachsteuerung arbeitet, braucht länger.' }, 'Captchas! Immer noch.'],
    },
  ],

  registermodernisierung: [
    {
      type: 'announcement', days: 102, pinned: true, tags: ['Registermodernisierung'],
      title: 'Ziel dieser Community',
      body: 'Die Registermodernisierung betrifft Register, Fachverfahren und Onlinedienste gleichermaßen, und oft sprechen diese Welten zu wenig miteinander. Hier wollen wir das ändern. Schreibt bitte dazu, aus welcher Perspektive ihr schreibt.',
    },
    {
      type: 'question', by: 'kommune', days: 86, tags: ['Registermodernisierung'], accepted: 0,
      title: 'Identifikationsnummer im Meldewesen: Wie geht ihr mit Abweichungen beim Abgleich um?',
      body: 'Beim Abgleich unserer Melderegisterdaten für die Identifikationsnummer gibt es Abweichungen: unterschiedliche Schreibweisen von Namen, fehlende Geburtsorte, Doppelungen. Wie klärt ihr diese Fälle, und wie viel Personal bindet das?',
      replies: [
        { by: 'kommune', text: 'Wir arbeiten die Fälle nach Priorität ab: erst Doppelungen, dann fehlende Pflichtangaben, Schreibweisen zuletzt. Etwa eine halbe Stelle über ein Jahr. Die Klärungsliste kommt aus dem Fachverfahren, ein Vorlagenbrief für die Bürgerinnen und Bürger hilft bei Rückfragen.' },
        { by: 'land', text: 'Das Land hat für die Kommunen eine Arbeitshilfe mit typischen Fallgruppen herausgegeben. Fragt bei eurer Meldebehörde im Land nach.' },
        { by: 'op', text: 'Danke, die Priorisierung übernehmen wir so.' },
      ],
    },
    {
      type: 'discussion', by: 'bund', days: 71, tags: ['Registermodernisierung', 'XÖV-Standards'],
      title: 'NOOTS: Was müssen datenhaltende Stellen jetzt schon vorbereiten?',
      body: 'Das National-Once-Only-Technical-System soll den Datenaustausch zwischen Registern und Onlinediensten ermöglichen. Viele Register sind aber technisch noch nicht so weit. Was bereitet ihr als datenhaltende Stelle schon jetzt vor?',
      replies: [
        { by: 'land', text: 'Datenqualität und eine saubere Beschreibung unserer Schnittstellen. Alles andere hängt noch an Vorgaben, die nicht final sind.' },
        { by: 'kommune', text: 'Ehrlich gesagt: Bei uns noch nichts. Wir warten auf unseren Fachverfahrenshersteller.' },
        'Wir haben intern geklärt, wer für welche Register verantwortlich ist. Das war überraschend schwierig.',
        { by: 'op', quote: 2, text: '> wer für welche Register verantwortlich ist\n\nDas höre ich häufiger. Eine Vorlage für so eine Zuständigkeitsübersicht wäre vielleicht ein gutes Praxisbeispiel für diese Community.' },
      ],
    },
    {
      type: 'example', by: 'land', days: 57, tags: ['Datenstrategie', 'Registermodernisierung'],
      title: 'Datenqualitäts-Check für Registerdaten vor dem Anschluss',
      body: 'Bevor ein Register an den Datenaustausch angeschlossen wird, prüfen wir die Datenqualität mit einem einfachen Regelwerk. So sehen die Registerführenden früh, wo nachgearbeitet werden muss.',
      example: {
        problem: 'Registerdaten wiesen Lücken und Widersprüche auf, die erst beim Datenaustausch auffielen und dann in Onlinediensten zu Fehlern führten.',
        solution: 'Ein Prüfskript mit rund 40 Regeln (Pflichtfelder, Formate, Plausibilität) läuft auf einer Kopie der Registerdaten und erzeugt einen Bericht je Register. Die Ergebnisse werden mit den Registerführenden besprochen.',
        status: 'pilot',
        materials: '- [Regelkatalog](https://example.org/land/register/regelkatalog.xlsx)\n- [Beispielbericht (anonymisiert)](https://example.org/land/register/beispielbericht.pdf)',
        reuse: 'Der Regelkatalog ist für Melde- und Personenstandsregister sofort nutzbar, für andere Register als Vorlage.',
      },
      replies: [{ by: 'kommune', text: 'Könntet ihr das Skript auch Kommunen zur Verfügung stellen? Wir würden es gern auf unsere Daten anwenden.' }, { by: 'op', text: 'Ja, wir bereiten gerade eine Version vor, die ohne Landesinfrastruktur läuft.' }],
    },
    {
      type: 'question', by: 'kommune', days: 41, tags: ['XÖV-Standards'],
      title: 'XÖV-Standards aktualisieren: Wer koordiniert bei euch die Releases?',
      body: 'Zweimal im Jahr kommen neue Versionen der XÖV-Standards, und jedes Mal müssen Fachverfahren, Schnittstellen und Partner gleichzeitig umstellen. Wer koordiniert das bei euch, IT oder Fachbereich?',
      replies: ['Bei uns die IT, der Fachbereich wird nur informiert. Funktioniert mäßig.', { by: 'land', text: 'Der Fachbereich sollte die Verantwortung haben, die IT die Umsetzung. Bei uns gibt es dafür eine Release-Runde mit beiden.' }],
    },
    {
      type: 'discussion', by: 'land', days: 24, tags: ['Registermodernisierung'],
      title: 'Once-Only erklären: Wie formuliert ihr das für Bürgerinnen und Bürger?',
      body: 'Wenn Onlinedienste Nachweise künftig direkt bei Registern abrufen, müssen wir verständlich erklären, was passiert und warum. Habt ihr gute Formulierungen für Einwilligungs- und Hinweistexte?',
      replies: [
        { by: 'kommune', text: 'Kurz und konkret: „Wir holen Ihre Geburtsurkunde direkt beim Standesamt ab. Sie müssen sie nicht hochladen.“ Das verstehen alle.' },
        'Wichtig ist der Hinweis, wo man sehen kann, welche Daten abgerufen wurden.',
        { by: 'bund', text: 'Wir haben Texte mit Nutzerinnen und Nutzern getestet. Fachbegriffe wie „Nachweisabruf“ versteht kaum jemand.' },
      ],
    },
    {
      type: 'question', by: 'bund', days: 3, tags: ['Registermodernisierung'],
      title: 'Datenschutzcockpit: Erfahrungen mit der Anbindung?',
      body: 'Hat schon jemand ein Register oder einen Onlinedienst an das Datenschutzcockpit angebunden? Mich interessiert, wie aufwendig die Protokollierung der Abrufe in der Praxis ist.',
    },
  ],

  'agiles-arbeiten': [
    {
      type: 'announcement', days: 109, pinned: true, tags: ['Agiles Arbeiten'],
      title: 'Offene Community: Zitieren erlaubt',
      body: 'Wir haben uns bewusst gegen die Chatham-House-Regel entschieden: Viele von uns halten Vorträge über agiles Arbeiten in der Verwaltung, und gute Beispiele sollen sich verbreiten. Wer etwas vertraulich teilen möchte, schreibt das bitte dazu.',
      replies: [{ by: 'lead', text: 'Passt. Unsere Erfahrungen aus Musterstadt dürfen gern weitergegeben werden.' }],
    },
    {
      type: 'question', by: 'bund', days: 93, tags: ['Agiles Arbeiten', 'Projektmanagement'], accepted: 1,
      title: 'Agile Vorhaben und Haushaltsrecht: Wie plant ihr Budgets ohne festes Pflichtenheft?',
      body: 'Für die Haushaltsanmeldung brauchen wir eine Kostenschätzung, für agile Entwicklung wollen wir aber gerade kein fertiges Pflichtenheft. Wie bringt ihr das zusammen?',
      replies: [
        'Das ist bei uns der größte Bremsklotz.',
        { by: 'land', text: 'Wir planen mit Teamkapazität statt mit Funktionsumfang: ein Team für zwölf Monate, dazu eine Zielbeschreibung und Meilensteine zur Überprüfung. Das Haushaltsreferat hat das akzeptiert, weil es nach jedem Meilenstein eine Entscheidung über die Fortsetzung gibt.' },
        { by: 'lead', text: 'Genau so. Bei uns hilft außerdem, dass wir nach jedem Quartal zeigen, was tatsächlich fertig ist.' },
        { by: 'op', text: 'Die Meilensteine mit Fortsetzungsentscheidung sind das Argument, das mir gefehlt hat. Danke!' },
      ],
    },
    {
      type: 'example', by: 'lead', days: 79, tags: ['Scrum', 'Agiles Arbeiten'],
      title: 'Produktteam Onlinedienste: ein Jahr Scrum in der Stabsstelle',
      body: 'Seit einem Jahr entwickelt ein gemischtes Team aus Stabsstelle, Fachämtern und einem externen Dienstleister unsere Onlinedienste in zweiwöchigen Sprints. Hier unsere Bilanz, mit allem, was nicht geklappt hat.',
      example: {
        problem: 'Onlinedienste wurden als Projekt mit Lastenheft beauftragt und waren bei Fertigstellung oft schon veraltet. Die Fachämter sahen die Ergebnisse erst ganz am Ende.',
        solution: 'Ein festes Produktteam mit Product Owner aus der Stabsstelle, zwei Fachleuten aus den Ämtern (jeweils zu 50 Prozent) und Entwicklerinnen des Dienstleisters. Sprint-Reviews sind offen für alle Beschäftigten; die Amtsleitungen priorisieren einmal im Quartal.',
        status: 'operation',
        materials: '- [Rollenbeschreibungen im Team](https://example.org/musterstadt/produktteam/rollen.pdf)\n- [Vertragsmuster für agile Zusammenarbeit](https://example.org/musterstadt/produktteam/vertrag.pdf)\n- [Bilanz nach einem Jahr (Folien)](https://example.org/musterstadt/produktteam/bilanz.pdf)',
        reuse: 'Übertragbar auf jede Verwaltung mit mindestens einer festen Stelle für die Produktverantwortung. Gern erzählen wir mehr in einem Gespräch.',
      },
      replies: [
        { by: 'kommune', text: 'Wie habt ihr die Fachleute aus den Ämtern freibekommen? Das scheitert bei uns regelmäßig.' },
        { by: 'lead', text: 'Mit einer Vereinbarung auf Amtsleitungsebene und einer befristeten Ersatzkraft im Amt, finanziert aus dem Projektbudget.' },
        { by: 'land', text: 'Die offenen Sprint-Reviews finde ich stark. Wie viele Leute kommen da?' },
        { by: 'lead', text: 'Zwischen 10 und 40, je nachdem, welcher Dienst gerade dran ist.' },
      ],
    },
    {
      type: 'discussion', by: 'land', days: 65, tags: ['Agiles Arbeiten', 'Change Management'],
      title: 'Retrospektiven mit Führungskräften: Wie offen kann man da sein?',
      body: 'In unseren Teams funktionieren Retrospektiven gut. Sobald aber die Referatsleitung dabei ist, sagt niemand mehr, was wirklich schiefläuft. Wie geht ihr damit um?',
      replies: [
        { by: 'sonstige', text: 'Führungskraft nur zur zweiten Hälfte einladen, wenn es um Maßnahmen geht, nicht bei der Sammlung der Probleme.' },
        'Anonyme Sammlung vorab hilft, zumindest am Anfang.',
        { by: 'lead', text: 'Bei uns hat es sich verändert, als die Leitung selbst angefangen hat, eigene Fehler anzusprechen. Das dauert, aber es wirkt.' },
      ],
    },
    {
      type: 'question', by: 'kommune', days: 44, tags: ['Agiles Arbeiten'], accepted: 0,
      title: 'Kanban-Board für ein ganzes Amt: Papier oder digital?',
      body: 'Unser Amt mit 25 Beschäftigten möchte seine Aufgaben mit Kanban sichtbar machen. Die Hälfte arbeitet regelmäßig im Homeoffice. Reicht ein Whiteboard, oder braucht es ein digitales Werkzeug?',
      replies: [
        { by: 'kommune', text: 'Digital, wenn die Hälfte nicht vor Ort ist. Startet aber mit wenigen Spalten und ohne Sonderfunktionen, sonst pflegt man nur noch das Werkzeug. Die Kanban-Funktion eurer Kollaborationsplattform reicht für den Anfang völlig.' },
        'Wir hatten beides parallel, das ging schief. Entscheidet euch für eins.',
        { by: 'op', text: 'Danke, wir starten digital mit drei Spalten.' },
      ],
    },
    {
      type: 'discussion', by: 'sonstige', days: 30, tags: ['Agiles Arbeiten', 'New Work'],
      title: 'Agile Coaches intern ausbilden statt einkaufen?',
      body: 'Externe agile Coaches sind teuer und nach dem Projekt wieder weg. Wir überlegen, Beschäftigte intern zu Coaches auszubilden. Hat jemand Erfahrungen damit, auch mit der Frage, wie diese Rolle in der Stellenbewertung abgebildet wird?',
      replies: [
        { by: 'bund', text: 'Wir haben sechs interne Coaches ausgebildet. Sie arbeiten zu 50 Prozent als Coach, sonst in ihrer Linienaufgabe. Die Stellenbewertung war tatsächlich schwierig.' },
        { by: 'land', text: 'Wichtig: Interne Coaches brauchen selbst einen Austausch, sonst sind sie schnell allein. Vielleicht wäre diese Community dafür ein Ort?' },
      ],
    },
    {
      type: 'question', by: 'land', days: 16, tags: ['Agiles Arbeiten', 'Projektmanagement'],
      title: 'OKR in der Ministerialverwaltung: Hat das schon jemand ausprobiert?',
      body: 'Unsere Abteilungsleitung möchte Ziele künftig mit Objectives and Key Results steuern. Ich bin skeptisch, ob das zur Ministerialverwaltung passt, in der viele Aufgaben von außen kommen. Gibt es Erfahrungen?',
      replies: [{ by: 'bund', text: 'Wir nutzen OKR nur für Vorhaben, nicht für das Tagesgeschäft. Für das Tagesgeschäft war es zu viel Aufwand.' }, 'Bei uns ist es nach einem Quartal wieder eingeschlafen. Ohne jemanden, der das treibt, klappt es nicht.'],
    },
    {
      type: 'discussion', by: 'kommune', days: 1, tags: ['Agiles Arbeiten'],
      title: 'Lesetipps für Einsteigerinnen und Einsteiger',
      body: 'Eine Kollegin fängt neu in unserem Team an und möchte sich in agiles Arbeiten einlesen, am liebsten mit Bezug zur Verwaltung. Welche Bücher, Leitfäden oder Podcasts empfehlt ihr?',
      replies: ['Die Leitfäden der Digitalakademien der Länder sind ein guter Einstieg, weil sie die Verwaltungsperspektive haben.', { by: 'lead', text: 'Ich empfehle, ein Sprint-Review in einem anderen Haus zu besuchen. Das bringt mehr als jedes Buch. Bei uns ist sie herzlich willkommen.' }],
    },
  ],
};
