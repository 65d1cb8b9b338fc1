import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ClientLanguage = 'nl' | 'en';
export const CLIENT_LANGUAGES: readonly ClientLanguage[] = ['nl', 'en'];
export type ClientStatus = 'active' | 'ended';
export const CLIENT_STATUSES: readonly ClientStatus[] = ['active', 'ended'];

/** A client of the processor: the controller (verwerkingsverantwoordelijke) whose data we process. */
@Entity({ name: 'client' })
@Index('ix_client_created', ['createdAt', 'id'])
export class Client {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'legal_name', length: 200 })
  legalName: string;

  /** Null for clients outside the Netherlands, who have no KvK registration. */
  @Index('ix_client_kvk')
  @Column('varchar', { name: 'kvk_number', length: 8, nullable: true })
  kvkNumber: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column('varchar', { length: 2 })
  country: string;

  @Column('varchar', { length: 2 })
  language: ClientLanguage;

  @Column('varchar', { name: 'privacy_contact_name', length: 200 })
  privacyContactName: string;

  @Column('varchar', { name: 'privacy_contact_email', length: 320 })
  privacyContactEmail: string;

  @Column('json', { name: 'notice_recipients' })
  noticeRecipients: string[];

  @Column('varchar', { name: 'webhook_url', length: 2000, nullable: true })
  webhookUrl: string | null;

  /** The Standard Webhooks signing secret, sealed by the SecretBox: signing needs it back, so no hash. */
  @Column('text', { name: 'webhook_secret_sealed', nullable: true })
  webhookSecretSealed: string | null;

  @Column('varchar', { length: 10 })
  status: ClientStatus;

  @Column({ type: Date, name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;

  @Column({ type: Date, name: 'updated_at' })
  updatedAt: Date;
}
