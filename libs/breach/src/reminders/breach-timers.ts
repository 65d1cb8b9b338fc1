import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RecurringTask } from '@verwerker/platform';
import { BreachModuleOptions, RESOLVED_BREACH_OPTIONS } from '../breach.module-definition';
import { BreachRemindersService } from './breach-reminders.service';

/** Runs the reminder job on a timer. Every instance may run it: each reminder is claimed by exactly one. */
@Injectable()
export class BreachTimers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: RecurringTask;

  constructor(
    reminders: BreachRemindersService,
    @Inject(RESOLVED_BREACH_OPTIONS) private readonly options: BreachModuleOptions,
  ) {
    this.task = new RecurringTask('Breach reminders', () => reminders.runDue(), new Logger(BreachTimers.name));
  }

  onApplicationBootstrap(): void {
    this.task.start(this.options.reminderIntervalSeconds * 1000);
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }
}
