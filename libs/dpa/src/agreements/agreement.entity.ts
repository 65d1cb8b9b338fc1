import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The processor agreement (verwerkersovereenkomst) with one client: at most one per client, with versions. */
@Entity({ name: 'dpa_agreement' })
@Index('ix_dpa_agreement_created', ['createdAt', 'id'])
export class Agreement {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index('ux_dpa_agreement_client', { unique: true })
  @Column('varchar', { name: 'client_id', length: 36 })
  clientId: string;

  @Column('varchar', { length: 200 })
  title: string;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;

  @Column({ type: Date, name: 'updated_at' })
  updatedAt: Date;
}
