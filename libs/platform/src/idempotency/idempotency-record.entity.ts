import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type IdempotencyState = 'in_progress' | 'completed';

/** The first answer to a create request, kept per credential and Idempotency-Key so a retry gets it back. */
@Entity({ name: 'idempotency_record' })
@Index('uq_idempotency_credential_key', ['credentialId', 'key'], { unique: true })
export class IdempotencyRecord {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'credential_id', length: 200 })
  credentialId: string;

  @Column('varchar', { length: 255 })
  key: string;

  @Column('varchar', { name: 'request_hash', length: 64 })
  requestHash: string;

  @Column('varchar', { length: 20 })
  state: IdempotencyState;

  @Column('integer', { name: 'response_status', nullable: true })
  responseStatus: number | null;

  @Column('json', { name: 'response_body', nullable: true })
  responseBody: object | null;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;

  @Column({ type: Date, name: 'completed_at', nullable: true })
  completedAt: Date | null;
}
