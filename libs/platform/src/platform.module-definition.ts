import { ConfigurableModuleBuilder } from '@nestjs/common';

export interface PlatformModuleOptions {
  /** 32-byte key for secrets we must read back (webhook signing secrets). */
  secretsKey: Buffer;
}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: PLATFORM_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<PlatformModuleOptions>()
    .setClassMethodName('forRoot')
    .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
    .build();
