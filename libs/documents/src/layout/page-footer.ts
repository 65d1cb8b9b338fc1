import { DocumentLanguage } from '../render/pdf-meta';
import { COLOR, FONT_SIZE } from './page-style';

const PAGE_LABEL: Record<DocumentLanguage, (page: number, total: number) => string> = {
  nl: (page, total) => `Pagina ${page} van ${total}`,
  en: (page, total) => `Page ${page} of ${total}`,
};

export function pageLabel(language: DocumentLanguage, page: number, total: number): string {
  return PAGE_LABEL[language](page, total);
}

/**
 * Draws the footer on every buffered page. It runs after the content because "of Y" is only known then, which is
 * why documents are rendered with `bufferPages`.
 */
export function drawPageFooters(doc: PDFKit.PDFDocument, language: DocumentLanguage, footerText: string | undefined): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    drawFooter(doc, footerText, pageLabel(language, index - start + 1, count));
  }
}

function drawFooter(doc: PDFKit.PDFDocument, footerText: string | undefined, label: string): void {
  const page = doc.page;
  const left = page.margins.left;
  const width = page.width - page.margins.left - page.margins.right;
  const ruleY = page.height - page.margins.bottom + 22;
  const textY = ruleY + 7;
  const labelWidth = 90;

  // The footer lies inside the bottom margin; without lifting it pdfkit would treat the text as overflow and
  // start a new page for it.
  const bottomMargin = page.margins.bottom;
  page.margins.bottom = 0;

  doc.save().moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(0.5).strokeColor(COLOR.rule).stroke().restore();
  doc.font('regular').fontSize(FONT_SIZE.footer).fillColor(COLOR.muted);
  if (footerText) {
    doc.text(footerText, left, textY, { width: width - labelWidth - 12, height: FONT_SIZE.footer * 1.5, ellipsis: true, lineBreak: false });
  }
  doc.text(label, left + width - labelWidth, textY, { width: labelWidth, align: 'right', lineBreak: false });

  page.margins.bottom = bottomMargin;
}
