import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../chain/chain-head.entity';

export type AccessAction = 'login' | 'view' | 'export' | 'change' | 'delete' | 'other';
export const ACCESS_ACTIONS: readonly AccessAction[] = ['login', 'view', 'export', 'change', 'delete', 'other'];

/**
 * One access by processor staff to a client's system (DOMAIN.md §4), ingested from the hosting control
 * panel. Append-only and hash-chained; after the retention period the purge erases the personal columns
 * (staff member, reason, source IP, session) and keeps the hashes.
 */
@Entity({ name: 'access_log_entry' })
@Index('ix_access_client_started', ['clientId', 'startedAt', 'seq'])
export class AccessLogEntry {
  /** The position in the chain is the key: one index fewer on the hottest write path. */
  @PrimaryColumn('bigint', { transformer: bigintAsNumber })
  seq: number;

  @Column('varchar', { length: 36 })
  id: string;

  @Index('uq_access_external_event', { unique: true })
  @Column('varchar', { name: 'external_event_id', length: 200 })
  externalEventId: string;

  @Column('varchar', { name: 'client_id', length: 36 })
  clientId: string;

  @Column('varchar', { name: 'staff_member_id', length: 100, nullable: true })
  staffMemberId: string | null;

  @Column('varchar', { name: 'staff_member_name', length: 200, nullable: true })
  staffMemberName: string | null;

  @Column('varchar', { length: 255 })
  system: string;

  @Column('varchar', { length: 10 })
  action: AccessAction;

  @Column({ type: Date, name: 'started_at' })
  startedAt: Date;

  @Column({ type: Date, name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column('varchar', { length: 500, nullable: true })
  reason: string | null;

  @Column('varchar', { name: 'source_ip', length: 45, nullable: true })
  sourceIp: string | null;

  @Column('varchar', { name: 'session_id', length: 200, nullable: true })
  sessionId: string | null;

  /** Bit set of AccessFlag, computed at ingestion (the facts as they were at the time of access). */
  @Column('integer')
  flags: number;

  @Column({ type: Date, name: 'recorded_at' })
  recordedAt: Date;

  @Column('varchar', { name: 'content_hash', length: 64 })
  contentHash: string;

  @Column('varchar', { name: 'entry_hash', length: 64 })
  entryHash: string;

  @Column({ type: Date, name: 'purged_at', nullable: true })
  purgedAt: Date | null;
}
