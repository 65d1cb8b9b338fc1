export * from './dpa.module';
export { DPA_MODULE_OPTIONS } from './dpa.module-definition';

/** Entity classes for the host's TypeORM options. */
export const DPA_ENTITIES: Function[] = [];
/** Migration classes for the host's TypeORM options. */
export const DPA_MIGRATIONS: Function[] = [];
export type { DpaModuleOptions } from './dpa.module-definition';
export * from './rules/agreement-terms';
export * from './rules/article-28-completeness';
