export * from './subprocessors.module';
export { SUBPROCESSORS_MODULE_OPTIONS } from './subprocessors.module-definition';

/** Entity classes for the host's TypeORM options. */
export const SUBPROCESSORS_ENTITIES: Function[] = [];
/** Migration classes for the host's TypeORM options. */
export const SUBPROCESSORS_MIGRATIONS: Function[] = [];
export type { SubprocessorsModuleOptions } from './subprocessors.module-definition';
export * from './rules/transfer-classifier';
export * from './rules/transfer-data';
