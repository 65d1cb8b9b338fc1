import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyTenantScope, databaseKindOf, instantParameter, Page, PageRequest, paginateByCreation, TenantScope, TransactionRunner } from '@verwerker/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { DeliveryChannel, DeliveryState, NoticeDelivery } from './notice-delivery.entity';
import { NoticeType } from './notice-types';

export interface DeliveryFilter {
  state?: DeliveryState;
  channel?: DeliveryChannel;
  clientId?: string;
  noticeType?: NoticeType;
  noticeId?: string;
}

export interface Claim {
  token: string;
  deliveries: NoticeDelivery[];
}

/**
 * The only place that builds queries for deliveries, including the claim: the one statement that makes
 * several dispatchers on one database safe.
 */
@Injectable()
export class NoticeDeliveryRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * Claims up to `limit` due deliveries in one statement: marks them `sending`, counts the attempt and moves
   * their due time to the end of the lease. On PostgreSQL the candidate rows are locked with SKIP LOCKED, so
   * concurrent dispatchers each get different rows and never wait for each other; on SQLite the single
   * writer makes the statement atomic. A claim that is never recorded (the process died) is due again when
   * its lease ends, and is then claimed afresh with a new token.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number, token: string): Promise<NoticeDelivery[]> {
    const postgres = databaseKindOf(this.dataSource) === 'postgres';
    const p = (index: number) => (postgres ? `$${index}` : '?');
    const sql = `
      UPDATE notice_delivery
         SET state = 'sending', attempts = attempts + 1, claim_token = ${p(1)}, next_attempt_at = ${p(2)},
             last_attempt_at = ${p(3)}, updated_at = ${p(4)}
       WHERE id IN (
         SELECT id FROM notice_delivery
          WHERE next_attempt_at <= ${p(5)}
          ORDER BY next_attempt_at
          LIMIT ${p(6)}${postgres ? ' FOR UPDATE SKIP LOCKED' : ''})
      RETURNING id`;
    const nowParameter = instantParameter(this.dataSource, now);
    const parameters = [token, instantParameter(this.dataSource, leaseUntil), nowParameter, nowParameter, nowParameter, limit];
    const records: Array<{ id: string }> = await this.transactions.write(async (manager) => {
      const runner = manager.connection.createQueryRunner();
      try {
        return (await runner.query(sql, parameters, true)).records ?? [];
      } finally {
        await runner.release();
      }
    });
    const ids = records.map((row) => row.id);
    if (!ids.length) return [];
    return this.dataSource.getRepository(NoticeDelivery).findBy({ id: In(ids), claimToken: token });
  }

  /** Records a delivery as sent, if this claim still holds it (a reclaimed delivery belongs to its new claim). */
  async recordSent(id: string, token: string, sentAt: Date, serverResponse: string): Promise<boolean> {
    const result = await this.transactions.write((manager) => manager
      .createQueryBuilder()
      .update(NoticeDelivery)
      .set({ state: 'sent', sentAt, serverResponse, nextAttemptAt: null, claimToken: null, lastError: null, updatedAt: sentAt })
      .where('id = :id AND claim_token = :token', { id, token })
      .execute());
    return (result.affected ?? 0) > 0;
  }

  async recordFailure(id: string, token: string, state: 'failed' | 'dead', now: Date, nextAttemptAt: Date | null, error: string): Promise<boolean> {
    const result = await this.transactions.write((manager) => manager
      .createQueryBuilder()
      .update(NoticeDelivery)
      .set({ state, nextAttemptAt: state === 'dead' ? null : nextAttemptAt, claimToken: null, lastError: error.slice(0, 2000), updatedAt: now })
      .where('id = :id AND claim_token = :token', { id, token })
      .execute());
    return (result.affected ?? 0) > 0;
  }

  /** 410 Gone stops the endpoint: its other open webhook deliveries are dead too (not the ones in flight). */
  async stopWebhookEndpoint(url: string, now: Date, reason: string): Promise<number> {
    const result = await this.transactions.write((manager) => manager
      .createQueryBuilder()
      .update(NoticeDelivery)
      .set({ state: 'dead', nextAttemptAt: null, claimToken: null, lastError: reason, updatedAt: now })
      .where("channel = 'webhook' AND recipient = :url AND state IN ('pending', 'failed')", { url })
      .execute());
    return result.affected ?? 0;
  }

  /** The recipient URL changed since the notice was decided: record where it actually went. */
  async updateRecipient(id: string, token: string, recipient: string): Promise<void> {
    await this.transactions.write((manager) =>
      manager.createQueryBuilder().update(NoticeDelivery).set({ recipient }).where('id = :id AND claim_token = :token', { id, token }).execute(),
    );
  }

  async findById(scope: TenantScope, id: string, manager: EntityManager = this.dataSource.manager): Promise<NoticeDelivery | null> {
    const query = manager.getRepository(NoticeDelivery).createQueryBuilder('delivery').where('delivery.id = :id', { id });
    return applyTenantScope(query, scope, 'clientId').getOne();
  }

  async list(scope: TenantScope, filter: DeliveryFilter, page: PageRequest): Promise<Page<NoticeDelivery>> {
    const manager = this.dataSource.manager;
    const query = applyTenantScope(manager.getRepository(NoticeDelivery).createQueryBuilder('delivery'), scope, 'clientId');
    if (filter.state) query.andWhere('delivery.state = :state', { state: filter.state });
    if (filter.channel) query.andWhere('delivery.channel = :channel', { channel: filter.channel });
    if (filter.clientId) query.andWhere('delivery.clientId = :clientId', { clientId: filter.clientId });
    if (filter.noticeType) query.andWhere('delivery.noticeType = :noticeType', { noticeType: filter.noticeType });
    if (filter.noticeId) query.andWhere('delivery.noticeId = :noticeId', { noticeId: filter.noticeId });
    return paginateByCreation(manager, query, page);
  }

  /** Deliveries of notices the caller has already read in its scope. */
  async ofNotices(noticeIds: string[]): Promise<NoticeDelivery[]> {
    if (!noticeIds.length) return [];
    return this.dataSource.getRepository(NoticeDelivery).find({ where: { noticeId: In(noticeIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async save(delivery: NoticeDelivery, manager: EntityManager): Promise<NoticeDelivery> {
    return manager.getRepository(NoticeDelivery).save(delivery);
  }

  async countByState(): Promise<Record<DeliveryState, number>> {
    const rows = await this.dataSource
      .getRepository(NoticeDelivery)
      .createQueryBuilder('delivery')
      .select('delivery.state', 'state')
      .addSelect('COUNT(*)', 'count')
      .groupBy('delivery.state')
      .getRawMany<{ state: DeliveryState; count: string | number }>();
    const counts = { pending: 0, sending: 0, sent: 0, failed: 0, dead: 0 };
    for (const row of rows) counts[row.state] = Number(row.count);
    return counts;
  }
}
