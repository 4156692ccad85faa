/** Texts of the communities API (JSON answers only). */
export const communitiesApi = {
  'communitiesApi.error.title': 'Bitte geben Sie einen Titel mit 3 bis 200 Zeichen ein.',
  'communitiesApi.error.exampleOnly': 'Nur Praxisbeispiele haben Angaben zu Problem, Lösung und Stand.',
  'communitiesApi.error.reason': 'Bitte beschreiben Sie den Grund mit 3 bis 1000 Zeichen.',
} as const;
