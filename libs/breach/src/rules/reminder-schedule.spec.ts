import { Obligation } from './notification-plan';
import { dueReminders } from './reminder-schedule';

const HOUR = 3_600_000;
const aware = new Date('2026-10-24T01:00:00Z'); // 03:00 CEST on a Saturday; summer time ends the next night
const at = (hours: number) => new Date(aware.getTime() + hours * HOUR);
const clientNotice = (hours: number, doneAt: Date | null = null): Obligation => ({
  kind: 'client_notice', recipient: 'c', clientId: 'c', legalBasis: 'GDPR Art. 33(2)', deadline: at(hours), status: 'on_time', doneAt, agreementHours: hours, reasons: [],
});
const FRACTIONS = [0.5, 0.75, 0.9];

describe('dueReminders: reminders at fractions of each deadline, overdue escalated to the DPO', () => {
  it.each<[string, number, Array<[string, number | 'overdue', boolean]>]>([
    ['nothing before half of the time has passed', 11.9, []],
    ['50 % of 24 h', 12, [['client_notice:24h', 0.5, false]]],
    ['the latest point only when a run comes late (75 % of 24 h passed, 90 % not yet)', 21, [['client_notice:24h', 0.75, false]]],
    ['90 % of 24 h, and 50 % of 48 h (elapsed hours, DOMAIN.md §5)', 24, [['client_notice:24h', 0.9, false], ['client_notice:48h', 0.5, false]]],
    ['one second before the deadline: 90 %, not yet overdue', 24 - 1 / 3600, [['client_notice:24h', 0.9, false]]],
    ['overdue after the 24-hour deadline: escalated', 24.01, [['client_notice:24h', 'overdue', true], ['client_notice:48h', 0.5, false]]],
  ])('%s', (_case, hours, expected) => {
    const due = dueReminders([clientNotice(24), clientNotice(24), clientNotice(48)], aware, at(hours), FRACTIONS);
    expect(due.map((reminder) => [reminder.deadlineKey, reminder.point, reminder.escalate])).toEqual(expected);
  });

  it('groups clients with the same agreement hours and counts those still open; done ones need no reminder', () => {
    const due = dueReminders([clientNotice(24), clientNotice(24, at(1)), clientNotice(24)], aware, at(12), FRACTIONS);
    expect(due).toEqual([expect.objectContaining({ deadlineKey: 'client_notice:24h', openClients: 2 })]);
    expect(dueReminders([clientNotice(24, at(1))], aware, at(30), FRACTIONS)).toEqual([]);
  });

  it('NIS2 Art. 23(4)(d): the final report is reminded from the incident notification, not from awareness', () => {
    const notifiedAt = at(48);
    const finalReport: Obligation = { kind: 'nis2_final_report', recipient: 'CSIRT', clientId: null, legalBasis: 'NIS2 Art. 23(4)(d)', deadline: at(48 + 30 * 24), status: 'on_time', doneAt: null, startsAt: notifiedAt, reasons: [] };
    expect(dueReminders([finalReport], aware, at(48 + 14 * 24), FRACTIONS)).toEqual([]);
    expect(dueReminders([finalReport], aware, at(48 + 15 * 24), FRACTIONS)).toEqual([expect.objectContaining({ deadlineKey: 'nis2_final_report', point: 0.5 })]);
  });

  it('no awareness, no reminders (the clock has not started)', () => {
    expect(dueReminders([clientNotice(24)], null, at(30), FRACTIONS)).toEqual([]);
  });
});
