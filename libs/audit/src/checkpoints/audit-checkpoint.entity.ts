import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AuditStream } from '../chain/chain-hash';
import { bigintAsNumber } from '../chain/chain-head.entity';

/** A signed (stream, size, head hash, time): proof that the first `size` entries were exactly these. */
@Entity({ name: 'audit_checkpoint' })
@Index('uq_audit_checkpoint_stream_size', ['stream', 'size'], { unique: true })
export class AuditCheckpoint {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 10 })
  stream: AuditStream;

  @Column('bigint', { transformer: bigintAsNumber })
  size: number;

  @Column('varchar', { name: 'head_hash', length: 64 })
  headHash: string;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;

  @Column('varchar', { name: 'key_id', length: 16 })
  keyId: string;

  /** Ed25519 over checkpointMessage(), base64. */
  @Column('varchar', { length: 100 })
  signature: string;
}
