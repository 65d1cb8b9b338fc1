import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../chain/chain-head.entity';

/**
 * One state change made through this API, written in the same transaction as the change. Hash-chained like
 * the access log; the purge erases who did it (label) and the before/after summary, and keeps the hashes.
 */
@Entity({ name: 'change_trail_entry' })
@Index('ix_change_client_occurred', ['clientId', 'occurredAt', 'seq'])
@Index('ix_change_occurred', ['occurredAt', 'seq'])
export class ChangeTrailEntry {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index('uq_change_seq', { unique: true })
  @Column('bigint', { transformer: bigintAsNumber })
  seq: number;

  @Column({ type: Date, name: 'occurred_at' })
  occurredAt: Date;

  @Column('varchar', { name: 'actor_kind', length: 10 })
  actorKind: 'api_key' | 'jwt' | 'system';

  @Column('varchar', { name: 'actor_role', length: 10 })
  actorRole: string;

  @Column('varchar', { name: 'actor_label', length: 200, nullable: true })
  actorLabel: string | null;

  @Column('varchar', { name: 'credential_id', length: 300, nullable: true })
  credentialId: string | null;

  @Column('varchar', { name: 'client_id', length: 36, nullable: true })
  clientId: string | null;

  @Column('varchar', { length: 100 })
  action: string;

  @Column('varchar', { name: 'subject_type', length: 50 })
  subjectType: string;

  @Column('varchar', { name: 'subject_id', length: 100 })
  subjectId: string;

  @Column('json', { nullable: true })
  summary: { before: Record<string, unknown> | null; after: Record<string, unknown> | null } | null;

  @Column('varchar', { name: 'content_hash', length: 64 })
  contentHash: string;

  @Column('varchar', { name: 'entry_hash', length: 64 })
  entryHash: string;

  @Column({ type: Date, name: 'purged_at', nullable: true })
  purgedAt: Date | null;
}
