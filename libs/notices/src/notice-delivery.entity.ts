import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NoticeType } from './notice-types';

export type DeliveryChannel = 'email' | 'webhook';
export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = ['email', 'webhook'];

/**
 * pending → sending → sent, or → failed → (due again) sending … → dead after the last attempt.
 * `sending` is a claim with a lease: a process that dies mid-delivery leaves it due again when the lease ends.
 */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'dead';
export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'sending', 'sent', 'failed', 'dead'];

/** One notice to one recipient over one channel: an e-mail address, or the client's webhook. */
@Entity({ name: 'notice_delivery' })
@Index('uq_notice_delivery_message_id', ['messageId'], { unique: true })
@Index('ix_notice_delivery_due', ['nextAttemptAt'])
@Index('ix_notice_delivery_notice', ['noticeId'])
@Index('ix_notice_delivery_created', ['createdAt', 'id'])
@Index('ix_notice_delivery_client_created', ['clientId', 'createdAt', 'id'])
export class NoticeDelivery {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'notice_id', length: 36 })
  noticeId: string;

  /** Null for an internal notice's e-mail (to named staff); a webhook delivery always has its client. */
  @Column('varchar', { name: 'client_id', length: 36, nullable: true })
  clientId: string | null;

  @Column('varchar', { name: 'notice_type', length: 40 })
  noticeType: NoticeType;

  @Column('varchar', { length: 10 })
  channel: DeliveryChannel;

  /** The e-mail address, or the webhook URL as it was when the notice was decided. */
  @Column('varchar', { length: 2000 })
  recipient: string;

  /** The e-mail Message-ID or the webhook-id: the same on every attempt, so receivers can drop duplicates. */
  @Column('varchar', { name: 'message_id', length: 200 })
  messageId: string;

  @Column('varchar', { length: 10 })
  state: DeliveryState;

  @Column('integer')
  attempts: number;

  /**
   * When the dispatcher should next pick it up: created time when pending, the backoff time when failed, the
   * end of the claim lease while sending; null once sent or dead. One indexed column answers "what is due".
   */
  @Column({ type: Date, name: 'next_attempt_at', nullable: true })
  nextAttemptAt: Date | null;

  /** Random per claim: only the process holding the current claim may record the outcome. */
  @Column('varchar', { name: 'claim_token', length: 36, nullable: true })
  claimToken: string | null;

  @Column({ type: Date, name: 'last_attempt_at', nullable: true })
  lastAttemptAt: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column({ type: Date, name: 'sent_at', nullable: true })
  sentAt: Date | null;

  /** The receiver's answer: the SMTP reply (`250 OK: queued as …`) or `HTTP 200`. */
  @Column('text', { name: 'server_response', nullable: true })
  serverResponse: string | null;

  @Column({ type: Date, name: 'created_at' })
  createdAt: Date;

  @Column({ type: Date, name: 'updated_at' })
  updatedAt: Date;
}
