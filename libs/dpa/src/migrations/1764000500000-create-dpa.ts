import { portableColumnTypes } from '@verwerker/platform';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateDpa1764000500000 implements MigrationInterface {
  name = 'CreateDpa1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = portableColumnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'dpa_agreement',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'client_id', type: types.uuid },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'created_at', type: types.instant },
          { name: 'updated_at', type: types.instant },
        ],
        foreignKeys: [{ name: 'fk_dpa_agreement_client', columnNames: ['client_id'], referencedTableName: 'client', referencedColumnNames: ['id'] }],
        indices: [
          new TableIndex({ name: 'ux_dpa_agreement_client', columnNames: ['client_id'], isUnique: true }),
          new TableIndex({ name: 'ix_dpa_agreement_created', columnNames: ['created_at', 'id'] }),
        ],
      }),
    );

    const optionalInstant = (name: string) => ({ name, type: types.instant, isNullable: true });
    const optionalText = (name: string, length?: string) => ({ name, type: length ? 'varchar' : 'text', length, isNullable: true });
    await queryRunner.createTable(
      new Table({
        name: 'dpa_agreement_version',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'agreement_id', type: types.uuid },
          { name: 'client_id', type: types.uuid },
          { name: 'number', type: 'integer' },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'terms', type: types.json },
          { name: 'parties', type: types.json },
          { name: 'subprocessors', type: types.json, isNullable: true },
          optionalText('content_sha256', '64'),
          optionalText('document_sha256', '64'),
          { name: 'created_at', type: types.instant },
          { name: 'created_by', type: 'varchar', length: '200' },
          { name: 'updated_at', type: types.instant },
          optionalInstant('sent_at'),
          optionalText('sent_by', '200'),
          { name: 'forced_incomplete', type: types.boolean, default: false },
          optionalText('force_reason'),
          optionalInstant('withdrawn_at'),
          optionalInstant('accepted_at'),
          optionalText('accepted_by_name', '200'),
          optionalText('accepted_by_function', '200'),
          optionalText('accepted_credential_id', '300'),
          optionalText('accepted_credential_label', '200'),
          optionalText('accepted_ip', '64'),
          optionalText('accepted_user_agent', '500'),
          optionalText('accepted_document_sha256', '64'),
          optionalInstant('superseded_at'),
          { name: 'superseded_by_number', type: 'integer', isNullable: true },
          optionalInstant('terminated_at'),
          optionalText('termination_reason'),
          optionalText('end_of_service', '10'),
          optionalText('end_of_service_due_on', '10'),
          optionalInstant('end_of_service_completed_at'),
          optionalText('end_of_service_note'),
        ],
        checks: [
          { name: 'ck_dpa_version_status', expression: "status IN ('draft', 'sent', 'accepted', 'superseded', 'terminated', 'withdrawn')" },
          { name: 'ck_dpa_version_end_of_service', expression: "end_of_service IS NULL OR end_of_service IN ('delete', 'return')" },
          { name: 'ck_dpa_version_number', expression: 'number >= 1' },
        ],
        foreignKeys: [
          { name: 'fk_dpa_version_agreement', columnNames: ['agreement_id'], referencedTableName: 'dpa_agreement', referencedColumnNames: ['id'] },
          { name: 'fk_dpa_version_client', columnNames: ['client_id'], referencedTableName: 'client', referencedColumnNames: ['id'] },
        ],
        indices: [
          new TableIndex({ name: 'ux_dpa_version_number', columnNames: ['agreement_id', 'number'], isUnique: true }),
          new TableIndex({ name: 'ix_dpa_version_client_status', columnNames: ['client_id', 'status'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'dpa_reminder',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'version_id', type: types.uuid },
          { name: 'client_id', type: types.uuid },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'created_at', type: types.instant },
        ],
        checks: [{ name: 'ck_dpa_reminder_kind', expression: "kind IN ('acceptance', 'end_of_service_due')" }],
        foreignKeys: [{ name: 'fk_dpa_reminder_version', columnNames: ['version_id'], referencedTableName: 'dpa_agreement_version', referencedColumnNames: ['id'] }],
        indices: [new TableIndex({ name: 'ux_dpa_reminder_version_kind', columnNames: ['version_id', 'kind'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('dpa_reminder');
    await queryRunner.dropTable('dpa_agreement_version');
    await queryRunner.dropTable('dpa_agreement');
  }
}
