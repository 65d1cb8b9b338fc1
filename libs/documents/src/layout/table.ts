import { FontFace } from '../fonts/font-files';
import { COLOR, FONT_SIZE, LINE_GAP } from './page-style';

export interface TableColumn {
  header: string;
  /** Relative width: columns share the text width in proportion (e.g. 3, 1, 1). */
  width: number;
  align?: 'left' | 'right';
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
}

const CELL_PADDING = 4;

interface Box {
  left: number;
  width: number;
  /** Lowest y content may reach on a page. */
  bottom: () => number;
}

/**
 * A table drawn row by row, so a row is never split: a row that does not fit starts a new page, and the header
 * row is repeated there so each page can be read on its own (registers and access reports run to many pages).
 */
export function drawTable(doc: PDFKit.PDFDocument, spec: TableSpec, box: Box): void {
  const totalWeight = spec.columns.reduce((sum, column) => sum + column.width, 0);
  if (!(totalWeight > 0)) throw new RangeError('A table needs columns with positive widths');
  const widths = spec.columns.map((column) => (column.width / totalWeight) * box.width);
  const headers = spec.columns.map((column) => column.header);

  // Keep the header with the first row: a header alone at the foot of a page says nothing.
  const firstRowHeight = spec.rows.length > 0 ? rowHeight(doc, spec.rows[0], widths, 'regular') : 0;
  if (doc.y + rowHeight(doc, headers, widths, 'bold') + firstRowHeight > box.bottom()) doc.addPage();

  drawRow(doc, headers, widths, spec.columns, box, 'bold', true);
  for (const row of spec.rows) {
    if (row.length !== spec.columns.length) {
      throw new RangeError(`A table row has ${row.length} cells for ${spec.columns.length} columns`);
    }
    if (doc.y + rowHeight(doc, row, widths, 'regular') > box.bottom()) {
      doc.addPage();
      drawRow(doc, headers, widths, spec.columns, box, 'bold', true);
    }
    drawRow(doc, row, widths, spec.columns, box, 'regular', false);
  }
  doc.x = box.left;
}

function rowHeight(doc: PDFKit.PDFDocument, cells: string[], widths: number[], face: FontFace): number {
  doc.font(face).fontSize(FONT_SIZE.table);
  const heights = cells.map((cell, index) => doc.heightOfString(cell, { width: widths[index] - 2 * CELL_PADDING, lineGap: LINE_GAP }));
  return Math.max(...heights) + 2 * CELL_PADDING;
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: string[],
  widths: number[],
  columns: TableColumn[],
  box: Box,
  face: FontFace,
  isHeader: boolean,
): void {
  const top = doc.y;
  // A row taller than a whole page is cut off rather than let pdfkit break it across pages mid-cell.
  const height = Math.min(rowHeight(doc, cells, widths, face), box.bottom() - top);

  if (isHeader) {
    doc.save().rect(box.left, top, box.width, height).fill(COLOR.tableHeaderFill).restore();
  }
  doc.font(face).fontSize(FONT_SIZE.table).fillColor(COLOR.text);
  let x = box.left;
  cells.forEach((cell, index) => {
    doc.text(cell, x + CELL_PADDING, top + CELL_PADDING, {
      width: widths[index] - 2 * CELL_PADDING,
      height: height - 2 * CELL_PADDING,
      ellipsis: true,
      lineGap: LINE_GAP,
      align: columns[index].align ?? 'left',
    });
    x += widths[index];
  });
  const bottom = top + height;
  doc.save().moveTo(box.left, bottom).lineTo(box.left + box.width, bottom).lineWidth(0.5).strokeColor(COLOR.rule).stroke().restore();
  doc.x = box.left;
  doc.y = bottom;
}
