/** Communities, posts, replies and moderation. */
export const communities = {
  'community.error.slugTaken': 'Diese Kurzadresse ist bereits vergeben. Bitte wählen Sie eine andere.',
  'community.error.lastLead': 'Eine Community braucht mindestens eine Leitung. Benennen Sie zuerst eine weitere Leitung.',
  'community.error.person': 'Diese Person kann nicht eingeladen werden. Bitte wählen Sie ein verifiziertes Mitglied.',
  'community.error.partnersNotAllowed': 'In diese Community können keine Gäste eingeladen werden.',
  'community.error.leadPartner': 'Gäste können keine Community leiten.',
  'community.error.lead': 'Bitte wählen Sie ein verifiziertes Mitglied als Leitung.',
  'post.error.contact': 'Bitte wählen Sie als Ansprechperson ein verifiziertes Mitglied.',
  'post.error.announcement': 'Ankündigungen können nur Community-Leitungen veröffentlichen. Bitte wählen Sie eine andere Art.',
  'post.error.typeChange': 'Ein Praxisbeispiel bleibt ein Praxisbeispiel. Bitte legen Sie für eine andere Art einen neuen Beitrag an.',
  'post.error.locked': 'Dieser Beitrag ist gesperrt. Neue Antworten sind nicht möglich.',
  'reply.error.quote': 'Die zitierte Antwort gibt es in diesem Beitrag nicht mehr. Bitte antworten Sie ohne Zitat.',
  'helpful.error.own': 'Eigene Beiträge und Antworten können Sie nicht als hilfreich markieren.',
} as const;
