import { formatDateForDocument, formatDateTimeForDocument } from './document-date-format';

describe('formatDateTimeForDocument', () => {
  it.each([
    // Winter time (CET, UTC+1) and summer time (CEST, UTC+2), both languages.
    ['2026-11-22T02:15:00.000Z', 'nl', '22 november 2026 03:15 (UTC+01:00)'],
    ['2026-11-22T02:15:00.000Z', 'en', '22 November 2026 03:15 (UTC+01:00)'],
    ['2026-07-01T10:00:00.000Z', 'nl', '1 juli 2026 12:00 (UTC+02:00)'],
    // The hour repeated when summer time ends: only the offset tells the two 02:30s apart.
    ['2026-10-25T00:30:00.000Z', 'en', '25 October 2026 02:30 (UTC+02:00)'],
    ['2026-10-25T01:30:00.000Z', 'en', '25 October 2026 02:30 (UTC+01:00)'],
  ] as const)('shows %s in %s as "%s"', (utc, language, expected) => {
    expect(formatDateTimeForDocument(new Date(utc), language)).toBe(expected);
  });

  it('refuses an invalid date rather than printing "Invalid DateTime" into a document', () => {
    expect(() => formatDateTimeForDocument(new Date('nonsense'), 'nl')).toThrow(RangeError);
  });
});

describe('formatDateForDocument', () => {
  it.each([
    ['2026-03-01T12:00:00.000Z', 'nl', '1 maart 2026'],
    ['2026-03-01T12:00:00.000Z', 'en', '1 March 2026'],
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    ['2026-12-31T23:30:00.000Z', 'nl', '1 januari 2027'],
  ] as const)('shows %s in %s as "%s"', (utc, language, expected) => {
    expect(formatDateForDocument(new Date(utc), language)).toBe(expected);
  });
});
