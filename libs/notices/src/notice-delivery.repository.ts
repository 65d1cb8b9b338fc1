import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyTenantScope, databaseKindOf, instantParameter, Page, PageRequest, paginateByCreation, TenantScope, TransactionRunner, placeholder } from '@verwerker/platform';
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

/** What one attempt came to, to be recorded under the claim that made it. */
export type DeliveryOutcome = {
  id: string;
  /** The claim the attempt was made under: the outcome only lands while it still holds the delivery. */
  token: string;
  /** Where the attempt actually went (a client may have changed its webhook URL since the decision). */
  recipient: string;
  at: Date;
  serverResponse: string | null;
} & ({ state: 'sent'; error: null } | { state: 'failed'; nextAttemptAt: Date; error: string } | { state: 'dead'; error: string });

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
   *
   * The claimed rows come back from the statement itself (RETURNING): no second round trip to read them.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number, token: string): Promise<NoticeDelivery[]> {
    const postgres = this.postgres();
    const p = (index: number) => placeholder(this.dataSource, index);
    const sql = `
      UPDATE notice_delivery
         SET state = 'sending', attempts = attempts + 1, claim_token = ${p(1)}, next_attempt_at = ${p(2)},
             last_attempt_at = ${p(3)}, updated_at = ${p(4)}
       WHERE id IN (
         SELECT id FROM notice_delivery
          WHERE next_attempt_at <= ${p(5)}
          ORDER BY next_attempt_at
          LIMIT ${p(6)}${postgres ? ' FOR UPDATE SKIP LOCKED' : ''})
      RETURNING *`;
    const nowParameter = instantParameter(this.dataSource, now);
    const parameters = [token, instantParameter(this.dataSource, leaseUntil), nowParameter, nowParameter, nowParameter, limit];
    return this.hydrate(await this.transactions.write((manager) => this.queryReturning(manager, sql, parameters)));
  }

  /**
   * Records finished attempts in one statement, each only if its claim still holds it (a delivery whose lease
   * ran out and was claimed again belongs to the new claim). Returns the ids that were recorded.
   */
  async recordOutcomes(outcomes: readonly DeliveryOutcome[]): Promise<Set<string>> {
    if (!outcomes.length) return new Set();
    const postgres = this.postgres();
    const parameters: unknown[] = [];
    const placeholder = (value: unknown, cast: string): string => {
      parameters.push(value instanceof Date ? instantParameter(this.dataSource, value) : value);
      return postgres ? `$${parameters.length}::${cast}` : '?';
    };
    // Typed on PostgreSQL: VALUES parameters are text unless cast, and uuid = text does not compare.
    const tuples = outcomes.map((outcome) => {
      const values = [
        placeholder(outcome.id, 'uuid'),
        placeholder(outcome.token, 'varchar'),
        placeholder(outcome.state, 'varchar'),
        placeholder(outcome.state === 'failed' ? outcome.nextAttemptAt : null, 'timestamptz'),
        placeholder(outcome.state === 'sent' ? outcome.at : null, 'timestamptz'),
        placeholder(outcome.serverResponse, 'text'),
        placeholder(outcome.error, 'text'),
        placeholder(outcome.recipient, 'varchar'),
        placeholder(outcome.at, 'timestamptz'),
      ];
      return `(${values.join(', ')})`;
    });
    // A failed attempt keeps what an earlier one recorded about sending; sent and dead are never due again.
    const sql = `
      WITH outcome (id, claim_token, state, next_attempt_at, sent_at, server_response, last_error, recipient, updated_at) AS (
        VALUES ${tuples.join(',\n               ')})
      UPDATE notice_delivery
         SET state = outcome.state, next_attempt_at = outcome.next_attempt_at, claim_token = NULL,
             sent_at = COALESCE(outcome.sent_at, notice_delivery.sent_at),
             server_response = COALESCE(outcome.server_response, notice_delivery.server_response),
             last_error = outcome.last_error, recipient = outcome.recipient, updated_at = outcome.updated_at
        FROM outcome
       WHERE notice_delivery.id = outcome.id AND notice_delivery.claim_token = outcome.claim_token
      RETURNING notice_delivery.id`;
    const rows = await this.transactions.write((manager) => this.queryReturning(manager, sql, parameters));
    return new Set(rows.map((row) => String(row.id)));
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

  private postgres(): boolean {
    return databaseKindOf(this.dataSource) === 'postgres';
  }

  /** The rows of an UPDATE … RETURNING (TypeORM's manager.query gives SQLite's affected count instead). */
  private async queryReturning(manager: EntityManager, sql: string, parameters: unknown[]): Promise<Array<Record<string, unknown>>> {
    const runner = manager.connection.createQueryRunner();
    try {
      return (await runner.query(sql, parameters, true)).records ?? [];
    } finally {
      await runner.release();
    }
  }

  /** Raw rows as entities, converted per column the way TypeORM's own reads convert them (dates on SQLite). */
  private hydrate(rows: Array<Record<string, unknown>>): NoticeDelivery[] {
    const driver = this.dataSource.driver;
    const { columns } = this.dataSource.getMetadata(NoticeDelivery);
    return rows.map((row) => {
      const delivery = new NoticeDelivery();
      for (const column of columns) column.setEntityValue(delivery, driver.prepareHydratedValue(row[column.databaseName], column));
      return delivery;
    });
  }
}
