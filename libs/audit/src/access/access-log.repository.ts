import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyTenantScope, databaseKindOf, instantParameter, InvalidCursorError, TenantScope } from '@verwerker/platform';
import { DataSource, EntityManager } from 'typeorm';
import { SeqPage } from '../seq-cursor';
import { AccessAction, AccessLogEntry } from './access-entry.entity';

export interface AccessLogFilter {
  clientId?: string;
  from?: Date;
  to?: Date;
  staffMemberId?: string;
  system?: string;
  action?: AccessAction;
  /** Only entries carrying this flag bit; `anyFlag` for every flagged entry. */
  flagBit?: number;
  anyFlag?: boolean;
}

/** The columns ingest writes, the chain's (known only under the head lock) last. */
export const ACCESS_LOG_COLUMNS = [
  'id', 'external_event_id', 'client_id', 'staff_member_id', 'staff_member_name', 'system', 'action', 'started_at',
  'ended_at', 'reason', 'source_ip', 'session_id', 'flags', 'recorded_at', 'seq', 'content_hash', 'entry_hash',
] as const;

/** The only place that builds queries for access entries. Every read takes the caller's tenant scope. */
@Injectable()
export class AccessLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Which of these event ids are already in the log (a re-sent batch adds nothing). */
  async existingEventIds(eventIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    // One array parameter on PostgreSQL instead of 1,000 bound values: cheaper to send and to plan.
    const rows: { id: string }[] =
      databaseKindOf(manager) === 'postgres'
        ? await manager.query('SELECT external_event_id AS id FROM access_log_entry WHERE external_event_id = ANY($1::varchar[])', [eventIds])
        : await manager
            .getRepository(AccessLogEntry)
            .createQueryBuilder('entry')
            .select('entry.externalEventId', 'id')
            .where('entry.externalEventId IN (:...eventIds)', { eventIds: [...eventIds] })
            .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /** In time order (startedAt, seq), keyset-paginated: a month of one client is one index range scan. */
  async list(scope: TenantScope, filter: AccessLogFilter, limit: number, cursor?: string): Promise<SeqPage<AccessLogEntry>> {
    const query = applyTenantScope(this.dataSource.getRepository(AccessLogEntry).createQueryBuilder('entry'), scope, 'clientId');
    if (filter.clientId) query.andWhere('entry.clientId = :clientId', { clientId: filter.clientId });
    if (filter.from) query.andWhere('entry.startedAt >= :from', { from: instantParameter(this.dataSource, filter.from) });
    if (filter.to) query.andWhere('entry.startedAt < :to', { to: instantParameter(this.dataSource, filter.to) });
    if (filter.staffMemberId) query.andWhere('entry.staffMemberId = :staffMemberId', { staffMemberId: filter.staffMemberId });
    if (filter.system) query.andWhere('entry.system = :system', { system: filter.system });
    if (filter.action) query.andWhere('entry.action = :action', { action: filter.action });
    if (filter.flagBit) query.andWhere('(entry.flags & :flagBit) <> 0', { flagBit: filter.flagBit });
    if (filter.anyFlag) query.andWhere('entry.flags <> 0');
    if (cursor) {
      const after = decodeTimeCursor(cursor);
      query.andWhere('(entry.startedAt > :afterT OR (entry.startedAt = :afterT AND entry.seq > :afterSeq))', {
        afterT: instantParameter(this.dataSource, after.startedAt),
        afterSeq: after.seq,
      });
    }
    const rows = await query.orderBy('entry.startedAt', 'ASC').addOrderBy('entry.seq', 'ASC').take(limit + 1).getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeTimeCursor(last.startedAt, last.seq) : null };
  }
}

function encodeTimeCursor(startedAt: Date, seq: number): string {
  return Buffer.from(`${startedAt.toISOString()}|${seq}`).toString('base64url');
}

function decodeTimeCursor(cursor: string): { startedAt: Date; seq: number } {
  const [time, seq] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const startedAt = new Date(time ?? '');
  if (Number.isNaN(startedAt.getTime()) || !/^\d{1,15}$/.test(seq ?? '')) {
    throw new InvalidCursorError();
  }
  return { startedAt, seq: Number(seq) };
}
