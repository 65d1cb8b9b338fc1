import { DateTime } from 'luxon';
import {
  addElapsedHours,
  authorityNotificationDeadline,
  deadlineStatus,
  DeadlineStatus,
  nis2EarlyWarningDeadline,
  nis2FinalReportDeadline,
  nis2IncidentNotificationDeadline,
  processorToClientDeadline,
  reminderInstants,
} from './breach-deadlines';

/** Rows are written in Amsterdam time with the offset, as people and the AP read them (DOMAIN.md §5). */
const at = (isoWithOffset: string): Date => new Date(isoWithOffset);
const inAmsterdam = (instant: Date): string =>
  DateTime.fromJSDate(instant, { zone: 'Europe/Amsterdam' }).toISO({ suppressMilliseconds: true }) ?? 'invalid';

const HOUR = 3_600_000;

describe('breach deadlines', () => {
  describe('deadlines in hours are exact elapsed hours (DOMAIN.md §5)', () => {
    it.each<[string, (awareness: Date) => Date, string, string]>([
      [
        'GDPR Art. 33(1), DOMAIN.md §5: 72 h across the March DST start, CET → CEST',
        authorityNotificationDeadline,
        '2026-03-28T10:00:00+01:00',
        '2026-03-31T11:00:00+02:00',
      ],
      [
        'GDPR Art. 33(1): 72 h across the October DST end, CEST → CET',
        authorityNotificationDeadline,
        '2026-10-23T10:00:00+02:00',
        '2026-10-26T09:00:00+01:00',
      ],
      [
        'GDPR Art. 33(1): 72 h without a DST change keeps the wall-clock time',
        authorityNotificationDeadline,
        '2026-06-01T10:00:00+02:00',
        '2026-06-04T10:00:00+02:00',
      ],
      [
        'NIS2 Directive 2022/2555 Art. 23(4)(a): early warning 24 h, across the March DST start',
        nis2EarlyWarningDeadline,
        '2026-03-28T10:00:00+01:00',
        '2026-03-29T11:00:00+02:00',
      ],
      [
        'NIS2 Directive 2022/2555 Art. 23(4)(a): early warning 24 h, awareness in the repeated October hour',
        nis2EarlyWarningDeadline,
        '2026-10-25T02:30:00+02:00',
        '2026-10-26T01:30:00+01:00',
      ],
      [
        'NIS2 Directive 2022/2555 Art. 23(4)(b): incident notification 72 h, across the October DST end',
        nis2IncidentNotificationDeadline,
        '2026-10-23T10:00:00+02:00',
        '2026-10-26T09:00:00+01:00',
      ],
      [
        'GDPR Art. 33(2): processor → client, agreement says 24 h, across the March DST start',
        (awareness) => processorToClientDeadline(awareness, 24),
        '2026-03-28T22:00:00+01:00',
        '2026-03-29T23:00:00+02:00',
      ],
      [
        'GDPR Art. 33(2): processor → client, agreement says 36 h, across the October DST end',
        (awareness) => processorToClientDeadline(awareness, 36),
        '2026-10-24T12:00:00+02:00',
        '2026-10-25T23:00:00+01:00',
      ],
    ])('%s: %s → %s', (_description, deadlineFor, awareness, expected) => {
      const sut = deadlineFor(at(awareness));

      expect(inAmsterdam(sut)).toBe(expected);
    });

    it('DOMAIN.md §5: the deadline is exactly hours × 3 600 000 ms after the start', () => {
      const awareness = at('2026-03-28T10:00:00+01:00');

      const sut = authorityNotificationDeadline(awareness);

      expect(sut.getTime() - awareness.getTime()).toBe(72 * HOUR);
    });

    it.each<[string, () => unknown]>([
      ['GDPR Art. 33(2): an agreement cannot allow 0 hours', () => processorToClientDeadline(new Date(), 0)],
      ['GDPR Art. 33(2): agreement hours must be a number', () => processorToClientDeadline(new Date(), NaN)],
      ['DOMAIN.md §5: an invalid instant is refused, not turned into NaN', () => addElapsedHours(new Date('x'), 1)],
      ['DOMAIN.md §5: negative hours are refused', () => addElapsedHours(new Date(), -1)],
    ])('%s', (_description, call) => {
      expect(call).toThrow(RangeError);
    });
  });

  describe('NIS2 final report: one calendar month after the incident notification (Art. 23(4)(d))', () => {
    it.each<[string, string, string]>([
      [
        'NIS2 Art. 23(4)(d): same day and time next month',
        '2026-05-12T15:30:00+02:00',
        '2026-06-12T15:30:00+02:00',
      ],
      [
        'NIS2 Art. 23(4)(d): month-end clamping, 31 January → 28 February (2026)',
        '2026-01-31T10:00:00+01:00',
        '2026-02-28T10:00:00+01:00',
      ],
      [
        'NIS2 Art. 23(4)(d): month-end clamping, 31 January → 29 February in a leap year (2028)',
        '2028-01-31T10:00:00+01:00',
        '2028-02-29T10:00:00+01:00',
      ],
      [
        'NIS2 Art. 23(4)(d): month-end clamping, 31 March → 30 April',
        '2026-03-31T09:00:00+02:00',
        '2026-04-30T09:00:00+02:00',
      ],
      [
        'NIS2 Art. 23(4)(d), DOMAIN.md §5: a calendar month keeps the Amsterdam wall clock across the March DST start',
        '2026-03-10T10:00:00+01:00',
        '2026-04-10T10:00:00+02:00',
      ],
      [
        'NIS2 Art. 23(4)(d), DOMAIN.md §5: a calendar month keeps the Amsterdam wall clock across the October DST end',
        '2026-10-10T10:00:00+02:00',
        '2026-11-10T10:00:00+01:00',
      ],
      [
        'NIS2 Art. 23(4)(d): late evening of 31 December → 31 January, across the year end',
        '2026-12-31T23:30:00+01:00',
        '2027-01-31T23:30:00+01:00',
      ],
      [
        'NIS2 Art. 23(4)(d): the month is counted in Amsterdam, not UTC (00:30 on 1 March is 28 February in UTC)',
        '2026-03-01T00:30:00+01:00',
        '2026-04-01T00:30:00+02:00',
      ],
    ])('%s: %s → %s', (_description, submitted, expected) => {
      const sut = nis2FinalReportDeadline(at(submitted));

      expect(inAmsterdam(sut)).toBe(expected);
    });
  });

  describe('deadlineStatus', () => {
    const deadline = at('2026-03-31T11:00:00+02:00');
    const sixHours = 6 * HOUR;

    it.each<[string, string, DeadlineStatus]>([
      ['GDPR Art. 33(1): well before the deadline', '2026-03-29T11:00:00+02:00', 'on_time'],
      ['GDPR Art. 33(1): one millisecond more than the warning window left', '2026-03-31T04:59:59.999+02:00', 'on_time'],
      ['GDPR Art. 33(1): exactly the warning window left', '2026-03-31T05:00:00+02:00', 'due_soon'],
      ['GDPR Art. 33(1): "within 72 hours" still holds at the deadline itself', '2026-03-31T11:00:00+02:00', 'due_soon'],
      [
        'GDPR Art. 33(1): one millisecond late (the notification must then give reasons for the delay)',
        '2026-03-31T11:00:00.001+02:00',
        'overdue',
      ],
      ['GDPR Art. 33(1): days late', '2026-04-03T11:00:00+02:00', 'overdue'],
    ])('%s (now %s) → %s', (_description, now, expected) => {
      expect(deadlineStatus(deadline, at(now), sixHours)).toBe(expected);
    });

    it('GDPR Art. 33(1): a zero warning window goes from on_time straight to due at the deadline', () => {
      expect(deadlineStatus(deadline, at('2026-03-31T10:59:59+02:00'), 0)).toBe('on_time');
      expect(deadlineStatus(deadline, deadline, 0)).toBe('due_soon');
    });
  });

  describe('reminderInstants', () => {
    it.each<[string, string, string, number[] | undefined, string[]]>([
      [
        'GDPR Art. 33(1): default reminders at 50 %, 75 %, 90 % of 72 h, across the March DST start',
        '2026-03-28T10:00:00+01:00',
        '2026-03-31T11:00:00+02:00',
        undefined,
        ['2026-03-29T23:00:00+02:00', '2026-03-30T17:00:00+02:00', '2026-03-31T03:48:00+02:00'],
      ],
      [
        'NIS2 Art. 23(4)(a): reminders on the 24 h early warning, across the October DST end',
        '2026-10-24T12:00:00+02:00',
        '2026-10-25T11:00:00+01:00',
        [0.5, 0.75],
        ['2026-10-25T00:00:00+02:00', '2026-10-25T05:00:00+01:00'],
      ],
      [
        'GDPR Art. 33(2): fractions are returned in ascending order whatever order they were given in',
        '2026-06-01T00:00:00+02:00',
        '2026-06-02T00:00:00+02:00',
        [0.75, 0.25],
        ['2026-06-01T06:00:00+02:00', '2026-06-01T18:00:00+02:00'],
      ],
      ['GDPR Art. 33(2): no fractions, no reminders', '2026-06-01T00:00:00+02:00', '2026-06-02T00:00:00+02:00', [], []],
    ])('%s', (_description, start, deadline, fractions, expected) => {
      const sut = reminderInstants(at(start), at(deadline), fractions);

      expect(sut.map(inAmsterdam)).toEqual(expected);
    });

    const monday = at('2026-06-01T00:00Z');
    const tuesday = at('2026-06-02T00:00Z');

    it.each<[string, () => unknown]>([
      ['a deadline before the start has no reminders to give', () => reminderInstants(tuesday, monday)],
      ['a fraction of 1 is the deadline itself, not a reminder', () => reminderInstants(monday, tuesday, [1])],
      ['a fraction of 0 is the start itself, not a reminder', () => reminderInstants(monday, tuesday, [0])],
    ])('GDPR Art. 33(1): %s', (_description, call) => {
      expect(call).toThrow(RangeError);
    });
  });
});
