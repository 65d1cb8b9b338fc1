import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RecurringTask } from '@verwerker/platform';
import { ChangesService } from './changes/changes.service';
import { SUBPROCESSORS_MODULE_OPTIONS, SubprocessorsModuleOptions } from './subprocessors.module-definition';

/** Applies due changes on a timer. Every instance may run it: each change is claimed by exactly one. */
@Injectable()
export class SubprocessorTimers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: RecurringTask;

  constructor(
    changes: ChangesService,
    @Inject(SUBPROCESSORS_MODULE_OPTIONS) private readonly options: SubprocessorsModuleOptions,
  ) {
    this.task = new RecurringTask('Applying sub-processor changes', () => changes.applyDue(), new Logger(SubprocessorTimers.name));
  }

  onApplicationBootstrap(): void {
    this.task.start(this.options.applyIntervalSeconds * 1000);
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }
}
