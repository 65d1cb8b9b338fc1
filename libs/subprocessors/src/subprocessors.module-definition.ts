import { ConfigurableModuleBuilder } from '@nestjs/common';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SubprocessorsModuleOptions {}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: SUBPROCESSORS_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<SubprocessorsModuleOptions>().setClassMethodName('forRoot').build();
