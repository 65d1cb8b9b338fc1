import { DocumentLanguage, PdfMeta, PdfWriter, formatDateTimeForDocument } from '../src';

/** Sample documents shared by the specs, the throughput bench and visual checks; not part of the lib. */

export const SAMPLE_CREATED_AT = new Date('2026-11-22T02:15:00.000Z');

export function sampleMeta(overrides: Partial<PdfMeta> = {}): PdfMeta {
  return {
    title: 'Melding van een inbreuk in verband met persoonsgegevens',
    author: 'Verwerker B.V.',
    subject: 'Incident INC-2026-0042',
    language: 'nl',
    createdAt: SAMPLE_CREATED_AT,
    footer: 'INC-2026-0042 · sha256 3f2a9c0d…',
    ...overrides,
  };
}

/** A one-page breach notice letter: the everyday document, and the one the throughput figure is about. */
export function drawBreachLetter(language: DocumentLanguage): (writer: PdfWriter) => void {
  const detectedAt = formatDateTimeForDocument(SAMPLE_CREATED_AT, language);
  return (writer) => {
    writer
      .title(language === 'nl' ? 'Melding van een inbreuk in verband met persoonsgegevens' : 'Notice of a personal data breach')
      .keyValues([
        { label: language === 'nl' ? 'Verwerkingsverantwoordelijke' : 'Controller', value: 'Gemeente Łódź-Noord, afdeling Burgerzaken' },
        { label: language === 'nl' ? 'Verwerker' : 'Processor', value: 'Verwerker B.V., Amsterdam' },
        { label: language === 'nl' ? 'Ontdekt op' : 'Detected at', value: detectedAt },
        { label: language === 'nl' ? 'Termijn' : 'Deadline', value: '≤ 72 h (art. 33 lid 2 AVG)' },
      ])
      .heading(language === 'nl' ? 'Wat is er gebeurd' : 'What happened')
      .paragraph(
        'Op 22 november 2026 stelde ons monitoringsysteem vast dat een back-up van de klantendatabase tijdelijk ' +
          'zonder toegangscontrole bereikbaar was. Betrokken zijn onder meer Čapek, Erdős en Łukasiewicz. ' +
          'Onderzoek → geen aanwijzingen dat de gegevens zijn ingezien.',
      )
      .heading(language === 'nl' ? 'Genomen maatregelen' : 'Measures taken', 2)
      .bulletList([
        '✓ Toegang tot de back-up ingetrokken binnen 40 minuten na ontdekking.',
        '✓ Sleutels van de opslagaccount vervangen; toegangslogboeken veiliggesteld.',
        'Betrokkenen worden geïnformeerd zodra de verwerkingsverantwoordelijke daartoe besluit.',
      ])
      .heading(language === 'nl' ? 'Contact' : 'Contact', 2)
      .paragraph('Functionaris gegevensbescherming: fg@verwerker.example, +31 20 123 45 67.')
      .paragraph('3f2a9c0d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f', { font: 'mono', muted: true });
  };
}

/** A register long enough to break across pages, so the repeated header and page labels can be checked. */
export function drawLongRegister(rowCount: number): (writer: PdfWriter) => void {
  return (writer) => {
    writer.title('Register of sub-processors').paragraph('All sub-processors engaged under the agreement, in order of engagement.');
    writer.table({
      columns: [
        { header: 'No.', width: 0.6, align: 'right' },
        { header: 'Sub-processor', width: 3 },
        { header: 'Country', width: 1.4 },
        { header: 'Transfer basis', width: 2.4 },
      ],
      rows: Array.from({ length: rowCount }, (_, index) => {
        const number = String(index + 1).padStart(3, '0');
        return [number, `Row ${number} Hosting Łódź Sp. z o.o.`, index % 2 ? 'Poland' : 'Czechia (Č)', 'EEA → no transfer'];
      }),
    });
  };
}
