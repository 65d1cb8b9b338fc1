import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Authorisation, ChangeKind, ClientResponse, StaffDecision } from '../rules/change-rules';
import type { SubprocessorDetails } from '../register/subprocessor.entities';

export type ChangeStatus = 'announced' | 'applied' | 'withdrawn';

/** An intended addition, replacement or removal, announced to the affected clients ahead of its date. */
@Entity({ name: 'subprocessor_change' })
@Index('ix_subprocessor_change_due', ['status', 'effectiveAt'])
export class SubprocessorChange {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 12 })
  kind: ChangeKind;

  /** The sub-processor added (a new one), or the one removed. */
  @Column('varchar', { name: 'subprocessor_id', length: 36 })
  subprocessorId: string;

  @Column('varchar', { name: 'replaces_subprocessor_id', length: 36, nullable: true })
  replacesSubprocessorId: string | null;

  /** Names as announced, so the notice, the feed and the history read the same years later. */
  @Column('varchar', { name: 'subprocessor_name', length: 200 })
  subprocessorName: string;

  @Column('varchar', { name: 'replaces_name', length: 200, nullable: true })
  replacesName: string | null;

  /** For an addition or replacement: what the new sub-processor will be. */
  @Column('json', { nullable: true })
  details: SubprocessorDetails | null;

  @Column({ type: Date, name: 'announced_at' })
  announcedAt: Date;

  @Column({ type: Date, name: 'effective_at' })
  effectiveAt: Date;

  @Column('varchar', { length: 10 })
  status: ChangeStatus;

  @Column({ type: Date, name: 'applied_at', nullable: true })
  appliedAt: Date | null;

  @Column('varchar', { name: 'withdrawn_reason', length: 2000, nullable: true })
  withdrawnReason: string | null;

  @Column('varchar', { name: 'created_by', length: 200 })
  createdBy: string;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;
}

/** One affected client of a change: how it was told, what it answered, what the processor decided, what applied. */
@Entity({ name: 'subprocessor_change_client' })
@Index('uq_subprocessor_change_client', ['changeId', 'clientId'], { unique: true })
export class SubprocessorChangeClient {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'change_id', length: 36 })
  changeId: string;

  @Index('ix_subprocessor_change_client_client')
  @Column('varchar', { name: 'client_id', length: 36 })
  clientId: string;

  @Column('varchar', { length: 10 })
  authorisation: Authorisation;

  @Column('integer', { name: 'objection_period_days' })
  objectionPeriodDays: number;

  @Column('varchar', { length: 10 })
  response: ClientResponse;

  @Column('varchar', { name: 'response_reason', length: 2000, nullable: true })
  responseReason: string | null;

  @Column({ type: Date, name: 'responded_at', nullable: true })
  respondedAt: Date | null;

  @Column('varchar', { length: 12, nullable: true })
  decision: StaffDecision | null;

  @Column('varchar', { name: 'decision_reason', length: 2000, nullable: true })
  decisionReason: string | null;

  @Column({ type: Date, name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  /** Set when the change is applied: whether it applies to this client, and the rule that decided. */
  @Column('boolean', { nullable: true })
  applies: boolean | null;

  @Column('varchar', { name: 'outcome_rule', length: 40, nullable: true })
  outcomeRule: string | null;

  @Column('varchar', { name: 'notice_id', length: 36, nullable: true })
  noticeId: string | null;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;
}
