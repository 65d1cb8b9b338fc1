import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A document sent with a notice (a PDF of the agreement, a breach report). Kept in the database with the
 * notice, so a restart between decision and delivery loses nothing. Base64 text rather than a binary column:
 * TypeORM has no binary entity type that both SQLite and PostgreSQL accept.
 */
@Entity({ name: 'notice_attachment' })
@Index('ix_notice_attachment_notice', ['noticeId', 'position'])
export class NoticeAttachment {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'notice_id', length: 36 })
  noticeId: string;

  @Column('integer')
  position: number;

  @Column('varchar', { length: 255 })
  filename: string;

  @Column('varchar', { name: 'content_type', length: 100 })
  contentType: string;

  @Column('integer')
  size: number;

  @Column('varchar', { length: 64 })
  sha256: string;

  @Column('text', { name: 'content_base64' })
  contentBase64: string;
}
