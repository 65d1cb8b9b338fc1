import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TransferMechanism, TransferStatus } from '../rules/transfer-classifier';

export interface TransferArrangement {
  /** ISO 3166-1 alpha-2 of a country outside the EEA where it processes or from where it can access data. */
  country: string;
  mechanism: TransferMechanism;
  documentReference?: string;
  transferImpactAssessment?: boolean;
}

/** What the register says about a sub-processor at one time (one version). */
export interface SubprocessorDetails {
  legalName: string;
  services: string[];
  processingCountries: string[];
  accessCountries: string[];
  certifications: string[];
  /** Date of our own processor agreement with it (YYYY-MM-DD). */
  agreementDate: string | null;
  transfers: TransferArrangement[];
}

/** A sub-processor's identity; what it is and does lives in its versions. */
@Entity({ name: 'subprocessor' })
export class Subprocessor {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;
}

/**
 * One period of the register: the sub-processor as it was from validFrom until validTo. The register at a date
 * is every version whose period contains it; a removed sub-processor has no version after its removal.
 */
@Entity({ name: 'subprocessor_version' })
@Index('ix_subprocessor_version_period', ['validFrom', 'validTo'])
export class SubprocessorVersion {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index('ix_subprocessor_version_subprocessor')
  @Column('varchar', { name: 'subprocessor_id', length: 36 })
  subprocessorId: string;

  @Column('json')
  details: SubprocessorDetails;

  @Column('varchar', { name: 'transfer_status', length: 12 })
  transferStatus: TransferStatus;

  @Column({ type: Date, name: 'valid_from' })
  validFrom: Date;

  @Column({ type: Date, name: 'valid_to', nullable: true })
  validTo: Date | null;

  /** The change that brought this version about; null for a direct registration. */
  @Column('varchar', { name: 'change_id', length: 36, nullable: true })
  changeId: string | null;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;
}

/** A client kept off a sub-processor after objecting (or ending the service): it does not touch that client's data. */
@Entity({ name: 'subprocessor_exclusion' })
@Index('uq_subprocessor_exclusion', ['subprocessorId', 'clientId'], { unique: true })
export class SubprocessorExclusion {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'subprocessor_id', length: 36 })
  subprocessorId: string;

  @Column('varchar', { name: 'client_id', length: 36 })
  clientId: string;

  @Column('varchar', { name: 'change_id', length: 36 })
  changeId: string;

  @Column('varchar', { length: 40 })
  rule: string;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;
}
