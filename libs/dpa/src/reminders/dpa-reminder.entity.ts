import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ReminderKind = 'acceptance' | 'end_of_service_due';

/**
 * That a reminder went out. Unique per (version, kind): however many instances run the reminder timer, the second
 * insert fails and its transaction (with its notice) rolls back, so a client is reminded once.
 */
@Entity({ name: 'dpa_reminder' })
@Index('ux_dpa_reminder_version_kind', ['versionId', 'kind'], { unique: true })
export class DpaReminder {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'version_id', length: 36 })
  versionId: string;

  @Column('varchar', { name: 'client_id', length: 36 })
  clientId: string;

  @Column('varchar', { length: 24 })
  kind: ReminderKind;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;
}
