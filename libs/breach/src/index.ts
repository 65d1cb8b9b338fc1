import { BREACH_ENTITY_CLASSES } from './breach.entities';
import { BREACH_MIGRATION_CLASSES } from './migrations';

export * from './breach.module';
export { BREACH_MODULE_OPTIONS, DEFAULT_BREACH_OPTIONS, RESOLVED_BREACH_OPTIONS } from './breach.module-definition';
export type { BreachModuleOptions } from './breach.module-definition';

/** Entity classes for the host's TypeORM options. */
export const BREACH_ENTITIES: Function[] = [...BREACH_ENTITY_CLASSES];
/** Migration classes for the host's TypeORM options. */
export const BREACH_MIGRATIONS: Function[] = [...BREACH_MIGRATION_CLASSES];

export * from './rules/assess-breach';
export * from './rules/breach-deadlines';
export * from './rules/incident-facts';
export * from './rules/incident-lifecycle';
export * from './rules/notification-plan';
export * from './rules/authority-form';
export * from './rules/reminder-schedule';
export * from './rules/data-subject-letter';
export * from './incidents/incident.entity';
export * from './incidents/incidents.service';
export * from './incidents/incident-view';
export * from './incidents/drafts.service';
export * from './notices/client-notices.service';
export * from './register/breach-register.service';
export * from './reminders/breach-reminders.service';
export * from './documents/breach-documents';
export * from './dto/incident.dto';
export * from './breach.mappers';
