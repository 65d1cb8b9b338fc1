import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RecurringTask } from '@verwerker/platform';
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
  private readonly checkpointTask: RecurringTask;
  private readonly purgeTask: RecurringTask;

  constructor(
    checkpoints: CheckpointService,
    purge: RetentionPurgeService,
    @Inject(AUDIT_MODULE_OPTIONS) private readonly options: AuditModuleOptions,
  ) {
    const logger = new Logger(AuditTimers.name);
    this.checkpointTask = new RecurringTask(
      'Signing audit checkpoints',
      async () => {
        for (const stream of AUDIT_STREAMS) await checkpoints.checkpoint(stream);
      },
      logger,
    );
    this.purgeTask = new RecurringTask('Audit retention purge', () => purge.purge(), logger);
  }

  onApplicationBootstrap(): void {
    this.checkpointTask.start(this.options.checkpointIntervalSeconds * 1000);
    this.purgeTask.start(this.options.purgeIntervalHours * 3_600_000);
  }

  onApplicationShutdown(): void {
    this.checkpointTask.stop();
    this.purgeTask.stop();
  }
}
