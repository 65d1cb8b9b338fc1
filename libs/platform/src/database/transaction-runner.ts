import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { databaseKindOf } from './portable-types';

/**
 * Every write goes through here. TypeORM drives SQLite over one connection, where a second BEGIN while a
 * transaction is open fails ("cannot start a transaction within a transaction") and a bare write would land
 * inside someone else's transaction. So on SQLite transactions queue one after another (SQLite has a single
 * writer anyway); on PostgreSQL each gets its own pooled connection and they run concurrently.
 *
 * Never call `run` from inside `work`: pass the manager down instead (on SQLite it would wait for itself).
 */
@Injectable()
export class TransactionRunner {
  private readonly serialised: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialised = databaseKindOf(dataSource) === 'sqlite';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialised) return this.dataSource.transaction(work);
    return this.enqueue(() => this.dataSource.transaction(work));
  }

  /**
   * One self-contained write statement (atomic by itself, so no BEGIN/COMMIT round trips on PostgreSQL). On
   * SQLite it still waits its turn, so it cannot land inside another request's open transaction.
   */
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialised) return work(this.dataSource.manager);
    return this.enqueue(() => work(this.dataSource.manager));
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
