import { Role } from '@verwerker/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An API key. Only a SHA-256 of its secret part is kept; the prefix tells keys apart in lists and logs. */
@Entity({ name: 'api_key' })
@Index('ix_api_key_created', ['createdAt', 'id'])
export class ApiKey {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Index('uq_api_key_prefix', { unique: true })
  @Column('varchar', { length: 16 })
  prefix: string;

  @Column('varchar', { name: 'secret_hash', length: 64 })
  secretHash: string;

  @Column('varchar', { length: 10 })
  role: Role;

  @Column('varchar', { name: 'client_id', length: 36, nullable: true })
  clientId: string | null;

  /** Label of the credential that created it (`bootstrap` for the first admin key). */
  @Column('varchar', { name: 'created_by', length: 200 })
  createdBy: string;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;

  @Column({ type: Date, name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: Date, name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
