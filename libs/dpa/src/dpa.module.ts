import { Module } from '@nestjs/common';
import { ConfigurableModuleClass } from './dpa.module-definition';

/** processor agreements (Art. 28 GDPR) per client (issue: libs/dpa). A placeholder until that issue lands: it registers nothing yet. */
@Module({})
export class DpaModule extends ConfigurableModuleClass {}
