import { ConfigurableModuleBuilder } from '@nestjs/common';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AuditModuleOptions {}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: AUDIT_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<AuditModuleOptions>().setClassMethodName('forRoot').build();
