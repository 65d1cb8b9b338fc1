import { DateTime } from 'luxon';

/**
 * The sub-processor change procedure of Art. 28(2) GDPR (DOMAIN.md §2), as pure functions: who is affected,
 * whether the notice period respects every client's objection period, and what applies to each client on the
 * effective date.
 */

export type Authorisation = 'general' | 'specific';
export type ChangeKind = 'addition' | 'replacement' | 'removal';
export type ClientResponse = 'none' | 'objected' | 'approved';
export type StaffDecision = 'proceed' | 'keep_off' | 'end_service' | 'withdraw';

export interface ClientTerms {
  clientId: string;
  clientName: string;
  /** The services the client uses under its agreement in force. */
  services: readonly string[];
  authorisation: Authorisation;
  objectionPeriodDays: number;
}

/** A sub-processor touches a client's data when it provides a service the client uses (DOMAIN.md §1). */
export function affectedClients<T extends ClientTerms>(clients: readonly T[], subprocessorServices: readonly string[]): T[] {
  const services = new Set(subprocessorServices.map(normaliseService));
  return clients.filter((client) => client.services.some((service) => services.has(normaliseService(service))));
}

export function normaliseService(service: string): string {
  return service.trim().toLowerCase();
}

export interface NoticePeriodViolation {
  clientId: string;
  clientName: string;
  objectionPeriodDays: number;
  /** The earliest effective date this client's objection period allows. */
  earliestEffectiveAt: Date;
}

/**
 * Art. 28(2): under general authorisation the client must get the chance to object before the change takes
 * effect, so the effective date may not fall inside its objection period counted from the announcement.
 * Days are calendar days in Europe/Amsterdam (DOMAIN.md §5). Under specific authorisation the change waits for
 * approval anyway; a removal needs no objection window.
 */
export function noticePeriodViolations(kind: ChangeKind, clients: readonly ClientTerms[], announcedAt: Date, effectiveAt: Date): NoticePeriodViolation[] {
  if (kind === 'removal') return [];
  return clients
    .filter((client) => client.authorisation === 'general')
    .map((client) => ({ client, earliestEffectiveAt: objectionDeadline(announcedAt, client.objectionPeriodDays) }))
    .filter(({ earliestEffectiveAt }) => effectiveAt < earliestEffectiveAt)
    .map(({ client, earliestEffectiveAt }) => ({
      clientId: client.clientId,
      clientName: client.clientName,
      objectionPeriodDays: client.objectionPeriodDays,
      earliestEffectiveAt,
    }));
}

export function objectionDeadline(announcedAt: Date, objectionPeriodDays: number): Date {
  return DateTime.fromJSDate(announcedAt, { zone: 'Europe/Amsterdam' }).plus({ days: objectionPeriodDays }).toJSDate();
}

export interface ClientOutcome {
  applies: boolean;
  rule: 'general_no_objection' | 'general_objection_overruled' | 'general_objection_kept_off' | 'general_objection_undecided' | 'specific_approved' | 'specific_not_approved' | 'service_ended' | 'removal';
  reason: string;
}

/**
 * What the change means for one client on the effective date. An objection the processor has not decided
 * keeps the client off: the change may not be forced on a client whose objection is unanswered.
 */
export function outcomeForClient(kind: ChangeKind, authorisation: Authorisation, response: ClientResponse, decision: StaffDecision | null): ClientOutcome {
  if (kind === 'removal') return { applies: true, rule: 'removal', reason: 'A removal applies to every client (Art. 28(2): announced, no objection needed).' };
  if (decision === 'end_service') return { applies: false, rule: 'service_ended', reason: 'The processor ends the service for this client instead of applying the change.' };
  if (authorisation === 'specific') {
    return response === 'approved'
      ? { applies: true, rule: 'specific_approved', reason: 'The client gave its specific written authorisation (Art. 28(2)).' }
      : { applies: false, rule: 'specific_not_approved', reason: 'Specific authorisation: without the client’s written approval the change does not apply to it (Art. 28(2)).' };
  }
  if (response !== 'objected') return { applies: true, rule: 'general_no_objection', reason: 'General authorisation, informed in time, no objection (Art. 28(2)).' };
  if (decision === 'proceed') return { applies: true, rule: 'general_objection_overruled', reason: 'The client objected; the processor decided to proceed (the client may end the service).' };
  if (decision === 'keep_off') return { applies: false, rule: 'general_objection_kept_off', reason: 'The client objected; the processor keeps this client off the new sub-processor.' };
  return { applies: false, rule: 'general_objection_undecided', reason: 'The client objected and the processor has not decided: the client is kept off until it does.' };
}

/** Clients may respond until the effective date; afterwards the change has happened (DOMAIN.md §2). */
export function responseWindowOpen(kind: ChangeKind, now: Date, effectiveAt: Date): boolean {
  return kind !== 'removal' && now < effectiveAt;
}
