import { FontFace } from '../fonts/font-files';
import { COLOR, FONT_SIZE, LINE_GAP } from './page-style';
import { TableSpec, drawTable } from './table';

export interface KeyValueRow {
  label: string;
  value: string;
}

export interface ParagraphOptions {
  /** `mono` for hashes and identifiers, which must be copied character for character. */
  font?: FontFace;
  muted?: boolean;
}

/**
 * Bounds on the label column of a key–value block, as shares of the text width. Between them the column fits the
 * longest label, so a Dutch compound ("Verwerkingsverantwoordelijke") is not broken mid-word.
 */
const LABEL_SHARE = { min: 0.22, max: 0.4 };
const LABEL_GAP = 12;
const BULLET_INDENT = 14;

/**
 * The few layout blocks documents are built from. Documents describe content ("a heading, a table"); spacing, fonts
 * and page breaks live here so every agreement, notice and report looks alike.
 */
export class PdfWriter {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  title(text: string): this {
    this.doc.font('bold').fontSize(FONT_SIZE.title).fillColor(COLOR.accent);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    const ruleY = this.doc.y + 4;
    this.doc.save().moveTo(this.left, ruleY).lineTo(this.left + this.width, ruleY).lineWidth(1).strokeColor(COLOR.accent).stroke().restore();
    this.doc.y = ruleY + 14;
    return this;
  }

  heading(text: string, level: 1 | 2 = 1): this {
    const size = level === 1 ? FONT_SIZE.heading1 : FONT_SIZE.heading2;
    this.doc.font('bold').fontSize(size);
    const height = this.doc.heightOfString(text, { width: this.width, lineGap: LINE_GAP });
    this.space(level === 1 ? 0.8 : 0.5);
    // Keep the heading with the start of its section.
    this.keepTogether(height + 3 * this.bodyLineHeight());
    this.doc.fillColor(level === 1 ? COLOR.accent : COLOR.text);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    this.doc.y += 4;
    return this;
  }

  paragraph(text: string, options: ParagraphOptions = {}): this {
    this.doc.font(options.font ?? 'regular').fontSize(FONT_SIZE.body).fillColor(options.muted ? COLOR.muted : COLOR.text);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    this.doc.y += 6;
    return this;
  }

  bulletList(items: readonly string[]): this {
    this.doc.font('regular').fontSize(FONT_SIZE.body).fillColor(COLOR.text);
    for (const item of items) {
      this.keepTogether(this.bodyLineHeight());
      const top = this.doc.y;
      this.doc.text('•', this.left + 2, top, { width: BULLET_INDENT, lineBreak: false });
      this.doc.text(item, this.left + BULLET_INDENT, top, { width: this.width - BULLET_INDENT, lineGap: LINE_GAP });
      this.doc.y += 2;
    }
    this.doc.x = this.left;
    this.doc.y += 4;
    return this;
  }

  /** Label: value rows, e.g. the parties of an agreement or the facts of a breach. Each row stays on one page. */
  keyValues(rows: readonly KeyValueRow[]): this {
    this.doc.font('bold').fontSize(FONT_SIZE.body);
    const longestLabel = Math.max(0, ...rows.map((row) => this.doc.widthOfString(row.label)));
    const labelWidth = Math.min(Math.max(longestLabel + LABEL_GAP, this.width * LABEL_SHARE.min), this.width * LABEL_SHARE.max);
    const valueWidth = this.width - labelWidth;
    for (const row of rows) {
      this.doc.font('bold').fontSize(FONT_SIZE.body);
      const labelHeight = this.doc.heightOfString(row.label, { width: labelWidth - LABEL_GAP, lineGap: LINE_GAP });
      this.doc.font('regular');
      const valueHeight = this.doc.heightOfString(row.value, { width: valueWidth, lineGap: LINE_GAP });
      this.keepTogether(Math.max(labelHeight, valueHeight));

      const top = this.doc.y;
      this.doc.font('bold').fillColor(COLOR.muted).text(row.label, this.left, top, { width: labelWidth - LABEL_GAP, lineGap: LINE_GAP });
      this.doc.font('regular').fillColor(COLOR.text).text(row.value, this.left + labelWidth, top, { width: valueWidth, lineGap: LINE_GAP });
      this.doc.y = top + Math.max(labelHeight, valueHeight) + 4;
    }
    this.doc.x = this.left;
    this.doc.y += 4;
    return this;
  }

  table(spec: TableSpec): this {
    drawTable(this.doc, spec, { left: this.left, width: this.width, bottom: () => this.bottom });
    this.doc.y += 10;
    return this;
  }

  /** Vertical space in body lines. */
  space(lines = 1): this {
    this.doc.y += lines * this.bodyLineHeight();
    return this;
  }

  private keepTogether(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private bodyLineHeight(): number {
    return FONT_SIZE.body * 1.2 + LINE_GAP;
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
}
