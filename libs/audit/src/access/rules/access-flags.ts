import { DateTime } from 'luxon';
import { AccessAction } from '../access-entry.entity';

/** What the DPO wants to look at (issue: flags for the DPO). A bit set, so one integer column holds them. */
export enum AccessFlag {
  NoReason = 1,
  NoAgreementInForce = 2,
  OutsideWorkingHours = 4,
  SensitiveAction = 8,
}

export const ACCESS_FLAG_NAMES: Record<AccessFlag, string> = {
  [AccessFlag.NoReason]: 'no_reason',
  [AccessFlag.NoAgreementInForce]: 'no_agreement_in_force',
  [AccessFlag.OutsideWorkingHours]: 'outside_working_hours',
  [AccessFlag.SensitiveAction]: 'sensitive_action',
};

export type AccessFlagName = 'no_reason' | 'no_agreement_in_force' | 'outside_working_hours' | 'sensitive_action';
export const ACCESS_FLAG_NAME_LIST: readonly AccessFlagName[] = ['no_reason', 'no_agreement_in_force', 'outside_working_hours', 'sensitive_action'];

export interface WorkingHours {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Minutes after local midnight, start inclusive, end exclusive. */
  startMinute: number;
  endMinute: number;
  zone: string;
}

export interface AccessFacts {
  action: AccessAction;
  startedAt: Date;
  reason: string | null;
  /** Until the DPA lib exists: the client is active. Afterwards: an agreement is in force at startedAt. */
  agreementInForce: boolean;
}

/**
 * Pure. Access needs a purpose: the agreement allows staff access for support and functional management
 * (seeds, "Toegang medewerkers"), so an access without a ticket or request reference, to a client without an
 * agreement in force, at night, or that exports or deletes data, is what a DPO reviews (Art. 28(3)(a), 32(4)).
 */
export function accessFlags(facts: AccessFacts, hours: WorkingHours): number {
  let flags = 0;
  if (!facts.reason || facts.reason.trim() === '') flags |= AccessFlag.NoReason;
  if (!facts.agreementInForce) flags |= AccessFlag.NoAgreementInForce;
  if (!withinWorkingHours(facts.startedAt, hours)) flags |= AccessFlag.OutsideWorkingHours;
  if (facts.action === 'export' || facts.action === 'delete') flags |= AccessFlag.SensitiveAction;
  return flags;
}

export function withinWorkingHours(instant: Date, hours: WorkingHours): boolean {
  const local = new Date(instant.getTime() + offsetMinutes(instant, hours.zone) * 60_000);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  return hours.days.includes(weekday) && minute >= hours.startMinute && minute < hours.endMinute;
}

/**
 * The zone's UTC offset at an instant. Asking luxon (Intl) for each of 40,000 entries a second was a
 * measurable share of ingestion, so offsets are cached per UTC day; only on the two days a year when the
 * offset changes is it looked up per quarter hour (offsets only change on such boundaries).
 */
const offsetCache = new Map<string, number | null>();
function offsetMinutes(instant: Date, zone: string): number {
  const day = Math.floor(instant.getTime() / 86_400_000);
  const dayKey = `${zone}|d${day}`;
  let offset = offsetCache.get(dayKey);
  if (offset === undefined) {
    const startOfDay = zoneOffset(day * 86_400_000, zone);
    offset = startOfDay === zoneOffset(day * 86_400_000 + 86_399_999, zone) ? startOfDay : null;
    remember(dayKey, offset);
  }
  if (offset !== null) return offset;
  const slotKey = `${zone}|q${Math.floor(instant.getTime() / 900_000)}`;
  let exact = offsetCache.get(slotKey);
  if (exact === undefined || exact === null) {
    exact = zoneOffset(instant.getTime(), zone);
    remember(slotKey, exact);
  }
  return exact;
}

function zoneOffset(milliseconds: number, zone: string): number {
  return DateTime.fromMillis(milliseconds, { zone }).offset;
}

function remember(key: string, offset: number | null): void {
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, offset);
}

export function flagNames(flags: number): AccessFlagName[] {
  return ACCESS_FLAG_NAME_LIST.filter((_name, index) => (flags & (1 << index)) !== 0);
}

export function flagBit(name: AccessFlagName): number {
  return 1 << ACCESS_FLAG_NAME_LIST.indexOf(name);
}
