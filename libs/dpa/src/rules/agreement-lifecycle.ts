/**
 * The life of one version of a processor agreement (verwerkersovereenkomst), GDPR Art. 28 and DOMAIN §1:
 * draft → sent → accepted → superseded | terminated. A sent version that is replaced before the client accepts it
 * is withdrawn. Pure: no Nest, no TypeORM, no clock (the caller passes the instants).
 */
export type VersionStatus = 'draft' | 'sent' | 'accepted' | 'superseded' | 'terminated' | 'withdrawn';

export const VERSION_STATUSES: readonly VersionStatus[] = ['draft', 'sent', 'accepted', 'superseded', 'terminated', 'withdrawn'];

export type VersionAction = 'edit' | 'send' | 'accept' | 'supersede' | 'withdraw' | 'terminate';

/** Which status each action needs. A version is editable only as a draft: once sent, its content is evidence. */
const ALLOWED_FROM: Record<VersionAction, readonly VersionStatus[]> = {
  edit: ['draft'],
  send: ['draft'],
  accept: ['sent'],
  // A newer version accepted by the client replaces the one in force (Art. 28(9): the agreement in writing).
  supersede: ['accepted'],
  // A newer version sent, or the agreement terminated, before the client accepted this one.
  withdraw: ['draft', 'sent'],
  terminate: ['accepted'],
};

const RESULT: Record<VersionAction, VersionStatus> = {
  edit: 'draft',
  send: 'sent',
  accept: 'accepted',
  supersede: 'superseded',
  withdraw: 'withdrawn',
  terminate: 'terminated',
};

export type TransitionOutcome = { allowed: true; next: VersionStatus } | { allowed: false; reason: string };

export function transition(status: VersionStatus, action: VersionAction): TransitionOutcome {
  if (ALLOWED_FROM[action].includes(status)) return { allowed: true, next: RESULT[action] };
  return { allowed: false, reason: `A ${status} version cannot be ${PAST[action]}; only a ${ALLOWED_FROM[action].join(' or ')} version can.` };
}

const PAST: Record<VersionAction, string> = {
  edit: 'edited (make a new version instead)',
  send: 'sent',
  accept: 'accepted',
  supersede: 'superseded',
  withdraw: 'withdrawn',
  terminate: 'terminated',
};

/** The instants that decide whether a version was the agreement in force at a moment. */
export interface VersionPeriod {
  acceptedAt: Date | null;
  supersededAt: Date | null;
  terminatedAt: Date | null;
}

/**
 * In force from the client's acceptance until it is superseded or terminated (end exclusive). Evaluated at a moment,
 * so a breach or an access can be judged against the agreement that applied then, not the one that applies now.
 */
export function isInForceAt(version: VersionPeriod, at: Date): boolean {
  if (!version.acceptedAt || version.acceptedAt.getTime() > at.getTime()) return false;
  const end = earliest(version.supersededAt, version.terminatedAt);
  return end === null || end.getTime() > at.getTime();
}

function earliest(...instants: Array<Date | null>): Date | null {
  const present = instants.filter((instant): instant is Date => instant !== null);
  return present.length ? new Date(Math.min(...present.map((instant) => instant.getTime()))) : null;
}

/** Whole days a sent version has been waiting for acceptance, and whether that is past the reminder threshold. */
export function acceptanceOverdue(sentAt: Date, now: Date, reminderAfterDays: number): boolean {
  return now.getTime() - sentAt.getTime() >= reminderAfterDays * 86_400_000;
}

/**
 * Art. 28(3)(g): after the end of the service the processor deletes or returns the data. The due date is a calendar
 * date (YYYY-MM-DD, Amsterdam); it is past once that whole day has passed, i.e. from the next calendar day.
 */
export function isPastDue(dueOn: string, today: string): boolean {
  return today > dueOn;
}

export function isDue(dueOn: string, today: string): boolean {
  return today >= dueOn;
}
