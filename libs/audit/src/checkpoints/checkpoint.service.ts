import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, TransactionRunner } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AUDIT_MODULE_OPTIONS, AuditModuleOptions } from '../audit.module-definition';
import { AuditStream } from '../chain/chain-hash';
import { AuditChainHead } from '../chain/chain-head.entity';
import { AuditCheckpoint } from './audit-checkpoint.entity';
import { CheckpointSigningKey } from './checkpoint-signature';

@Injectable()
export class CheckpointService {
  readonly signingKey: CheckpointSigningKey;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(AUDIT_MODULE_OPTIONS) options: AuditModuleOptions,
  ) {
    this.signingKey = CheckpointSigningKey.fromPem(options.signingKeyPem);
  }

  /**
   * Signs the current head of a stream, unless it is already signed at this size. Safe to run on every
   * instance at once: the (stream, size) key keeps one checkpoint per size.
   */
  async checkpoint(stream: AuditStream): Promise<AuditCheckpoint | null> {
    const head = await this.dataSource.getRepository(AuditChainHead).findOneByOrFail({ stream });
    if (head.size === 0) return null;
    const repository = this.dataSource.getRepository(AuditCheckpoint);
    const existing = await repository.findOneBy({ stream, size: head.size });
    if (existing) return existing;
    const createdAt = this.clock.now();
    const checkpoint = Object.assign(new AuditCheckpoint(), {
      id: randomUUID(),
      stream,
      size: head.size,
      headHash: head.headHash,
      createdAt,
      keyId: this.signingKey.keyId,
      signature: this.signingKey.sign({ stream, size: head.size, headHash: head.headHash, createdAt }),
    } satisfies AuditCheckpoint);
    try {
      await this.transactions.run((manager) => manager.getRepository(AuditCheckpoint).insert(checkpoint));
      return checkpoint;
    } catch (error) {
      const winner = await repository.findOneBy({ stream, size: head.size });
      if (winner) return winner;
      throw error;
    }
  }

  /** Newest first. */
  async list(stream: AuditStream | undefined, limit: number, beforeSize?: number): Promise<AuditCheckpoint[]> {
    const query = this.dataSource.getRepository(AuditCheckpoint).createQueryBuilder('checkpoint');
    if (stream) query.andWhere('checkpoint.stream = :stream', { stream });
    if (beforeSize !== undefined) query.andWhere('checkpoint.size < :beforeSize', { beforeSize });
    return query.orderBy('checkpoint.size', 'DESC').addOrderBy('checkpoint.stream', 'ASC').take(limit).getMany();
  }

  /** The first checkpoint that covers everything up to and including `seq`. */
  async covering(stream: AuditStream, seq: number): Promise<AuditCheckpoint | null> {
    return this.dataSource
      .getRepository(AuditCheckpoint)
      .createQueryBuilder('checkpoint')
      .where('checkpoint.stream = :stream AND checkpoint.size >= :seq', { stream, seq })
      .orderBy('checkpoint.size', 'ASC')
      .getOne();
  }

  async inRange(stream: AuditStream, fromSeq: number, toSeq: number): Promise<AuditCheckpoint[]> {
    return this.dataSource
      .getRepository(AuditCheckpoint)
      .createQueryBuilder('checkpoint')
      .where('checkpoint.stream = :stream AND checkpoint.size >= :fromSeq AND checkpoint.size <= :toSeq', { stream, fromSeq, toSeq })
      .orderBy('checkpoint.size', 'ASC')
      .getMany();
  }

  async beyond(stream: AuditStream, seq: number): Promise<AuditCheckpoint[]> {
    return this.dataSource
      .getRepository(AuditCheckpoint)
      .createQueryBuilder('checkpoint')
      .where('checkpoint.stream = :stream AND checkpoint.size > :seq', { stream, seq })
      .getMany();
  }
}
