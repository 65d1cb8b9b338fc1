import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyStore } from './idempotency.store';

/** Hourly, forgets Idempotency-Keys past their retention (24 h). Harmless to run on every instance. */
@Injectable()
export class IdempotencyPurgeTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyPurgeTimer.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: IdempotencyStore) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.store.purgeExpired().catch((error: unknown) => this.logger.error({ err: error }, 'Purging idempotency keys failed'));
    }, 3_600_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
