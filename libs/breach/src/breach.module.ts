import { Module } from '@nestjs/common';
import { ConfigurableModuleClass } from './breach.module-definition';

/** incidents, risk assessment, deadlines and notices (issue: libs/breach). A placeholder until that issue lands: it registers nothing yet. */
@Module({})
export class BreachModule extends ConfigurableModuleClass {}
