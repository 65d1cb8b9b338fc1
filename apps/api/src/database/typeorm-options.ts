import type { Database } from 'better-sqlite3';
import { DataSource, DataSourceOptions } from 'typeorm';
import { VerwerkerConfig } from '../config/configuration';
import { ENTITIES, MIGRATIONS } from './schema';

/**
 * The one options object, used by Nest (AppModule) and by the TypeORM CLI (data-source.ts). Migrations are
 * run by `runMigrationsExclusively`, not by TypeORM's `migrationsRun`, so that several instances starting
 * at once on PostgreSQL do not run them twice.
 */
export function buildTypeOrmOptions(database: VerwerkerConfig['database']): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: database.logging,
  } as const;
  if (database.kind === 'postgres') {
    return { ...common, type: 'postgres', url: database.url, extra: { max: database.poolSize }, applicationName: 'verwerker' };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    // Writers wait for each other instead of failing at once with SQLITE_BUSY (the worker and the API share the file).
    prepareDatabase: (db: Database) => {
      db.pragma('busy_timeout = 5000');
      // Checkpoint the WAL every ~40 MB instead of every ~4 MB: index pages that many commits touch are copied
      // into the database file once per checkpoint, so fewer checkpoints write less (audit ingest: about +25 %).
      db.pragma('wal_autocheckpoint = 10000');
    },
  };
}

/** An arbitrary but fixed key for pg_advisory_lock: "verwerker migrations". */
const MIGRATION_LOCK_KEY = 7_428_311_905;

export async function runMigrationsExclusively(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type !== 'postgres') {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  }
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}
