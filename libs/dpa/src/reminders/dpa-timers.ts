import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RecurringTask } from '@verwerker/platform';
import { DPA_MODULE_OPTIONS, DpaModuleOptions } from '../dpa.module-definition';
import { DpaRemindersService } from './dpa-reminders.service';

/** Runs the reminder job every `reminderIntervalSeconds` (0: off). Every instance may run it; see DpaRemindersService. */
@Injectable()
export class DpaTimers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: RecurringTask;

  constructor(
    reminders: DpaRemindersService,
    @Inject(DPA_MODULE_OPTIONS) private readonly options: DpaModuleOptions,
  ) {
    this.task = new RecurringTask('Agreement reminders', () => reminders.runDue(), new Logger(DpaTimers.name));
  }

  onApplicationBootstrap(): void {
    this.task.start(this.options.reminderIntervalSeconds * 1000);
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }
}
