import { DateTime } from 'luxon';
import { formatInstant } from './instant-format';

describe('formatInstant', () => {
  it.each([
    // Winter time (CET, UTC+1) and summer time (CEST, UTC+2): DOMAIN.md §5, display with the offset.
    ['2026-03-28T09:00:00.000Z', '2026-03-28T10:00:00.000+01:00'],
    ['2026-03-31T09:00:00.000Z', '2026-03-31T11:00:00.000+02:00'],
    // The repeated hour when summer time ends: the offset tells the two 02:30s apart.
    ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00.000+02:00'],
    ['2026-10-25T01:30:00.000Z', '2026-10-25T02:30:00.000+01:00'],
    // The changes themselves, to the millisecond (EU rule: 01:00 UTC on the last Sunday of March and October).
    ['2026-03-29T00:59:59.999Z', '2026-03-29T01:59:59.999+01:00'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00.000+02:00'],
    ['2026-10-25T00:59:59.999Z', '2026-10-25T02:59:59.999+02:00'],
    ['2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000+01:00'],
    // Midnight Amsterdam is the previous UTC day.
    ['2026-12-31T23:30:00.000Z', '2027-01-01T00:30:00.000+01:00'],
  ])('shows %s as %s in Europe/Amsterdam', (utc, expected) => {
    expect(formatInstant(new Date(utc))).toBe(expected);
  });

  it('agrees with luxon for instants spread over ten years', () => {
    let ms = Date.UTC(2020, 0, 1);
    for (let step = 0; step < 20_000; step += 1) {
      ms += 4 * 3_600_000 + ((step * 7_919_731) % 3_600_000);
      const instant = new Date(ms);
      expect(formatInstant(instant)).toBe(DateTime.fromJSDate(instant, { zone: 'Europe/Amsterdam' }).toISO({ suppressMilliseconds: false }));
    }
  });

  it('formats in another zone when asked', () => {
    expect(formatInstant(new Date('2026-07-01T12:00:00Z'), 'UTC')).toBe('2026-07-01T12:00:00.000Z');
  });
});
