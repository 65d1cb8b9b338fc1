import { formatInstant } from './instant-format';

describe('formatInstant', () => {
  it.each([
    // Winter time (CET, UTC+1) and summer time (CEST, UTC+2): DOMAIN.md §5, display with the offset.
    ['2026-03-28T09:00:00.000Z', '2026-03-28T10:00:00.000+01:00'],
    ['2026-03-31T09:00:00.000Z', '2026-03-31T11:00:00.000+02:00'],
    // The repeated hour when summer time ends: the offset tells the two 02:30s apart.
    ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00.000+02:00'],
    ['2026-10-25T01:30:00.000Z', '2026-10-25T02:30:00.000+01:00'],
  ])('shows %s as %s in Europe/Amsterdam', (utc, expected) => {
    expect(formatInstant(new Date(utc))).toBe(expected);
  });

  it('formats in another zone when asked', () => {
    expect(formatInstant(new Date('2026-07-01T12:00:00Z'), 'UTC')).toBe('2026-07-01T12:00:00.000Z');
  });
});
