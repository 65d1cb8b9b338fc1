import { TestApp } from './test-app';

/**
 * Runs SQL as someone with direct database access would, past the append-only triggers: on PostgreSQL as a
 * superuser with triggers disabled for the session, on SQLite by dropping the trigger. For tamper tests only.
 */
export async function tamperWith(sut: TestApp, sql: string): Promise<void> {
  if (sut.database.kind === 'postgres') {
    await sut.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query(sql);
    });
    return;
  }
  await sut.dataSource.query('DROP TRIGGER IF EXISTS access_log_entry_no_update');
  await sut.dataSource.query('DROP TRIGGER IF EXISTS access_log_entry_no_delete');
  await sut.dataSource.query(sql);
}
