import { ConfigurableModuleBuilder } from '@nestjs/common';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DpaModuleOptions {}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: DPA_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<DpaModuleOptions>().setClassMethodName('forRoot').build();
