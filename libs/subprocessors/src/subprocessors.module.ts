import { Module } from '@nestjs/common';
import { ConfigurableModuleClass } from './subprocessors.module-definition';

/** the sub-processor register and change notices (issue: libs/subprocessors). A placeholder until that issue lands: it registers nothing yet. */
@Module({})
export class SubprocessorsModule extends ConfigurableModuleClass {}
