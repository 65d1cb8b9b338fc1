import { Module } from '@nestjs/common';
import { ConfigurableModuleClass } from './audit.module-definition';

/** tamper-evident staff access logs and the change trail (issue: libs/audit). A placeholder until that issue lands: it registers nothing yet. */
@Module({})
export class AuditModule extends ConfigurableModuleClass {}
