import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';

/**
 * SQLite (embedded default) and PostgreSQL (production) are both first-class, so one migration must create
 * the right column type on each. Entities declare instants as `Date` (TypeORM converts for each driver);
 * migrations take their DDL types from here.
 */
export interface PortableColumnTypes {
  /** An instant: timestamptz on PostgreSQL, a UTC `datetime` text on SQLite. */
  instant: string;
  uuid: string;
  json: string;
  boolean: string;
  bigint: string;
  blob: string;
}

export type DatabaseKind = 'sqlite' | 'postgres';

export function databaseKindOf(source: QueryRunner | DataSource | EntityManager): DatabaseKind {
  const type = 'connection' in source ? source.connection.options.type : source.options.type;
  if (type === 'postgres') return 'postgres';
  if (type === 'better-sqlite3') return 'sqlite';
  throw new Error(`Unsupported database type: ${type}`);
}

export function portableColumnTypes(source: QueryRunner | DataSource): PortableColumnTypes {
  return databaseKindOf(source) === 'postgres'
    ? { instant: 'timestamptz', uuid: 'uuid', json: 'jsonb', boolean: 'boolean', bigint: 'bigint', blob: 'bytea' }
    : { instant: 'datetime', uuid: 'varchar(36)', json: 'json', boolean: 'boolean', bigint: 'bigint', blob: 'blob' };
}

/** The n-th (1-based) bound parameter in hand-written SQL: `$n` for pg, `?` for SQLite (positional). */
export function placeholder(source: QueryRunner | DataSource | EntityManager, index: number): string {
  return databaseKindOf(source) === 'postgres' ? `$${index}` : '?';
}

/**
 * An instant as a raw query parameter. Find options convert by column metadata; hand-written conditions
 * (keyset pagination, ranges) must pass what the driver stored: a Date for pg, the UTC text for SQLite.
 */
export function instantParameter(source: DataSource | EntityManager, instant: Date): Date | string {
  return databaseKindOf(source) === 'postgres' ? instant : DateUtils.mixedDateToUtcDatetimeString(instant);
}
