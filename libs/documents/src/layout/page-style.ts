/** A4 in points, with 2 cm margins; the bottom margin is wider because the footer sits inside it. */
export const PAGE_SIZE = 'A4';
export const PAGE_MARGINS = { top: 57, bottom: 71, left: 57, right: 57 };

export const FONT_SIZE = {
  title: 18,
  heading1: 13,
  heading2: 11,
  body: 10,
  table: 9,
  footer: 8,
};

export const COLOR = {
  text: '#1a1a1a',
  muted: '#5f6368',
  accent: '#1f3a5f',
  rule: '#c4c9d0',
  tableHeaderFill: '#e8ecf1',
};

/** Extra leading between lines of body text; pdfkit's default (0) reads cramped at 10 pt. */
export const LINE_GAP = 2;
