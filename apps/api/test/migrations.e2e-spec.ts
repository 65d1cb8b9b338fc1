import { DataSource } from 'typeorm';
import { loadConfiguration } from '../src/config/configuration';
import { MIGRATIONS } from '../src/database/schema';
import { buildTypeOrmOptions, runMigrationsExclusively } from '../src/database/typeorm-options';
import { createTestDatabase, TestDatabase } from './support/test-database';

describe('Migrations (on the database under test)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(buildTypeOrmOptions(loadConfiguration(database.env).database)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('have unique timestamps across libs', () => {
    const timestamps = MIGRATIONS.map((migration) => /(\d{13})$/.exec(migration.name)?.[1]);
    expect(timestamps.every(Boolean)).toBe(true);
    expect(new Set(timestamps).size).toBe(MIGRATIONS.length);
  });

  it('apply from empty, then find nothing left to do', async () => {
    const applied = await runMigrationsExclusively(dataSource);
    expect(applied).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await runMigrationsExclusively(dataSource)).toEqual([]);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('match the entities: every entity column exists in the migrated schema', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      for (const entity of dataSource.entityMetadatas) {
        const table = await runner.getTable(entity.tableName);
        expect([entity.tableName, Boolean(table)]).toEqual([entity.tableName, true]);
        const columns = table!.columns.map((column) => column.name).sort();
        expect([entity.tableName, columns]).toEqual([entity.tableName, entity.columns.map((column) => column.databaseName).sort()]);
      }
    } finally {
      await runner.release();
    }
  });

  it('revert completely, and apply again', async () => {
    for (let index = 0; index < MIGRATIONS.length; index += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    const runner = dataSource.createQueryRunner();
    try {
      for (const entity of dataSource.entityMetadatas) expect([entity.tableName, await runner.hasTable(entity.tableName)]).toEqual([entity.tableName, false]);
    } finally {
      await runner.release();
    }
    expect(await runMigrationsExclusively(dataSource)).toHaveLength(MIGRATIONS.length);
  });
});
