import { EnqueuedNotice, NoticeOutbox, NoticeType } from '@verwerker/notices';
import { DataSource } from 'typeorm';

/** A small but real PDF (one empty page), for attachments. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

let sequence = 0;

/** Enqueues a breach notice for the client in its own transaction, as a breach workflow would. */
export async function enqueueBreachNotice(dataSource: DataSource, outbox: NoticeOutbox, clientId: string, overrides: { description?: string; withPdf?: boolean } = {}): Promise<EnqueuedNotice> {
  sequence += 1;
  return dataSource.transaction((manager) =>
    outbox.enqueue(manager, {
      clientId,
      type: NoticeType.BreachNotice,
      data: {
        reference: `DL-2026-${String(sequence).padStart(4, '0')}`,
        awareAt: '2026-11-21T22:15:00Z',
        description: overrides.description ?? 'Een medewerker verstuurde een export naar de verkeerde ontvanger.',
        dataCategories: ['naam', 'e-mailadres'],
        dataSubjectCategories: ['klanten'],
        approximateRecords: 420,
        likelyConsequences: 'Ongewenste e-mail, phishing.',
        measuresTaken: 'Ontvanger heeft de export verwijderd; exports vereisen nu vier ogen.',
        contact: { name: 'Privacy team', email: 'privacy@processor.example' },
      },
      attachments: overrides.withPdf === false ? [] : [{ filename: `datalek-${sequence}.pdf`, contentType: 'application/pdf', content: TINY_PDF }],
    }),
  );
}
