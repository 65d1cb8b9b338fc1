import { DocumentLanguage, formatDateForDocument, formatDateTimeForDocument, PdfWriter } from '@verwerker/documents';

export interface MonthlyAccessFigures {
  clientName: string;
  processorName: string;
  month: string;
  periodStart: Date;
  periodEnd: Date;
  total: number;
  byStaffMember: { name: string; count: number }[];
  bySystem: { name: string; count: number }[];
  byAction: { name: string; count: number }[];
  checkpoint: { size: number; headHash: string; signedAt: Date; keyId: string; signature: string } | null;
  lastSeq: number | null;
}

const LABELS = {
  nl: {
    title: 'Maandrapport toegang medewerkers',
    intro: (processor: string) =>
      `Dit rapport vat samen wanneer medewerkers van ${processor} toegang hadden tot uw systemen, op basis van het toegangslogboek. ` +
      'Het logboek is een hashketen: elke regel is verbonden met de vorige, en het ondertekende controlepunt hieronder legt de stand vast.',
    client: 'Opdrachtgever',
    period: 'Periode',
    total: 'Aantal toegangen',
    byStaff: 'Per medewerker',
    bySystem: 'Per systeem',
    byAction: 'Per handeling',
    staff: 'Medewerker',
    system: 'Systeem',
    action: 'Handeling',
    count: 'Aantal',
    checkpoint: 'Controlepunt (ondertekend)',
    none: 'Geen toegang in deze periode.',
    noCheckpoint: 'Nog geen controlepunt.',
    entries: 'Regels in het logboek',
    lastEntry: 'Laatste regel van deze maand',
    headHash: 'Hash van de keten',
    signedAt: 'Ondertekend op',
    key: 'Sleutel',
    signature: 'Handtekening (Ed25519)',
    verifyHint: 'Controleer met de publieke sleutel van GET /audit/public-key; bewaar dit controlepunt om later te kunnen aantonen dat het logboek niet is gewijzigd.',
    purged: '(gewist na bewaartermijn)',
  },
  en: {
    title: 'Monthly staff access report',
    intro: (processor: string) =>
      `This report summarises when staff of ${processor} accessed your systems, from the access log. ` +
      'The log is a hash chain: every entry is linked to the one before, and the signed checkpoint below fixes its state.',
    client: 'Client',
    period: 'Period',
    total: 'Accesses',
    byStaff: 'Per staff member',
    bySystem: 'Per system',
    byAction: 'Per action',
    staff: 'Staff member',
    system: 'System',
    action: 'Action',
    count: 'Count',
    checkpoint: 'Checkpoint (signed)',
    none: 'No access in this period.',
    noCheckpoint: 'No checkpoint yet.',
    entries: 'Entries in the log',
    lastEntry: 'Last entry of this month',
    headHash: 'Chain hash',
    signedAt: 'Signed at',
    key: 'Key',
    signature: 'Signature (Ed25519)',
    verifyHint: 'Verify with the public key from GET /audit/public-key; keep this checkpoint to show later that the log was not changed.',
    purged: '(erased after retention)',
  },
} as const;

export function monthlyAccessReportTitle(language: DocumentLanguage, month: string): string {
  return `${LABELS[language].title} ${month}`;
}

/** Draws the report; pure layout over figures the service computed. */
export function drawMonthlyAccessReport(writer: PdfWriter, figures: MonthlyAccessFigures, language: DocumentLanguage): void {
  const text = LABELS[language];
  writer.title(`${text.title} — ${figures.month}`);
  writer.paragraph(text.intro(figures.processorName));
  writer.keyValues([
    { label: text.client, value: figures.clientName },
    { label: text.period, value: `${formatDateForDocument(figures.periodStart, language)} – ${formatDateForDocument(new Date(figures.periodEnd.getTime() - 1), language)}` },
    { label: text.total, value: String(figures.total) },
  ]);
  if (figures.total === 0) {
    writer.paragraph(text.none);
  } else {
    const table = (heading: string, column: string, rows: { name: string; count: number }[]) => {
      writer.heading(heading, 2);
      writer.table({
        columns: [{ header: column, width: 4 }, { header: text.count, width: 1, align: 'right' }],
        rows: rows.map((row) => [row.name || text.purged, String(row.count)]),
      });
    };
    table(text.byStaff, text.staff, figures.byStaffMember);
    table(text.bySystem, text.system, figures.bySystem);
    table(text.byAction, text.action, figures.byAction);
  }
  writer.heading(text.checkpoint, 1);
  if (!figures.checkpoint) {
    writer.paragraph(text.noCheckpoint);
    return;
  }
  writer.keyValues([
    { label: text.lastEntry, value: figures.lastSeq === null ? '–' : String(figures.lastSeq) },
    { label: text.entries, value: String(figures.checkpoint.size) },
    { label: text.signedAt, value: `${formatDateTimeForDocument(figures.checkpoint.signedAt, language)} — ${figures.checkpoint.signedAt.toISOString()}` },
    { label: text.key, value: figures.checkpoint.keyId },
  ]);
  writer.paragraph(`${text.headHash}:`, { muted: true });
  writer.paragraph(figures.checkpoint.headHash, { font: 'mono' });
  writer.paragraph(`${text.signature}:`, { muted: true });
  writer.paragraph(figures.checkpoint.signature, { font: 'mono' });
  writer.paragraph(text.verifyHint, { muted: true });
}
