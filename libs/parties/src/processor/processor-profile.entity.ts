import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SubprocessorAuthorisation = 'general' | 'specific';
export const SUBPROCESSOR_AUTHORISATIONS: readonly SubprocessorAuthorisation[] = ['general', 'specific'];

export interface SecurityMeasure {
  /** E.g. `access_control`, `encryption`, `backup` — the Data Pro Statement's headings. */
  category: string;
  description: string;
}

/**
 * The processor itself (the verwerker running this software): one row. Its defaults fill every new
 * processor agreement (Art. 28(3)); its contact point goes into every breach notice (Art. 33(3)(b)).
 */
@Entity({ name: 'processor_profile' })
export class ProcessorProfile {
  static readonly SINGLETON_ID = 'processor';

  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'legal_name', length: 200 })
  legalName: string;

  @Column('varchar', { name: 'kvk_number', length: 8, nullable: true })
  kvkNumber: string | null;

  @Column('varchar', { name: 'street_address', length: 200 })
  streetAddress: string;

  @Column('varchar', { name: 'postal_code', length: 20 })
  postalCode: string;

  @Column('varchar', { length: 100 })
  city: string;

  @Column('varchar', { length: 2 })
  country: string;

  @Column('varchar', { name: 'contact_name', length: 200 })
  contactName: string;

  @Column('varchar', { name: 'contact_email', length: 320 })
  contactEmail: string;

  @Column('varchar', { name: 'contact_phone', length: 40, nullable: true })
  contactPhone: string | null;

  @Column('varchar', { name: 'dpo_name', length: 200, nullable: true })
  dpoName: string | null;

  @Column('varchar', { name: 'dpo_email', length: 320, nullable: true })
  dpoEmail: string | null;

  @Column('integer', { name: 'default_breach_notice_hours' })
  defaultBreachNoticeHours: number;

  @Column('varchar', { name: 'default_subprocessor_authorisation', length: 10 })
  defaultSubprocessorAuthorisation: SubprocessorAuthorisation;

  @Column('integer', { name: 'default_objection_period_days' })
  defaultObjectionPeriodDays: number;

  /** The catalogue of technical and organisational measures (Art. 32; the Data Pro Statement). */
  @Column('json')
  measures: SecurityMeasure[];

  /** Whether the processor is an essential or important entity under NIS2 (Cyberbeveiligingswet). */
  @Column('boolean', { name: 'nis2_entity' })
  nis2Entity: boolean;

  @Column({ type: Date, name: 'updated_at' })
  updatedAt: Date;
}
