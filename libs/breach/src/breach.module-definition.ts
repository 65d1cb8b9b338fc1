import { ConfigurableModuleBuilder } from '@nestjs/common';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BreachModuleOptions {}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: BREACH_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<BreachModuleOptions>().setClassMethodName('forRoot').build();
