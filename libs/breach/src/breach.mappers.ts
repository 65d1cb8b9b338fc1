import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatInstant, formatOptionalInstant } from '@verwerker/platform';
import { ClientBreachNotice } from './incidents/incident.entity';
import { IncidentView } from './incidents/incident-view';
import { AuthorityDraft } from './incidents/drafts.service';
import { INCIDENT_STATES, IncidentState } from './rules/incident-lifecycle';

export class ObligationDto {
  @ApiProperty({ enum: ['client_notice', 'authority', 'data_subjects', 'nis2_early_warning', 'nis2_notification', 'nis2_final_report'] }) kind: string;
  @ApiProperty() recipient: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) clientId: string | null;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-31T11:00:00.000+02:00' }) deadline: string | null;
  @ApiProperty({ enum: ['on_time', 'due_soon', 'overdue', 'done', 'done_late', 'not_started', 'without_undue_delay'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) doneAt: string | null;
  @ApiPropertyOptional() agreementHours?: number;
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class AffectedClientDto {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ enum: ['service', 'subprocessor', 'manual'] }) origin: string;
  @ApiProperty() agreementHours: number;
  @ApiProperty({ enum: ['agreement', 'processor_default'] }) hoursSource: string;
  @ApiProperty({ type: String, nullable: true }) notifiedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedAt: string | null;
  @ApiProperty() notices: number;
}

export class IncidentResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INC-20261121-3FA2C1' }) reference: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: INCIDENT_STATES }) state: IncidentState;
  @ApiProperty() source: string;
  @ApiProperty() detectedAt: string;
  @ApiProperty({ type: String, nullable: true }) awareAt: string | null;
  @ApiProperty() handler: { name: string; email: string };
  @ApiProperty({ type: [String] }) affectedSystems: string[];
  @ApiProperty({ type: [String] }) affectedServices: string[];
  @ApiProperty({ type: [String] }) subprocessorIds: string[];
  @ApiProperty() ownData: boolean;
  @ApiProperty({ type: Object, nullable: true }) facts: object | null;
  @ApiProperty({ type: Object, nullable: true, description: 'The computed ENISA/EDPB assessment with every reason and its reference.' }) assessment: object | null;
  @ApiProperty({ type: Object, nullable: true, description: 'Staff override with its written reason, kept beside the computed outcome.' }) override: object | null;
  @ApiProperty({ type: Object, description: 'The effective decision and its reasons.' }) decision: object;
  @ApiProperty({ type: [ObligationDto], description: 'Whom to notify, on what basis, by when — derived now.' }) obligations: ObligationDto[];
  @ApiProperty() documentOnly: boolean;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ type: [AffectedClientDto] }) clients: AffectedClientDto[];
  @ApiProperty({ type: String, nullable: true }) notBreachReason: string | null;
  @ApiProperty({ type: Object }) authority: object;
  @ApiProperty({ type: String, nullable: true }) dataSubjectsCommunicatedAt: string | null;
  @ApiProperty({ type: Object }) nis2: object;
  @ApiProperty({ type: String, nullable: true }) closingNote: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ClientBreachNoticeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ description: '1 for the first notice, 2… for follow-ups (Art. 33(4)).' }) sequence: number;
  @ApiProperty({ format: 'uuid', description: 'The notice in `GET /notices` (with its PDF).' }) noticeId: string;
  @ApiProperty({ type: String, nullable: true }) deadline: string | null;
  @ApiProperty({ type: String, nullable: true }) changes: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedBy: string | null;
  @ApiProperty() createdAt: string;
}

export class NoticeRoundDto {
  @ApiProperty() notified: number;
  @ApiProperty({ type: IncidentResponseDto }) incident: IncidentResponseDto;
}

export class AuthorityDraftDto {
  @ApiProperty() reference: string;
  @ApiProperty({ type: String, nullable: true }) deadline: string | null;
  @ApiProperty({ description: 'Past 72 hours: the filing must give the reasons for the delay.' }) late: boolean;
  @ApiProperty({ type: String, nullable: true }) filedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) filingReference: string | null;
  @ApiProperty({ type: Object, isArray: true, description: 'In the order of the AP form; `missing` marks what is still to be filled in.' }) answers: object[];
  @ApiProperty({ type: [String] }) missing: string[];
  @ApiProperty({ type: [String] }) reasons: string[];
}

export function toIncidentResponse(view: IncidentView): IncidentResponseDto {
  const { incident, plan, assessment } = view;
  return {
    id: incident.id,
    reference: incident.reference,
    title: incident.title,
    description: incident.description,
    state: incident.state,
    source: incident.source,
    detectedAt: formatInstant(incident.detectedAt),
    awareAt: formatOptionalInstant(incident.awareAt),
    handler: { name: incident.handlerName, email: incident.handlerEmail },
    affectedSystems: incident.affectedSystems,
    affectedServices: incident.affectedServices,
    subprocessorIds: incident.subprocessorIds,
    ownData: incident.ownData,
    facts: incident.facts,
    assessment,
    override: incident.overrideRisk ? { risk: incident.overrideRisk, reason: incident.overrideReason, by: incident.overrideBy } : null,
    decision: plan.decision,
    obligations: plan.obligations.map((obligation) => ({
      kind: obligation.kind,
      recipient: obligation.recipient,
      clientId: obligation.clientId,
      legalBasis: obligation.legalBasis,
      deadline: formatOptionalInstant(obligation.deadline),
      status: obligation.status,
      doneAt: formatOptionalInstant(obligation.doneAt),
      ...(obligation.agreementHours !== undefined ? { agreementHours: obligation.agreementHours } : {}),
      reasons: obligation.reasons,
    })),
    documentOnly: plan.documentOnly,
    reasons: plan.reasons,
    clients: view.clients.map((client) => ({
      clientId: client.clientId,
      clientName: client.clientName,
      origin: client.origin,
      agreementHours: client.agreementHours,
      hoursSource: client.hoursSource,
      notifiedAt: formatOptionalInstant(client.notices[0]?.createdAt),
      acknowledgedAt: formatOptionalInstant(client.notices[0]?.acknowledgedAt),
      notices: client.notices.length,
    })),
    notBreachReason: incident.notBreachReason,
    authority: { filedAt: formatOptionalInstant(incident.authorityFiledAt), reference: incident.authorityReference, delayReason: incident.authorityDelayReason },
    dataSubjectsCommunicatedAt: formatOptionalInstant(incident.dataSubjectsCommunicatedAt),
    nis2: { entity: view.nis2Entity, significant: incident.nis2Significant, earlyWarningAt: formatOptionalInstant(incident.nis2EarlyWarningAt), notificationAt: formatOptionalInstant(incident.nis2NotificationAt), finalReportAt: formatOptionalInstant(incident.nis2FinalReportAt) },
    closingNote: incident.closingNote,
    createdAt: formatInstant(incident.createdAt),
    updatedAt: formatInstant(incident.updatedAt),
  };
}

export function toClientBreachNoticeResponse(notice: ClientBreachNotice): ClientBreachNoticeDto {
  return {
    id: notice.id,
    incidentId: notice.incidentId,
    clientId: notice.clientId,
    sequence: notice.sequence,
    noticeId: notice.noticeId,
    deadline: formatOptionalInstant(notice.deadlineAt),
    changes: notice.changes,
    acknowledgedAt: formatOptionalInstant(notice.acknowledgedAt),
    acknowledgedBy: notice.acknowledgedBy,
    createdAt: formatInstant(notice.createdAt),
  };
}

export function toAuthorityDraftResponse(draft: AuthorityDraft): AuthorityDraftDto {
  return { ...draft, deadline: formatOptionalInstant(draft.deadline), filedAt: formatOptionalInstant(draft.filedAt) };
}
