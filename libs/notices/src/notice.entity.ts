import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NoticeType } from './notice-types';

/**
 * A notice as decided: written in the transaction of the decision that causes it (the outbox), rendered in
 * the client's language at that moment, so what was sent is exactly what was decided — later template or
 * contact changes do not rewrite history.
 */
@Entity({ name: 'notice' })
@Index('ix_notice_client_created', ['clientId', 'createdAt', 'id'])
@Index('ix_notice_created', ['createdAt', 'id'])
export class Notice {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  /** Null for an internal notice (to named staff, `NoticeOutbox.enqueueInternal`). */
  @Column('varchar', { name: 'client_id', length: 36, nullable: true })
  clientId: string | null;

  @Column('varchar', { length: 40 })
  type: NoticeType;

  @Column('varchar', { length: 2 })
  language: 'nl' | 'en';

  @Column('varchar', { length: 500 })
  subject: string;

  @Column('text', { name: 'text_body' })
  textBody: string;

  @Column('text', { name: 'html_body' })
  htmlBody: string;

  /** The data the notice was rendered from; also the `data` of the webhook payload. */
  @Column('json')
  data: object;

  /** The exact JSON body every webhook attempt posts: same bytes on every retry. */
  @Column('text', { name: 'webhook_body' })
  webhookBody: string;

  /** When the decision was taken: the start of "decision to delivery". */
  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;
}
