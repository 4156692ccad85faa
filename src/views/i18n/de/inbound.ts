/** Replies by e-mail: the mail that explains why a reply was not published. */
export const inbound = {
  'inbound.refused.subject': 'Ihre Antwort per E-Mail wurde nicht veröffentlicht',
  'inbound.refused.greeting': 'Guten Tag,',
  'inbound.refused.intro': 'Sie haben auf eine E-Mail von Knotenpunkt geantwortet. Ihre Antwort wurde nicht veröffentlicht.',
  'inbound.refused.reason.wrongSender':
    'Die Antwortadresse gehört zu einem anderen Konto. Antworten per E-Mail werden nur von der E-Mail-Adresse angenommen, an die die ursprüngliche E-Mail gesendet wurde.',
  'inbound.refused.reason.invalidAddress': 'Die Antwortadresse ist ungültig oder nicht mehr gültig.',
  'inbound.refused.reason.unavailable':
    'Die Diskussion ist nicht mehr verfügbar, oder Sie haben keinen Zugang mehr zu ihr (zum Beispiel, weil Ihre Mitgliedschaft in der Community beendet ist).',
  'inbound.refused.reason.locked': 'Die Diskussion ist geschlossen. Neue Antworten sind nicht mehr möglich.',
  'inbound.refused.reason.noPermission': 'Sie dürfen in dieser Diskussion nicht antworten.',
  'inbound.refused.reason.empty': 'Ihre E-Mail enthielt keinen eigenen Text. Zitierter Text und Signaturen werden entfernt.',
  'inbound.refused.reason.tooLong': 'Ihre Antwort ist länger als {max} Zeichen.',
  'inbound.refused.reason.rateLimited': 'Sie haben in kurzer Zeit sehr viele Beiträge geschrieben. Bitte versuchen Sie es in einigen Minuten noch einmal.',
  'inbound.refused.reason.invalid': 'Ihre Antwort konnte nicht verarbeitet werden.',
  'inbound.refused.help': 'Wenn Sie angemeldet sind, können Sie auch direkt auf der Plattform antworten: {url}',
} as const;
