import { BreachAssessment } from './assess-breach';
import {
  authorityNotificationDeadline,
  deadlineStatus,
  DeadlineStatus,
  nis2EarlyWarningDeadline,
  nis2FinalReportDeadline,
  nis2IncidentNotificationDeadline,
  processorToClientDeadline,
} from './breach-deadlines';
import { IncidentState, isBreachState } from './incident-lifecycle';

/**
 * Whom to notify, by when, and why (DOMAIN.md §3): derived from the incident, the clients' agreement hours and
 * "now" on every read, never stored, so a changed fact or a moved clock changes the answer at once.
 * Pure: no Nest, no TypeORM, no I/O.
 */
export type ObligationKind = 'client_notice' | 'authority' | 'data_subjects' | 'nis2_early_warning' | 'nis2_notification' | 'nis2_final_report';

/** `not_started`: the clock starts at awareness (or, for the NIS2 final report, at the incident notification). */
export type ObligationStatus = DeadlineStatus | 'done' | 'done_late' | 'not_started' | 'without_undue_delay';

export interface Obligation {
  kind: ObligationKind;
  /** Who receives it: the client's name, "Autoriteit Persoonsgegevens", "data subjects", "CSIRT". */
  recipient: string;
  clientId: string | null;
  legalBasis: string;
  deadline: Date | null;
  status: ObligationStatus;
  doneAt: Date | null;
  /** For a client notice: the agreement hours and where they came from. */
  agreementHours?: number;
  /** When the clock of this deadline started, where it is not awareness (the NIS2 final report: the notification). */
  startsAt?: Date;
  reasons: string[];
}

export type RiskLevel = BreachAssessment['risk'];

export interface AffectedClientInput {
  clientId: string;
  clientName: string;
  agreementHours: number;
  hoursSource: 'agreement' | 'processor_default';
  notifiedAt: Date | null;
}

export interface PlanInput {
  state: IncidentState;
  awareAt: Date | null;
  ownData: boolean;
  clients: readonly AffectedClientInput[];
  assessment: BreachAssessment | null;
  override: { risk: RiskLevel; reason: string } | null;
  authorityFiledAt: Date | null;
  dataSubjectsCommunicatedAt: Date | null;
  nis2: { entity: boolean; significant: boolean; earlyWarningAt: Date | null; notificationAt: Date | null; finalReportAt: Date | null };
  now: Date;
  dueSoonWithinMs: number;
}

export interface EffectiveDecision {
  risk: RiskLevel | null;
  notifyAuthority: boolean | null;
  communicateDataSubjects: boolean | null;
  source: 'assessment' | 'override' | 'none';
  reasons: string[];
}

export interface NotificationPlan {
  decision: EffectiveDecision;
  obligations: Obligation[];
  /** No notice is required: the breach is documented in the register only (Art. 33(5)). */
  documentOnly: boolean;
  /** Every required obligation is done. */
  complete: boolean;
  reasons: string[];
}

const AP = 'Autoriteit Persoonsgegevens';

/** Staff may override the computed outcome with a written reason; both are kept and shown (DOMAIN.md §3). */
export function effectiveDecision(assessment: BreachAssessment | null, override: PlanInput['override']): EffectiveDecision {
  if (override) {
    return {
      risk: override.risk,
      notifyAuthority: override.risk !== 'unlikely',
      communicateDataSubjects: override.risk === 'high',
      source: 'override',
      reasons: [`Outcome overridden by staff to "${override.risk}": ${override.reason}${assessment ? ` (computed: "${assessment.risk}")` : ''}.`],
    };
  }
  if (!assessment) return { risk: null, notifyAuthority: null, communicateDataSubjects: null, source: 'none', reasons: ['No facts recorded yet: the risk is not assessed.'] };
  return {
    risk: assessment.risk,
    notifyAuthority: assessment.notifyAuthority,
    communicateDataSubjects: assessment.communicateDataSubjects,
    source: 'assessment',
    reasons: assessment.reasons.filter((reason) => reason.rule.startsWith('decision.') || reason.rule.startsWith('risk.')).map((reason) => `${reason.text} (${reason.reference})`),
  };
}

export function planNotifications(input: PlanInput): NotificationPlan {
  const decision = effectiveDecision(input.assessment, input.override);
  if (!isBreachState(input.state)) {
    const why = input.state === 'not_a_breach'
      ? 'Not a personal data breach: nothing to notify; kept in the register with the reason (Art. 33(5)).'
      : 'Awareness is not recorded yet: the Art. 33 clocks start when there is reasonable certainty that personal data was compromised (EDPB Guidelines 9/2022, §31–33).';
    return { decision, obligations: [], documentOnly: input.state === 'not_a_breach', complete: input.state === 'not_a_breach', reasons: [why] };
  }
  const aware = input.awareAt;
  const obligations: Obligation[] = [
    ...input.clients.map((client) => clientObligation(client, aware, input)),
    ...(input.ownData ? controllerObligations(decision, aware, input) : []),
    ...nis2Obligations(aware, input),
  ];
  const reasons: string[] = [];
  if (input.clients.length) reasons.push(`${input.clients.length} client(s) whose data is affected: each is notified whatever the risk (GDPR Art. 33(2)).`);
  else reasons.push('No client data is affected: there is no client to notify (GDPR Art. 33(2)).');
  if (!input.ownData) reasons.push('None of our own (controller) data is affected: no notification to the AP or data subjects by us; the clients decide for their data.');
  reasons.push(...decision.reasons);
  const required = obligations.filter((obligation) => obligation.kind !== 'data_subjects' || decision.communicateDataSubjects === true);
  const documentOnly = required.length === 0;
  if (documentOnly) reasons.push('Document only: no notice is required; the breach and this reasoning are kept in the register (GDPR Art. 33(5)).');
  return { decision, obligations, documentOnly, complete: required.every((obligation) => obligation.doneAt !== null), reasons };
}

function clientObligation(client: AffectedClientInput, aware: Date | null, input: PlanInput): Obligation {
  const deadline = aware ? processorToClientDeadline(aware, client.agreementHours) : null;
  return {
    kind: 'client_notice',
    recipient: client.clientName,
    clientId: client.clientId,
    legalBasis: 'GDPR Art. 33(2); the processor agreement (Art. 28(3)(f))',
    deadline,
    status: statusOf(deadline, client.notifiedAt, input),
    doneAt: client.notifiedAt,
    agreementHours: client.agreementHours,
    reasons: [
      `Their data is affected: notify without undue delay, whatever the risk (Art. 33(2)); ${client.agreementHours} hours after awareness ${client.hoursSource === 'agreement' ? 'under their processor agreement' : 'by the processor’s default terms (no agreement in force sets the hours)'}.`,
    ],
  };
}

function controllerObligations(decision: EffectiveDecision, aware: Date | null, input: PlanInput): Obligation[] {
  const result: Obligation[] = [];
  if (decision.notifyAuthority !== false || input.authorityFiledAt) {
    const deadline = aware ? authorityNotificationDeadline(aware) : null;
    const reasons = decision.notifyAuthority === null
      ? ['Our own data is affected and the risk is not assessed yet: the 72 hours run meanwhile (Art. 33(1)).']
      : ['Our own (controller) data, likely to result in a risk to people: notify the AP within 72 hours of awareness (Art. 33(1)).'];
    if (deadline && !input.authorityFiledAt && input.now.getTime() > deadline.getTime()) reasons.push('Later than 72 hours: the notification must give the reasons for the delay (Art. 33(1)).');
    if (deadline && input.authorityFiledAt && input.authorityFiledAt.getTime() > deadline.getTime()) reasons.push('Filed after 72 hours, with the reasons for the delay (Art. 33(1)).');
    result.push({ kind: 'authority', recipient: AP, clientId: null, legalBasis: 'GDPR Art. 33(1)', deadline, status: statusOf(deadline, input.authorityFiledAt, input), doneAt: input.authorityFiledAt, reasons });
  }
  if (decision.communicateDataSubjects || input.dataSubjectsCommunicatedAt) {
    result.push({
      kind: 'data_subjects',
      recipient: 'data subjects',
      clientId: null,
      legalBasis: 'GDPR Art. 34(1)–(2)',
      deadline: null,
      status: input.dataSubjectsCommunicatedAt ? 'done' : 'without_undue_delay',
      doneAt: input.dataSubjectsCommunicatedAt,
      reasons: ['Likely to result in a high risk to their rights and freedoms: communicate to them without undue delay, in clear and plain language (Art. 34(1)–(2)).'],
    });
  }
  return result;
}

/** NIS2 Art. 23(4): a separate track, personal data or not, when we are a NIS2 entity and staff mark the incident significant. */
function nis2Obligations(aware: Date | null, input: PlanInput): Obligation[] {
  const { entity, significant, earlyWarningAt, notificationAt, finalReportAt } = input.nis2;
  if (!entity || !significant) return [];
  const early = aware ? nis2EarlyWarningDeadline(aware) : null;
  const notification = aware ? nis2IncidentNotificationDeadline(aware) : null;
  const final = notificationAt ? nis2FinalReportDeadline(notificationAt) : null;
  const basis = 'Directive (EU) 2022/2555 (NIS2) Art. 23(4); Cyberbeveiligingswet';
  return [
    { kind: 'nis2_early_warning', recipient: 'CSIRT', clientId: null, legalBasis: `${basis}(a)`, deadline: early, status: statusOf(early, earlyWarningAt, input), doneAt: earlyWarningAt, reasons: ['Significant incident at a NIS2 entity: early warning within 24 hours of awareness.'] },
    { kind: 'nis2_notification', recipient: 'CSIRT', clientId: null, legalBasis: `${basis}(b)`, deadline: notification, status: statusOf(notification, notificationAt, input), doneAt: notificationAt, reasons: ['Incident notification within 72 hours of awareness.'] },
    {
      kind: 'nis2_final_report',
      recipient: 'CSIRT',
      clientId: null,
      legalBasis: `${basis}(d)`,
      deadline: final,
      status: final ? statusOf(final, finalReportAt, input) : finalReportAt ? 'done' : 'not_started',
      doneAt: finalReportAt,
      ...(notificationAt ? { startsAt: notificationAt } : {}),
      reasons: ['Final report one calendar month after the incident notification was submitted.'],
    },
  ];
}

function statusOf(deadline: Date | null, doneAt: Date | null, input: PlanInput): ObligationStatus {
  if (doneAt) return deadline && doneAt.getTime() > deadline.getTime() ? 'done_late' : 'done';
  if (!deadline) return 'not_started';
  return deadlineStatus(deadline, input.now, input.dueSoonWithinMs);
}
