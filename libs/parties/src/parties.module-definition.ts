import { ConfigurableModuleBuilder } from '@nestjs/common';

export interface PartiesModuleOptions {
  /**
   * Accept plain-http webhook URLs. Off in production: notices carry personal data. On for local receivers in
   * development and tests.
   */
  allowHttpWebhooks?: boolean;
}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: PARTIES_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<PartiesModuleOptions>()
    .setClassMethodName('forRoot')
    // Global by default: every other lib reads clients (tenancy, notices), and options must exist once.
    .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
    .build();
