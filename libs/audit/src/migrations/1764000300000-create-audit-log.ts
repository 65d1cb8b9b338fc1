import { databaseKindOf, portableColumnTypes } from '@verwerker/platform';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const LOG_TABLES = ['access_log_entry', 'change_trail_entry'];

export class CreateAuditLog1764000300000 implements MigrationInterface {
  name = 'CreateAuditLog1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = portableColumnTypes(queryRunner);
    const hash = (name: string) => ({ name, type: 'varchar', length: '64' });
    await queryRunner.createTable(
      new Table({
        name: 'access_log_entry',
        columns: [
          { name: 'seq', type: types.bigint, isPrimary: true },
          { name: 'id', type: types.uuid },
          { name: 'external_event_id', type: 'varchar', length: '200' },
          { name: 'client_id', type: types.uuid },
          { name: 'staff_member_id', type: 'varchar', length: '100', isNullable: true },
          { name: 'staff_member_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'system', type: 'varchar', length: '255' },
          { name: 'action', type: 'varchar', length: '10' },
          { name: 'started_at', type: types.instant },
          { name: 'ended_at', type: types.instant, isNullable: true },
          { name: 'reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'source_ip', type: 'varchar', length: '45', isNullable: true },
          { name: 'session_id', type: 'varchar', length: '200', isNullable: true },
          { name: 'flags', type: 'integer' },
          { name: 'recorded_at', type: types.instant },
          hash('content_hash'),
          hash('entry_hash'),
          { name: 'purged_at', type: types.instant, isNullable: true },
        ],
        // No foreign key to client: ingestion checks every client id before writing, clients are never deleted,
        // and the per-row FK lookup cost a quarter of the ingest rate (bench/audit).
        checks: [{ name: 'ck_access_action', expression: "action IN ('login', 'view', 'export', 'change', 'delete', 'other')" }],
      }),
    );
    await queryRunner.createIndices('access_log_entry', [
      new TableIndex({ name: 'uq_access_external_event', columnNames: ['external_event_id'], isUnique: true }),
      new TableIndex({ name: 'ix_access_client_started', columnNames: ['client_id', 'started_at', 'seq'] }),
      new TableIndex({ name: 'ix_access_started', columnNames: ['started_at', 'seq'] }),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'change_trail_entry',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'seq', type: types.bigint },
          { name: 'occurred_at', type: types.instant },
          { name: 'actor_kind', type: 'varchar', length: '10' },
          { name: 'actor_role', type: 'varchar', length: '10' },
          { name: 'actor_label', type: 'varchar', length: '200', isNullable: true },
          { name: 'credential_id', type: 'varchar', length: '300', isNullable: true },
          { name: 'client_id', type: types.uuid, isNullable: true },
          { name: 'action', type: 'varchar', length: '100' },
          { name: 'subject_type', type: 'varchar', length: '50' },
          { name: 'subject_id', type: 'varchar', length: '100' },
          { name: 'summary', type: types.json, isNullable: true },
          hash('content_hash'),
          hash('entry_hash'),
          { name: 'purged_at', type: types.instant, isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndices('change_trail_entry', [
      new TableIndex({ name: 'uq_change_seq', columnNames: ['seq'], isUnique: true }),
      new TableIndex({ name: 'ix_change_client_occurred', columnNames: ['client_id', 'occurred_at', 'seq'] }),
      new TableIndex({ name: 'ix_change_occurred', columnNames: ['occurred_at', 'seq'] }),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'audit_chain_head',
        columns: [
          { name: 'stream', type: 'varchar', length: '10', isPrimary: true },
          { name: 'size', type: types.bigint },
          hash('head_hash'),
        ],
      }),
    );
    await queryRunner.query(`INSERT INTO audit_chain_head (stream, size, head_hash) VALUES ('access', 0, '${'0'.repeat(64)}'), ('change', 0, '${'0'.repeat(64)}')`);

    await queryRunner.createTable(
      new Table({
        name: 'audit_checkpoint',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'stream', type: 'varchar', length: '10' },
          { name: 'size', type: types.bigint },
          hash('head_hash'),
          { name: 'created_at', type: types.instant },
          { name: 'key_id', type: 'varchar', length: '16' },
          { name: 'signature', type: 'varchar', length: '100' },
        ],
      }),
    );
    await queryRunner.createIndex('audit_checkpoint', new TableIndex({ name: 'uq_audit_checkpoint_stream_size', columnNames: ['stream', 'size'], isUnique: true }));

    if (databaseKindOf(queryRunner) === 'postgres') await this.appendOnlyOnPostgres(queryRunner);
    else await this.appendOnlyOnSqlite(queryRunner);
  }

  /**
   * The log tables refuse UPDATE, DELETE and TRUNCATE. The only exception is the retention purge, which sets
   * `verwerker.audit_purge` for its own transaction (SET LOCAL) and may then only update rows.
   */
  private async appendOnlyOnPostgres(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION verwerker_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('verwerker.audit_purge', true) = 'on' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit log % is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of LOG_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION verwerker_audit_append_only()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION verwerker_audit_append_only()`,
      );
    }
  }

  /** SQLite has no session settings: the purge inserts a row into audit_purge_allowance for its transaction. */
  private async appendOnlyOnSqlite(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE audit_purge_allowance (granted integer NOT NULL)');
    for (const table of LOG_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, 'audit log ${table} is append-only: DELETE refused'); END`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} WHEN NOT EXISTS (SELECT 1 FROM audit_purge_allowance) ` +
          `BEGIN SELECT RAISE(ABORT, 'audit log ${table} is append-only: UPDATE refused'); END`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_checkpoint', 'audit_chain_head', ...LOG_TABLES]) await queryRunner.dropTable(table);
    if (databaseKindOf(queryRunner) === 'postgres') await queryRunner.query('DROP FUNCTION verwerker_audit_append_only()');
    else await queryRunner.query('DROP TABLE audit_purge_allowance');
  }
}
