import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BreachModuleOptions, RESOLVED_BREACH_OPTIONS } from '../breach.module-definition';
import { BreachRemindersService } from './breach-reminders.service';

/** Runs the reminder job on a timer. Every instance may run it: each reminder is claimed by exactly one. */
@Injectable()
export class BreachTimers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BreachTimers.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly reminders: BreachRemindersService,
    @Inject(RESOLVED_BREACH_OPTIONS) private readonly options: BreachModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.reminderIntervalSeconds <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = true;
      this.reminders
        .runDue()
        .catch((error: unknown) => this.logger.error({ err: error }, 'Breach reminders failed'))
        .finally(() => {
          this.running = false;
        });
    }, this.options.reminderIntervalSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
