import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RecurringTask } from '../scheduling/recurring-task';
import { IdempotencyStore } from './idempotency.store';

/** Hourly, forgets Idempotency-Keys past their retention (24 h). Harmless to run on every instance. */
@Injectable()
export class IdempotencyPurgeTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: RecurringTask;

  constructor(store: IdempotencyStore) {
    this.task = new RecurringTask('Purging idempotency keys', () => store.purgeExpired(), new Logger(IdempotencyPurgeTimer.name));
  }

  onApplicationBootstrap(): void {
    this.task.start(3_600_000);
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }
}
