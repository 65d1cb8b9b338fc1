import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyTenantScope, instantParameter, TenantScope } from '@verwerker/platform';
import { DataSource } from 'typeorm';
import { decodeSeqCursor, encodeSeqCursor, SeqPage } from '../seq-cursor';
import { ChangeTrailEntry } from './change-trail-entry.entity';

export interface ChangeTrailFilter {
  clientId?: string;
  subjectType?: string;
  subjectId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

@Injectable()
export class ChangeTrailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first; a client scope sees only changes that concern it. */
  async list(scope: TenantScope, filter: ChangeTrailFilter, limit: number, cursor?: string): Promise<SeqPage<ChangeTrailEntry>> {
    const query = applyTenantScope(this.dataSource.getRepository(ChangeTrailEntry).createQueryBuilder('change'), scope, 'clientId');
    if (filter.clientId) query.andWhere('change.clientId = :clientId', { clientId: filter.clientId });
    if (filter.subjectType) query.andWhere('change.subjectType = :subjectType', { subjectType: filter.subjectType });
    if (filter.subjectId) query.andWhere('change.subjectId = :subjectId', { subjectId: filter.subjectId });
    if (filter.action) query.andWhere('change.action = :action', { action: filter.action });
    if (filter.from) query.andWhere('change.occurredAt >= :from', { from: instantParameter(this.dataSource, filter.from) });
    if (filter.to) query.andWhere('change.occurredAt < :to', { to: instantParameter(this.dataSource, filter.to) });
    if (cursor) query.andWhere('change.seq < :beforeSeq', { beforeSeq: decodeSeqCursor(cursor) });
    const rows = await query.orderBy('change.seq', 'DESC').take(limit + 1).getMany();
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeSeqCursor(items[items.length - 1].seq) : null };
  }
}
