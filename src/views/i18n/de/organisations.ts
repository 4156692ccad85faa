export const organisations = {
  'org.error.level': 'Bitte wählen Sie die Ebene: Bund, Land, Kommune oder sonstige öffentliche Stelle.',
  'org.error.state': 'Bitte wählen Sie ein Bundesland aus der Liste.',
  'org.error.type': 'Bitte wählen Sie die Art der Organisation.',
  'org.error.parent': 'Bitte wählen Sie eine andere übergeordnete Organisation aus der Liste.',
  'org.error.nameTaken': 'Eine Organisation mit diesem Namen gibt es bereits.',
  'org.error.domain': 'Bitte geben Sie eine Domain wie „stadt.example“ an, ohne „@“ und ohne Punkt am Ende.',
  'org.error.domainTaken': 'Diese Domain gehört bereits zur Organisation „{name}“. Eine Domain kann nur zu einer Organisation gehören.',
} as const;
