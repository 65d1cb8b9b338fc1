export * from './audit.module';
export { AUDIT_MODULE_OPTIONS } from './audit.module-definition';

/** Entity classes for the host's TypeORM options. */
export const AUDIT_ENTITIES: Function[] = [];
/** Migration classes for the host's TypeORM options. */
export const AUDIT_MIGRATIONS: Function[] = [];
export type { AuditModuleOptions } from './audit.module-definition';
