import { retentionCutoff } from './retention';

describe('retentionCutoff', () => {
  it.each([
    // DOMAIN.md §4: logs kept one to six months (seeds); §5: months are calendar months.
    ['2026-11-22T12:00:00Z', 6, '2026-05-22T11:00:00.000Z'], // 13:00 CEST: the local time is kept
    ['2026-08-31T10:00:00Z', 6, '2026-02-28T11:00:00.000Z'],
    ['2026-11-22T12:00:00Z', 84, '2019-11-22T12:00:00.000Z'],
  ])('at %s, %i months back is %s', (now, months, expected) => {
    expect(retentionCutoff(new Date(now), months).toISOString()).toBe(expected);
  });
});
