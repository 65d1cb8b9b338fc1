import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AUDIT_MODULE_OPTIONS, AuditModuleOptions } from './audit.module-definition';
import { AUDIT_STREAMS } from './chain/chain-hash';
import { CheckpointService } from './checkpoints/checkpoint.service';
import { RetentionPurgeService } from './retention/retention-purge.service';

/**
 * Signs checkpoints and runs the purge on timers. Every instance may run them: a checkpoint is unique per
 * (stream, size) and the purge is idempotent, so several instances only repeat harmless work.
 */
@Injectable()
export class AuditTimers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditTimers.name);
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly checkpoints: CheckpointService,
    private readonly purge: RetentionPurgeService,
    @Inject(AUDIT_MODULE_OPTIONS) private readonly options: AuditModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.checkpointIntervalSeconds > 0) {
      this.every(this.options.checkpointIntervalSeconds * 1000, async () => {
        for (const stream of AUDIT_STREAMS) await this.checkpoints.checkpoint(stream);
      });
    }
    if (this.options.purgeIntervalHours > 0) {
      this.every(this.options.purgeIntervalHours * 3_600_000, () => this.purge.purge().then(() => undefined));
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearInterval(timer);
  }

  private every(milliseconds: number, work: () => Promise<void>): void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      work()
        .catch((error: unknown) => this.logger.error({ err: error }, 'Audit timer failed'))
        .finally(() => {
          running = false;
        });
    }, milliseconds);
    timer.unref();
    this.timers.push(timer);
  }
}
