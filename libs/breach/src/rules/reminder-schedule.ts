import { reminderInstants } from './breach-deadlines';
import { Obligation } from './notification-plan';

/**
 * When the incident handler (and, once overdue, the DPO) is reminded of an open deadline. Pure: the reminder
 * service asks this on every run and records each answer under a unique key, so it fires once.
 *
 * Client notices are grouped by their agreement hours: 10,000 clients with a 24-hour deadline are one deadline
 * for the handler, not 10,000 reminders.
 */
export interface DueReminder {
  /** `authority`, `nis2_early_warning`, … or `client_notice:24h`: unique per incident with the point. */
  deadlineKey: string;
  obligation: Exclude<Obligation['kind'], 'data_subjects'>;
  deadline: Date;
  /** The latest point reached; earlier points the run missed (the process was down) are not sent late. */
  point: number | 'overdue';
  escalate: boolean;
  agreementHours: number | null;
  openClients: number | null;
}

export function dueReminders(obligations: readonly Obligation[], start: Date | null, now: Date, fractions: readonly number[]): DueReminder[] {
  if (!start) return [];
  const groups = new Map<string, { obligation: DueReminder['obligation']; deadline: Date; agreementHours: number | null; open: number; start: Date }>();
  for (const obligation of obligations) {
    if (obligation.kind === 'data_subjects' || obligation.doneAt || !obligation.deadline) continue;
    const key = obligation.kind === 'client_notice' ? `client_notice:${obligation.agreementHours}h` : obligation.kind;
    const group = groups.get(key);
    if (group) group.open += 1;
    else {
      // The final report's clock starts at the incident notification, not at awareness.
      const from = obligation.startsAt ?? start;
      groups.set(key, { obligation: obligation.kind, deadline: obligation.deadline, agreementHours: obligation.agreementHours ?? null, open: 1, start: from });
    }
  }
  const due: DueReminder[] = [];
  for (const [deadlineKey, group] of groups) {
    const base = { deadlineKey, obligation: group.obligation, deadline: group.deadline, agreementHours: group.agreementHours, openClients: group.obligation === 'client_notice' ? group.open : null };
    if (now.getTime() > group.deadline.getTime()) {
      due.push({ ...base, point: 'overdue', escalate: true });
      continue;
    }
    if (group.deadline.getTime() <= group.start.getTime()) continue;
    const reached = reminderInstants(group.start, group.deadline, fractions)
      .map((instant, index) => ({ instant, fraction: [...fractions].sort((a, b) => a - b)[index] }))
      .filter(({ instant }) => instant.getTime() <= now.getTime());
    if (reached.length) due.push({ ...base, point: reached[reached.length - 1].fraction, escalate: false });
  }
  return due;
}
