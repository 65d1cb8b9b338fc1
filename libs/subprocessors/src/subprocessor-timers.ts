import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ChangesService } from './changes/changes.service';
import { SUBPROCESSORS_MODULE_OPTIONS, SubprocessorsModuleOptions } from './subprocessors.module-definition';

/** Applies due changes on a timer. Every instance may run it: each change is claimed by exactly one. */
@Injectable()
export class SubprocessorTimers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SubprocessorTimers.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly changes: ChangesService,
    @Inject(SUBPROCESSORS_MODULE_OPTIONS) private readonly options: SubprocessorsModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.applyIntervalSeconds <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = true;
      this.changes
        .applyDue()
        .catch((error: unknown) => this.logger.error({ err: error }, 'Applying sub-processor changes failed'))
        .finally(() => {
          this.running = false;
        });
    }, this.options.applyIntervalSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
