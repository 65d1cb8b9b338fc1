import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { instantParameter } from '../database/portable-types';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainError } from '../problems/domain-error';
import { ProblemCode } from '../problems/problem-code';
import { IdempotencyRecord } from './idempotency-record.entity';

export type IdempotencyOutcome =
  | { kind: 'execute'; recordId: string }
  | { kind: 'replay'; status: number; body: unknown };

/** How long a key is remembered: long enough for any client retry loop, short enough not to grow forever. */
export const IDEMPOTENCY_KEY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** A request that crashed mid-way leaves its record in progress; after this long a retry may run again. */
const IN_PROGRESS_TIMEOUT_MS = 5 * 60 * 1000;

@Injectable()
export class IdempotencyStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async begin(credentialId: string, key: string, requestHash: string): Promise<IdempotencyOutcome> {
    const repository = this.dataSource.getRepository(IdempotencyRecord);
    const existing = await repository.findOne({ where: { credentialId, key } });
    if (existing) return this.outcomeOf(existing, requestHash);
    const record = repository.create({
      id: randomUUID(),
      credentialId,
      key,
      requestHash,
      state: 'in_progress',
      responseStatus: null,
      responseBody: null,
      createdAt: this.clock.now(),
      completedAt: null,
    });
    try {
      await this.transactions.run((manager) => manager.getRepository(IdempotencyRecord).insert(record));
      return { kind: 'execute', recordId: record.id };
    } catch (error) {
      // Lost a race with a concurrent request carrying the same key: its record decides.
      const winner = await repository.findOne({ where: { credentialId, key } });
      if (!winner) throw error;
      return this.outcomeOf(winner, requestHash);
    }
  }

  async complete(recordId: string, status: number, body: unknown): Promise<void> {
    await this.transactions.run((manager) =>
      manager
        .getRepository(IdempotencyRecord)
        .update({ id: recordId }, { state: 'completed', responseStatus: status, responseBody: (body ?? null) as object | null, completedAt: this.clock.now() }),
    );
  }

  /** Forgets keys older than the retention period; returns how many. */
  async purgeExpired(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - IDEMPOTENCY_KEY_RETENTION_MS);
    const result = await this.transactions.write((manager) =>
      manager.createQueryBuilder().delete().from(IdempotencyRecord).where('created_at < :cutoff', { cutoff: instantParameter(manager, cutoff) }).execute(),
    );
    return result.affected ?? 0;
  }

  /** The request failed: forget the key so the caller can retry with it. */
  async abandon(recordId: string): Promise<void> {
    await this.transactions.run((manager) => manager.getRepository(IdempotencyRecord).delete({ id: recordId, state: 'in_progress' }));
  }

  private async outcomeOf(record: IdempotencyRecord, requestHash: string): Promise<IdempotencyOutcome> {
    if (record.requestHash !== requestHash) {
      throw new DomainError(
        ProblemCode.IdempotencyKeyReused,
        422,
        'Idempotency-Key reused',
        'This Idempotency-Key was already used with a different request body or route.',
        [{ field: 'Idempotency-Key', messages: ['Idempotency-Key was already used for a different request'] }],
      );
    }
    if (record.state === 'completed') return { kind: 'replay', status: record.responseStatus ?? 200, body: record.responseBody };
    if (this.clock.now().getTime() - record.createdAt.getTime() > IN_PROGRESS_TIMEOUT_MS) {
      await this.transactions.run((manager) => manager.getRepository(IdempotencyRecord).update({ id: record.id }, { createdAt: this.clock.now() }));
      return { kind: 'execute', recordId: record.id };
    }
    throw new DomainError(
      ProblemCode.IdempotencyRequestInProgress,
      409,
      'Request in progress',
      'A request with this Idempotency-Key is still being processed; retry shortly.',
    );
  }
}
