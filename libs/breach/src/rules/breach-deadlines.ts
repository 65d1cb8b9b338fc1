import { DateTime } from 'luxon';

/**
 * Legal deadlines of a breach (DOMAIN.md §3 and §5). Deadlines in hours are exact elapsed hours, so they are
 * computed on instants and a DST change in between moves the wall-clock time, not the deadline: 72 h after
 * 28 March 2026 10:00 CET is 31 March 2026 11:00 CEST. Months are calendar months in Dutch legal time.
 *
 * Pure: no Nest, no TypeORM, no I/O; the caller passes "now".
 */

const MS_PER_HOUR = 3_600_000;

/** Calendar months are counted where the processor and the AP/CSIRT are (Cyberbeveiligingswet). */
const LEGAL_TIME_ZONE = 'Europe/Amsterdam';

/** GDPR Art. 33(1): "not later than 72 hours after having become aware of it". */
export const AUTHORITY_NOTIFICATION_HOURS = 72;
/** Directive (EU) 2022/2555 (NIS2) Art. 23(4)(a): early warning "within 24 hours of becoming aware". */
export const NIS2_EARLY_WARNING_HOURS = 24;
/** Directive (EU) 2022/2555 (NIS2) Art. 23(4)(b): incident notification "within 72 hours of becoming aware". */
export const NIS2_INCIDENT_NOTIFICATION_HOURS = 72;
/** Directive (EU) 2022/2555 (NIS2) Art. 23(4)(d): final report "not later than one month after" point (b). */
export const NIS2_FINAL_REPORT_MONTHS = 1;

export const DEFAULT_REMINDER_FRACTIONS: readonly number[] = [0.5, 0.75, 0.9];

export type DeadlineStatus = 'on_time' | 'due_soon' | 'overdue';

/** Exact elapsed time: hours × 3 600 000 ms on the UTC time line, blind to DST by design (DOMAIN.md §5). */
export function addElapsedHours(start: Date, hours: number): Date {
  assertValidInstant(start, 'start');
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Hours must be a finite number ≥ 0, got ${hours}`);
  return new Date(start.getTime() + hours * MS_PER_HOUR);
}

/**
 * GDPR Art. 33(2): the processor notifies the controller "without undue delay"; the agreement
 * (verwerkersovereenkomst, Art. 28(3)(f)) fixes how many hours that is, counted from our awareness.
 */
export function processorToClientDeadline(awareness: Date, agreementHours: number): Date {
  if (!(agreementHours > 0)) throw new RangeError(`Agreement hours must be positive, got ${agreementHours}`);
  return addElapsedHours(awareness, agreementHours);
}

/** GDPR Art. 33(1): where we are the controller, notify the AP within 72 hours after awareness. */
export function authorityNotificationDeadline(awareness: Date): Date {
  return addElapsedHours(awareness, AUTHORITY_NOTIFICATION_HOURS);
}

/** NIS2 Art. 23(4)(a): early warning to the CSIRT within 24 hours of becoming aware of a significant incident. */
export function nis2EarlyWarningDeadline(awareness: Date): Date {
  return addElapsedHours(awareness, NIS2_EARLY_WARNING_HOURS);
}

/** NIS2 Art. 23(4)(b): incident notification within 72 hours of becoming aware of a significant incident. */
export function nis2IncidentNotificationDeadline(awareness: Date): Date {
  return addElapsedHours(awareness, NIS2_INCIDENT_NOTIFICATION_HOURS);
}

/**
 * NIS2 Art. 23(4)(d): final report one calendar month after the incident notification was submitted (not after
 * its deadline). Same wall-clock time one month later in Amsterdam; a day the month lacks is clamped to its last
 * day (31 January → 28 or 29 February), which is the earlier and so the safe reading.
 */
export function nis2FinalReportDeadline(incidentNotificationSubmitted: Date): Date {
  assertValidInstant(incidentNotificationSubmitted, 'incidentNotificationSubmitted');
  return DateTime.fromJSDate(incidentNotificationSubmitted, { zone: LEGAL_TIME_ZONE })
    .plus({ months: NIS2_FINAL_REPORT_MONTHS })
    .toJSDate();
}

/**
 * Still due at the deadline itself ("within 72 hours" includes the 72nd hour); overdue only after it.
 * due_soon when the time left is at most `dueSoonWithinMs`.
 */
export function deadlineStatus(deadline: Date, now: Date, dueSoonWithinMs: number): DeadlineStatus {
  assertValidInstant(deadline, 'deadline');
  assertValidInstant(now, 'now');
  if (!(dueSoonWithinMs >= 0)) throw new RangeError(`dueSoonWithinMs must be ≥ 0, got ${dueSoonWithinMs}`);
  const remainingMs = deadline.getTime() - now.getTime();
  if (remainingMs < 0) return 'overdue';
  if (remainingMs <= dueSoonWithinMs) return 'due_soon';
  return 'on_time';
}

/**
 * Instants at the given fractions of the time between start and deadline, in ascending order, whole
 * milliseconds. Fractions of elapsed time, like the deadline itself, so DST does not skew them.
 */
export function reminderInstants(
  start: Date,
  deadline: Date,
  fractions: readonly number[] = DEFAULT_REMINDER_FRACTIONS,
): Date[] {
  assertValidInstant(start, 'start');
  assertValidInstant(deadline, 'deadline');
  const spanMs = deadline.getTime() - start.getTime();
  if (spanMs <= 0) throw new RangeError('The deadline must be after the start');
  return [...fractions]
    .map(assertFraction)
    .sort((a, b) => a - b)
    .map((fraction) => new Date(start.getTime() + Math.round(spanMs * fraction)));
}

function assertFraction(fraction: number): number {
  if (!(fraction > 0 && fraction < 1)) {
    throw new RangeError(`Reminder fractions lie strictly between 0 and 1, got ${fraction}`);
  }
  return fraction;
}

function assertValidInstant(instant: Date, name: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${name} must be a valid instant, got ${String(instant)}`);
  }
}
