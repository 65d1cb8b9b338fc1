import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyTenantScope, copyRows, databaseKindOf, Page, PageRequest, paginateByCreation, TenantScope } from '@verwerker/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { Notice } from './notice.entity';
import { NoticeAttachment } from './notice-attachment.entity';
import { NoticeDelivery } from './notice-delivery.entity';
import { NoticeType } from './notice-types';

export interface NoticeFilter {
  type?: NoticeType;
}

/** The only place that builds queries for notices and their attachments. Reads take the caller's scope. */
@Injectable()
export class NoticeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes a notice with its attachments and deliveries in the caller's transaction (the outbox write). */
  async insert(manager: EntityManager, notice: Notice, attachments: NoticeAttachment[], deliveries: NoticeDelivery[]): Promise<void> {
    await manager.getRepository(Notice).insert(notice);
    if (attachments.length) await manager.getRepository(NoticeAttachment).insert(attachments);
    if (deliveries.length) await manager.getRepository(NoticeDelivery).insert(deliveries);
  }

  /**
   * Many notices in the caller's transaction, in chunks that stay under both drivers' parameter limits (a
   * breach fan-out writes thousands at once). TypeORM's insert keeps the column list in the entities.
   */
  async insertMany(manager: EntityManager, notices: Notice[], attachments: NoticeAttachment[], deliveries: NoticeDelivery[]): Promise<void> {
    for (const [entity, rows, size] of [
      [Notice, notices, 500],
      [NoticeAttachment, attachments, 100],
      [NoticeDelivery, deliveries, 1000],
    ] as const) {
      if (rows.length > 1 && databaseKindOf(manager) === 'postgres') {
        // COPY: a fan-out writes hundreds of megabytes of bodies and PDFs; binding them as parameters costs more
        // than the database does. The column list comes from the entity, so it cannot drift from the schema.
        const columns = manager.connection.getMetadata(entity).columns;
        await copyRows(manager, manager.connection.getMetadata(entity).tableName, columns.map((column) => column.databaseName), (rows as readonly object[]).map((row) => columns.map((column) => column.getEntityValue(row) ?? null)));
        continue;
      }
      for (let start = 0; start < rows.length; start += size) {
        await manager.getRepository(entity).insert(rows.slice(start, start + size) as never[]);
      }
    }
  }

  async findById(scope: TenantScope, id: string): Promise<Notice | null> {
    const query = this.dataSource.getRepository(Notice).createQueryBuilder('notice').where('notice.id = :id', { id });
    return applyTenantScope(query, scope, 'clientId').getOne();
  }

  async list(scope: TenantScope, filter: NoticeFilter & { clientId?: string }, page: PageRequest): Promise<Page<Notice>> {
    const manager = this.dataSource.manager;
    const query = applyTenantScope(manager.getRepository(Notice).createQueryBuilder('notice'), scope, 'clientId');
    if (filter.type) query.andWhere('notice.type = :type', { type: filter.type });
    if (filter.clientId) query.andWhere('notice.clientId = :clientId', { clientId: filter.clientId });
    return paginateByCreation(manager, query, page);
  }

  /** Attachment descriptions (without content) of notices the caller has already read in its scope. */
  async attachmentsOf(noticeIds: string[]): Promise<Omit<NoticeAttachment, 'contentBase64'>[]> {
    if (!noticeIds.length) return [];
    return this.dataSource.getRepository(NoticeAttachment).find({
      select: { id: true, noticeId: true, position: true, filename: true, contentType: true, size: true, sha256: true },
      where: { noticeId: In(noticeIds) },
      order: { noticeId: 'ASC', position: 'ASC' },
    });
  }

  /** With content, for sending: only the dispatcher calls this, for notices it holds a claim on. */
  async attachmentsWithContent(noticeIds: string[]): Promise<NoticeAttachment[]> {
    if (!noticeIds.length) return [];
    return this.dataSource.getRepository(NoticeAttachment).find({ where: { noticeId: In(noticeIds) }, order: { position: 'ASC' } });
  }

  async findByIds(ids: string[]): Promise<Notice[]> {
    if (!ids.length) return [];
    return this.dataSource.getRepository(Notice).findBy({ id: In(ids) });
  }

  async findAttachment(scope: TenantScope, noticeId: string, attachmentId: string): Promise<NoticeAttachment | null> {
    const query = this.dataSource
      .getRepository(NoticeAttachment)
      .createQueryBuilder('attachment')
      .innerJoin(Notice, 'notice', 'notice.id = attachment.noticeId')
      .where('attachment.id = :attachmentId AND attachment.noticeId = :noticeId', { attachmentId, noticeId });
    if (scope.kind === 'client') query.andWhere('notice.clientId = :scopeClientId', { scopeClientId: scope.clientId });
    return query.getOne();
  }
}
