/** Moderation of communities: reports, hide, lock, pin, move; the office's community pages. */
export const moderation = {
  'moderation.error.target': 'Bitte wählen Sie eine andere Community aus der Liste.',
  'moderation.error.targetNotLed': 'Sie können Beiträge nur in Communities verschieben, die Sie leiten.',
  'moderation.error.confirmWider': 'Der Beitrag wird dort für mehr Personen sichtbar. Bitte bestätigen Sie das als Leitung.',
} as const;
