import PDFDocument from 'pdfkit';
import { fontsForNewDocument } from '../fonts/document-fonts';
import { drawPageFooters } from '../layout/page-footer';
import { PAGE_MARGINS, PAGE_SIZE } from '../layout/page-style';
import { PdfWriter } from '../layout/pdf-writer';
import { DocumentLanguage, PdfMeta } from './pdf-meta';

/** Fixed, so the bytes do not change with a library upgrade's default ("PDFKit"). */
const PRODUCER = 'verwerker documents';

const PDF_LANGUAGE: Record<DocumentLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * Renders one document to bytes. The same meta and drawing give the same bytes in any process: pdfkit's only
 * varying inputs are the info dictionary (its trailer file ID is an MD5 over it) and the fonts, and both are fixed
 * here. The drawing callback must be synchronous: the parsed fonts are shared between documents (see
 * `fontsForNewDocument`), so one document has to finish with them before the next starts.
 */
export async function renderPdf(meta: PdfMeta, draw: (writer: PdfWriter) => void): Promise<Buffer> {
  if (Number.isNaN(meta.createdAt.getTime())) throw new RangeError('PdfMeta.createdAt is not a valid date');

  const fonts = fontsForNewDocument();
  const doc = new PDFDocument({
    size: PAGE_SIZE,
    margins: PAGE_MARGINS,
    bufferPages: true,
    lang: PDF_LANGUAGE[meta.language],
    displayTitle: true,
    // Without it pdfkit loads Helvetica as the initial font and embeds a font object no text uses.
    font: fonts.regular as unknown as string,
    info: documentInfo(meta),
  });
  const bytes = collectBytes(doc);

  for (const [face, source] of Object.entries(fonts)) {
    // pdfkit accepts a parsed fontkit font as well as bytes; its types only admit the bytes.
    doc.registerFont(face, source as Buffer);
  }
  doc.font('regular');

  const result: unknown = draw(new PdfWriter(doc));
  if (isThenable(result)) {
    throw new TypeError('renderPdf: draw must be synchronous; load data before rendering');
  }
  drawPageFooters(doc, meta.language, meta.footer);
  doc.end();
  return bytes;
}

function documentInfo(meta: PdfMeta): PDFKit.DocumentInfo {
  const info: PDFKit.DocumentInfo = {
    Title: meta.title,
    Author: meta.author,
    Subject: meta.subject,
    Creator: PRODUCER,
    Producer: PRODUCER,
    CreationDate: meta.createdAt,
    ModDate: meta.createdAt,
  };
  // pdfkit hashes every info value into the file ID, so an absent key must be left out, not set to undefined.
  if (meta.keywords !== undefined) info.Keywords = meta.keywords;
  return info;
}

function collectBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function isThenable(value: unknown): boolean {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
