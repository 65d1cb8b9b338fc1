import { ConfigurableModuleBuilder } from '@nestjs/common';

export interface SubprocessorsModuleOptions {
  /** How often announced changes whose date has come are applied; 0 turns the timer off. */
  applyIntervalSeconds: number;
}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: SUBPROCESSORS_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<SubprocessorsModuleOptions>()
    .setClassMethodName('forRoot')
    // Global by default: it provides the DPA lib's SUBPROCESSOR_ANNEX_SOURCE.
    .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
    .build();
