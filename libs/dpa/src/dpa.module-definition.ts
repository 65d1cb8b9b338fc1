import { ConfigurableModuleBuilder } from '@nestjs/common';

export interface DpaModuleOptions {
  /** A version sent and not accepted after this many days gets one reminder to the client. */
  reminderAfterDays: number;
  /** How often the reminder job runs in this process; 0 turns the timer off (tests call the service directly). */
  reminderIntervalSeconds: number;
  /** Days after termination by which the data is deleted or returned (Art. 28(3)(g)) when the caller names no date. */
  endOfServiceDays: number;
}

export const DPA_DEFAULT_OPTIONS: DpaModuleOptions = { reminderAfterDays: 14, reminderIntervalSeconds: 3600, endOfServiceDays: 30 };

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: DPA_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<DpaModuleOptions>().setClassMethodName('forRoot').build();
