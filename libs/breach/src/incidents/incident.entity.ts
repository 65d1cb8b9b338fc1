import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IncidentFacts } from '../rules/incident-facts';
import { IncidentState } from '../rules/incident-lifecycle';
import { RiskLevel } from '../rules/notification-plan';

export type IncidentSource = 'staff' | 'control_panel' | 'subprocessor';
export const INCIDENT_SOURCES: readonly IncidentSource[] = ['staff', 'control_panel', 'subprocessor'];

/**
 * A security incident, breach or not (Art. 33(5) keeps both). Deadlines and the whom-to-notify list are not
 * stored: they are derived from these facts, the clients' agreements and the clock on every read.
 */
@Entity({ name: 'breach_incident' })
@Index('uq_breach_incident_reference', ['reference'], { unique: true })
@Index('ix_breach_incident_created', ['createdAt', 'id'])
export class Incident {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 40 })
  reference: string;

  @Column('varchar', { length: 300 })
  title: string;

  @Column('text')
  description: string;

  @Column('varchar', { length: 20 })
  state: IncidentState;

  @Column('varchar', { length: 20 })
  source: IncidentSource;

  @Column({ type: Date, name: 'detected_at' })
  detectedAt: Date;

  /** Reasonable certainty that personal data was compromised: the Art. 33 clocks start here. */
  @Column({ type: Date, name: 'aware_at', nullable: true })
  awareAt: Date | null;

  @Column('varchar', { name: 'handler_name', length: 200 })
  handlerName: string;

  @Column('varchar', { name: 'handler_email', length: 320 })
  handlerEmail: string;

  @Column('json', { name: 'affected_systems' })
  affectedSystems: string[];

  @Column('json', { name: 'affected_services' })
  affectedServices: string[];

  @Column('json', { name: 'subprocessor_ids' })
  subprocessorIds: string[];

  /** Clients staff added by hand / took off the derived list. */
  @Column('json', { name: 'added_client_ids' })
  addedClientIds: string[];

  @Column('json', { name: 'excluded_client_ids' })
  excludedClientIds: string[];

  /** Our own (controller) data is affected: staff, own customers, newsletter contacts. */
  @Column('boolean', { name: 'own_data' })
  ownData: boolean;

  @Column('json', { nullable: true })
  facts: IncidentFacts | null;

  @Column('varchar', { name: 'override_risk', length: 10, nullable: true })
  overrideRisk: RiskLevel | null;

  @Column('text', { name: 'override_reason', nullable: true })
  overrideReason: string | null;

  @Column('varchar', { name: 'override_by', length: 200, nullable: true })
  overrideBy: string | null;

  @Column('text', { name: 'not_breach_reason', nullable: true })
  notBreachReason: string | null;

  @Column({ type: Date, name: 'authority_filed_at', nullable: true })
  authorityFiledAt: Date | null;

  @Column('varchar', { name: 'authority_reference', length: 100, nullable: true })
  authorityReference: string | null;

  @Column('text', { name: 'authority_delay_reason', nullable: true })
  authorityDelayReason: string | null;

  @Column({ type: Date, name: 'data_subjects_communicated_at', nullable: true })
  dataSubjectsCommunicatedAt: Date | null;

  @Column('boolean', { name: 'nis2_significant' })
  nis2Significant: boolean;

  @Column({ type: Date, name: 'nis2_early_warning_at', nullable: true })
  nis2EarlyWarningAt: Date | null;

  @Column({ type: Date, name: 'nis2_notification_at', nullable: true })
  nis2NotificationAt: Date | null;

  @Column({ type: Date, name: 'nis2_final_report_at', nullable: true })
  nis2FinalReportAt: Date | null;

  @Column('text', { name: 'closing_note', nullable: true })
  closingNote: string | null;

  @Column({ type: Date, name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;

  @Column({ type: Date, name: 'updated_at' })
  updatedAt: Date;
}

export type AffectedOrigin = 'service' | 'subprocessor' | 'manual';

/** A client whose data the incident touches, with the agreement hours in force at awareness (or detection). */
@Entity({ name: 'breach_affected_client' })
@Index('ix_breach_affected_client_client', ['clientId'])
export class AffectedClient {
  @PrimaryColumn('varchar', { name: 'incident_id', length: 36 })
  incidentId: string;

  @PrimaryColumn('varchar', { name: 'client_id', length: 36 })
  clientId: string;

  @Column('varchar', { length: 20 })
  origin: AffectedOrigin;

  @Column('integer', { name: 'agreement_hours' })
  agreementHours: number;

  @Column('varchar', { name: 'hours_source', length: 20 })
  hoursSource: 'agreement' | 'processor_default';
}

/**
 * A breach notice to one client: the first (sequence 1) or a follow-up (Art. 33(4)), the outbox notice that
 * carries it, and the client's acknowledgement. The client reads only its own rows.
 */
@Entity({ name: 'breach_client_notice' })
@Index('uq_breach_client_notice_sequence', ['incidentId', 'clientId', 'sequence'], { unique: true })
@Index('ix_breach_client_notice_client_created', ['clientId', 'createdAt', 'id'])
export class ClientBreachNotice {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'incident_id', length: 36 })
  incidentId: string;

  @Column('varchar', { name: 'client_id', length: 36 })
  clientId: string;

  @Column('integer')
  sequence: number;

  @Column('varchar', { name: 'notice_id', length: 36 })
  noticeId: string;

  @Column({ type: Date, name: 'deadline_at', nullable: true })
  deadlineAt: Date | null;

  @Column('text', { nullable: true })
  changes: string | null;

  @Column({ type: Date, name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;

  @Column('varchar', { name: 'acknowledged_by', length: 200, nullable: true })
  acknowledgedBy: string | null;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;
}

/** One reminder sent: unique per (incident, deadline, point), so it fires once across instances and restarts. */
@Entity({ name: 'breach_reminder' })
@Index('uq_breach_reminder_point', ['incidentId', 'deadlineKey', 'point'], { unique: true })
export class BreachReminder {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'incident_id', length: 36 })
  incidentId: string;

  @Column('varchar', { name: 'deadline_key', length: 60 })
  deadlineKey: string;

  /** `0.5`, `0.75`, `0.9` or `overdue`. */
  @Column('varchar', { length: 10 })
  point: string;

  @Column('json')
  recipients: string[];

  @Column('varchar', { name: 'notice_id', length: 36 })
  noticeId: string;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;
}
