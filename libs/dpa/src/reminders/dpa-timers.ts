import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DPA_MODULE_OPTIONS, DpaModuleOptions } from '../dpa.module-definition';
import { DpaRemindersService } from './dpa-reminders.service';

/** Runs the reminder job every `reminderIntervalSeconds` (0: off). Every instance may run it; see DpaRemindersService. */
@Injectable()
export class DpaTimers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DpaTimers.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly reminders: DpaRemindersService,
    @Inject(DPA_MODULE_OPTIONS) private readonly options: DpaModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.reminderIntervalSeconds <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = true;
      this.reminders
        .runDue()
        .catch((error: unknown) => this.logger.error({ err: error }, 'Agreement reminders failed'))
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
