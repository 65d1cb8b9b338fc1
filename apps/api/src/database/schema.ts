import { AUDIT_ENTITIES, AUDIT_MIGRATIONS } from '@verwerker/audit';
import { AUTH_ENTITIES, AUTH_MIGRATIONS } from '@verwerker/auth';
import { BREACH_ENTITIES, BREACH_MIGRATIONS } from '@verwerker/breach';
import { DPA_ENTITIES, DPA_MIGRATIONS } from '@verwerker/dpa';
import { NOTICES_ENTITIES, NOTICES_MIGRATIONS } from '@verwerker/notices';
import { PARTIES_ENTITIES, PARTIES_MIGRATIONS } from '@verwerker/parties';
import { PLATFORM_ENTITIES, PLATFORM_MIGRATIONS } from '@verwerker/platform';
import { SUBPROCESSORS_ENTITIES, SUBPROCESSORS_MIGRATIONS } from '@verwerker/subprocessors';

/** Class lists, never globs: they survive bundling and cannot drift from what the libs export. */
export const ENTITIES = [
  ...PLATFORM_ENTITIES,
  ...PARTIES_ENTITIES,
  ...AUTH_ENTITIES,
  ...AUDIT_ENTITIES,
  ...DPA_ENTITIES,
  ...SUBPROCESSORS_ENTITIES,
  ...BREACH_ENTITIES,
  ...NOTICES_ENTITIES,
];

/**
 * In timestamp order, the order TypeORM applies them in (notices 1764000400000 before dpa 1764000500000). Sorted
 * here because a lib may add a later migration of its own (notices' 1764000700000 comes after the register's).
 */
export const MIGRATIONS = [
  ...PLATFORM_MIGRATIONS,
  ...PARTIES_MIGRATIONS,
  ...AUTH_MIGRATIONS,
  ...AUDIT_MIGRATIONS,
  ...NOTICES_MIGRATIONS,
  ...DPA_MIGRATIONS,
  ...SUBPROCESSORS_MIGRATIONS,
  ...BREACH_MIGRATIONS,
].sort((a, b) => migrationTimestamp(a) - migrationTimestamp(b));

function migrationTimestamp(migration: Function): number {
  return Number(/(\d{13})$/.exec(migration.name)?.[1] ?? 0);
}
