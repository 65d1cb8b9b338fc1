export * from './breach.module';
export { BREACH_MODULE_OPTIONS } from './breach.module-definition';

/** Entity classes for the host's TypeORM options. */
export const BREACH_ENTITIES: Function[] = [];
/** Migration classes for the host's TypeORM options. */
export const BREACH_MIGRATIONS: Function[] = [];
export type { BreachModuleOptions } from './breach.module-definition';
export * from './rules/assess-breach';
export * from './rules/breach-deadlines';
