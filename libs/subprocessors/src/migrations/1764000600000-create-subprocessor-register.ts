import { portableColumnTypes } from '@verwerker/platform';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateSubprocessorRegister1764000600000 implements MigrationInterface {
  name = 'CreateSubprocessorRegister1764000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = portableColumnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'subprocessor',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'created_at', type: t.instant },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'subprocessor_version',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'subprocessor_id', type: t.uuid },
          { name: 'details', type: t.json },
          { name: 'transfer_status', type: 'varchar', length: '12' },
          { name: 'valid_from', type: t.instant },
          { name: 'valid_to', type: t.instant, isNullable: true },
          { name: 'change_id', type: t.uuid, isNullable: true },
          { name: 'created_at', type: t.instant },
        ],
        foreignKeys: [{ name: 'fk_subprocessor_version_subprocessor', columnNames: ['subprocessor_id'], referencedTableName: 'subprocessor', referencedColumnNames: ['id'] }],
        // A register entry that fails the transfer rules may never be in force (Chapter V GDPR).
        checks: [{ name: 'ck_subprocessor_version_transfer', expression: "transfer_status IN ('eea', 'adequacy', 'safeguards', 'derogation')" }],
      }),
    );
    await queryRunner.createIndices('subprocessor_version', [
      new TableIndex({ name: 'ix_subprocessor_version_subprocessor', columnNames: ['subprocessor_id'] }),
      new TableIndex({ name: 'ix_subprocessor_version_period', columnNames: ['valid_from', 'valid_to'] }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'subprocessor_change',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'kind', type: 'varchar', length: '12' },
          { name: 'subprocessor_id', type: t.uuid },
          { name: 'replaces_subprocessor_id', type: t.uuid, isNullable: true },
          { name: 'subprocessor_name', type: 'varchar', length: '200' },
          { name: 'replaces_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'details', type: t.json, isNullable: true },
          { name: 'announced_at', type: t.instant },
          { name: 'effective_at', type: t.instant },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'applied_at', type: t.instant, isNullable: true },
          { name: 'withdrawn_reason', type: 'varchar', length: '2000', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '200' },
          { name: 'created_at', type: t.instant },
        ],
        foreignKeys: [{ name: 'fk_subprocessor_change_subprocessor', columnNames: ['subprocessor_id'], referencedTableName: 'subprocessor', referencedColumnNames: ['id'] }],
        checks: [
          { name: 'ck_subprocessor_change_kind', expression: "kind IN ('addition', 'replacement', 'removal')" },
          { name: 'ck_subprocessor_change_status', expression: "status IN ('announced', 'applied', 'withdrawn')" },
        ],
      }),
    );
    await queryRunner.createIndex('subprocessor_change', new TableIndex({ name: 'ix_subprocessor_change_due', columnNames: ['status', 'effective_at'] }));
    await queryRunner.createTable(
      new Table({
        name: 'subprocessor_change_client',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'change_id', type: t.uuid },
          { name: 'client_id', type: t.uuid },
          { name: 'authorisation', type: 'varchar', length: '10' },
          { name: 'objection_period_days', type: 'integer' },
          { name: 'response', type: 'varchar', length: '10' },
          { name: 'response_reason', type: 'varchar', length: '2000', isNullable: true },
          { name: 'responded_at', type: t.instant, isNullable: true },
          { name: 'decision', type: 'varchar', length: '12', isNullable: true },
          { name: 'decision_reason', type: 'varchar', length: '2000', isNullable: true },
          { name: 'decided_at', type: t.instant, isNullable: true },
          { name: 'applies', type: t.boolean, isNullable: true },
          { name: 'outcome_rule', type: 'varchar', length: '40', isNullable: true },
          { name: 'notice_id', type: t.uuid, isNullable: true },
          { name: 'created_at', type: t.instant },
        ],
        foreignKeys: [
          { name: 'fk_subprocessor_change_client_change', columnNames: ['change_id'], referencedTableName: 'subprocessor_change', referencedColumnNames: ['id'] },
          { name: 'fk_subprocessor_change_client_client', columnNames: ['client_id'], referencedTableName: 'client', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await queryRunner.createIndices('subprocessor_change_client', [
      new TableIndex({ name: 'uq_subprocessor_change_client', columnNames: ['change_id', 'client_id'], isUnique: true }),
      new TableIndex({ name: 'ix_subprocessor_change_client_client', columnNames: ['client_id'] }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'subprocessor_exclusion',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'subprocessor_id', type: t.uuid },
          { name: 'client_id', type: t.uuid },
          { name: 'change_id', type: t.uuid },
          { name: 'rule', type: 'varchar', length: '40' },
          { name: 'created_at', type: t.instant },
        ],
        foreignKeys: [
          { name: 'fk_subprocessor_exclusion_subprocessor', columnNames: ['subprocessor_id'], referencedTableName: 'subprocessor', referencedColumnNames: ['id'] },
          { name: 'fk_subprocessor_exclusion_client', columnNames: ['client_id'], referencedTableName: 'client', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await queryRunner.createIndex('subprocessor_exclusion', new TableIndex({ name: 'uq_subprocessor_exclusion', columnNames: ['subprocessor_id', 'client_id'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['subprocessor_exclusion', 'subprocessor_change_client', 'subprocessor_change', 'subprocessor_version', 'subprocessor']) await queryRunner.dropTable(table);
  }
}
