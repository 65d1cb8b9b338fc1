import { ConfigurableModuleBuilder } from '@nestjs/common';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DocumentsModuleOptions {}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: DOCUMENTS_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<DocumentsModuleOptions>().setClassMethodName('forRoot').build();
