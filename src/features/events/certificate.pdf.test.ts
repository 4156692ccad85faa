/** The certificate of participation as PDF, read back with pdfjs-dist. */
import { describe, expect, it } from 'vitest';
import { readPdf as readBack } from '../../../test/helpers/pdf.js';
import { certificateDate, certificateDuration, certificatePdf, winAnsiSafe, type CertificateFacts } from './certificate.pdf.js';

function facts(overrides: Partial<CertificateFacts> = {}): CertificateFacts {
  return {
    lang: 'de',
    participantName: 'Jürgen Groß',
    participantOrganisation: 'Stadtverwaltung Musterstadt',
    eventTitle: 'Barrierefreie Formulare in der Verwaltung',
    eventKind: 'workshop',
    // 09:00–16:30 in Berlin (CET, UTC+1)
    startsAt: new Date('2026-11-24T08:00:00Z'),
    endsAt: new Date('2026-11-24T15:30:00Z'),
    hours: 6.5,
    organiser: 'Knotenpunkt-Geschäftsstelle; Anna Beispiel',
    place: 'Rathaus Musterstadt, Sitzungssaal 2',
    code: 'KP-7G4Q-M2XD-9TQA',
    verifyUrl: 'https://knotenpunkt.example/bescheinigungen/KP-7G4Q-M2XD-9TQA',
    issuedAt: new Date('2026-11-25T10:00:00Z'),
    networkName: 'Knotenpunkt',
    ...overrides,
  };
}


describe('certificatePdf', () => {
  it('writes a one-page German certificate with every fact', async () => {
    const buf = await certificatePdf(facts());
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { numPages, text, info } = await readBack(buf);
    expect(numPages).toBe(1);
    expect(text).toContain('Knotenpunkt');
    expect(text).toContain('Teilnahmebescheinigung');
    expect(text).toContain('Hiermit wird bestätigt, dass Jürgen Groß (Stadtverwaltung Musterstadt) an der Veranstaltung');
    expect(text).toContain('Barrierefreie Formulare in der Verwaltung');
    expect(text).toContain('Dienstag, 24. November 2026, 09:00–16:30 Uhr');
    expect(text).toContain('6,5 Stunden');
    expect(text).toContain('Workshop');
    expect(text).toContain('Rathaus Musterstadt, Sitzungssaal 2');
    expect(text).toContain('Knotenpunkt-Geschäftsstelle; Anna Beispiel');
    expect(text).toContain('Prüfcode: KP-7G4Q-M2XD-9TQA');
    expect(text).toContain('Echtheit prüfen: https://knotenpunkt.example/bescheinigungen/KP-7G4Q-M2XD-9TQA');
    expect(text).toContain('Ausgestellt am 25. November 2026');
    expect(text).toContain('ohne Unterschrift gültig');
    expect(info.Title).toBe('Teilnahmebescheinigung – Jürgen Groß');
    expect(info.Author).toBe('Knotenpunkt');
    expect(String(info.Subject)).toContain('Barrierefreie Formulare');
    expect(info.Language).toBe('de-DE');
  });

  it('writes the English certificate', async () => {
    const { text, info } = await readBack(await certificatePdf(facts({ lang: 'en', participantOrganisation: null, place: 'online', eventKind: 'online' })));
    expect(text).toContain('Certificate of participation');
    expect(text).toContain('This is to certify that Jürgen Groß participated in the event');
    expect(text).toContain('Tuesday, 24 November 2026, 09:00–16:30');
    expect(text).toContain('6.5 hours');
    expect(text).toContain('Online event');
    expect(text).toContain('Verification code: KP-7G4Q-M2XD-9TQA');
    expect(text).not.toContain('Stunden');
    expect(info.Language).toBe('en-GB');
  });

  it('gives an event over several days from–to', async () => {
    const buf = await certificatePdf(facts({ startsAt: new Date('2026-11-23T08:00:00Z'), endsAt: new Date('2026-11-24T15:30:00Z'), hours: 14 }));
    const { text } = await readBack(buf);
    expect(text).toContain('Montag, 23. November 2026, 09:00 Uhr bis Dienstag, 24. November 2026, 16:30 Uhr');
    expect(text).toContain('14 Stunden');
  });

  it('gives back umlauts and ß exactly', async () => {
    const name = 'Ärzte-Öztürk Süßmann, Maß & Übel';
    const { text } = await readBack(await certificatePdf(facts({ participantName: name, eventTitle: 'Straßenbau – größere Maßnahmen für 100 €' })));
    expect(text).toContain(name);
    expect(text).toContain('Straßenbau – größere Maßnahmen für 100 €');
  });

  it('replaces what the standard fonts cannot write instead of failing', async () => {
    const buf = await certificatePdf(facts({ participantName: 'Anna 👩‍💻 王芳', eventTitle: 'Digitalisierung 🚀', organiser: 'Amt\u202Ffür IT' }));
    const { text } = await readBack(buf);
    expect(text).toContain('Anna ? ??');
    expect(text).toContain('Digitalisierung ?');
    expect(winAnsiSafe('Zoë Ça va ✓ 🇩🇪\nneu')).toBe('Zoë Ça va ? ? neu');
    // Decomposed umlauts (as macOS may send them) come out composed.
    expect(winAnsiSafe('Mu\u0308ller')).toBe('Müller');
  });

  it('wraps a very long title and stays on one page', async () => {
    const title = `${'Verwaltungsmodernisierung und Registermodernisierung im föderalen Verbund '.repeat(5)}`.slice(0, 300);
    expect(title).toHaveLength(300);
    const { numPages, text } = await readBack(await certificatePdf(facts({ eventTitle: title })));
    expect(numPages).toBe(1);
    expect(text).toContain(title.trim());
    expect(text).toContain('Prüfcode: KP-7G4Q-M2XD-9TQA');
  });

  it('stays on one page with absurdly long inputs', async () => {
    const long = 'Sehr lange Angabe '.repeat(60);
    const { numPages } = await readBack(
      await certificatePdf(facts({ participantName: long, participantOrganisation: long, eventTitle: long, organiser: long, place: long })),
    );
    expect(numPages).toBe(1);
  });
});

describe('certificate formats', () => {
  it('formats the date in Berlin time, also in summer', () => {
    expect(certificateDate('de', new Date('2026-06-02T07:00:00Z'), new Date('2026-06-02T14:30:00Z'))).toBe('Dienstag, 2. Juni 2026, 09:00–16:30 Uhr');
  });

  it('formats the duration with the locale decimal separator', () => {
    expect(certificateDuration('de', 6.5)).toBe('6,5 Stunden');
    expect(certificateDuration('en', 6.5)).toBe('6.5 hours');
    expect(certificateDuration('de', 1)).toBe('1 Stunde');
  });
});
