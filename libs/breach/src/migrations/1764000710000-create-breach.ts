import { portableColumnTypes } from '@verwerker/platform';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateBreach1764000710000 implements MigrationInterface {
  name = 'CreateBreach1764000710000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = portableColumnTypes(queryRunner);
    const instant = (name: string, nullable = true) => ({ name, type: types.instant, isNullable: nullable });
    await queryRunner.createTable(
      new Table({
        name: 'breach_incident',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'reference', type: 'varchar', length: '40' },
          { name: 'title', type: 'varchar', length: '300' },
          { name: 'description', type: 'text' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'source', type: 'varchar', length: '20' },
          instant('detected_at', false),
          instant('aware_at'),
          { name: 'handler_name', type: 'varchar', length: '200' },
          { name: 'handler_email', type: 'varchar', length: '320' },
          { name: 'affected_systems', type: types.json },
          { name: 'affected_services', type: types.json },
          { name: 'subprocessor_ids', type: types.json },
          { name: 'added_client_ids', type: types.json },
          { name: 'excluded_client_ids', type: types.json },
          { name: 'own_data', type: types.boolean },
          { name: 'facts', type: types.json, isNullable: true },
          { name: 'override_risk', type: 'varchar', length: '10', isNullable: true },
          { name: 'override_reason', type: 'text', isNullable: true },
          { name: 'override_by', type: 'varchar', length: '200', isNullable: true },
          { name: 'not_breach_reason', type: 'text', isNullable: true },
          instant('authority_filed_at'),
          { name: 'authority_reference', type: 'varchar', length: '100', isNullable: true },
          { name: 'authority_delay_reason', type: 'text', isNullable: true },
          instant('data_subjects_communicated_at'),
          { name: 'nis2_significant', type: types.boolean },
          instant('nis2_early_warning_at'),
          instant('nis2_notification_at'),
          instant('nis2_final_report_at'),
          { name: 'closing_note', type: 'text', isNullable: true },
          instant('closed_at'),
          instant('created_at', false),
          instant('updated_at', false),
        ],
        checks: [
          { name: 'ck_breach_incident_state', expression: "state IN ('reported', 'investigating', 'breach', 'not_a_breach', 'notifying', 'notified', 'closed')" },
          { name: 'ck_breach_incident_override', expression: "(override_risk IS NULL) = (override_reason IS NULL)" },
        ],
      }),
    );
    await queryRunner.createIndex('breach_incident', new TableIndex({ name: 'uq_breach_incident_reference', columnNames: ['reference'], isUnique: true }));
    await queryRunner.createIndex('breach_incident', new TableIndex({ name: 'ix_breach_incident_created', columnNames: ['created_at', 'id'] }));

    await queryRunner.createTable(
      new Table({
        name: 'breach_affected_client',
        columns: [
          { name: 'incident_id', type: types.uuid, isPrimary: true },
          { name: 'client_id', type: types.uuid, isPrimary: true },
          { name: 'origin', type: 'varchar', length: '20' },
          { name: 'agreement_hours', type: 'integer' },
          { name: 'hours_source', type: 'varchar', length: '20' },
        ],
        foreignKeys: [
          { name: 'fk_breach_affected_client_incident', columnNames: ['incident_id'], referencedTableName: 'breach_incident', referencedColumnNames: ['id'] },
          { name: 'fk_breach_affected_client_client', columnNames: ['client_id'], referencedTableName: 'client', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await queryRunner.createIndex('breach_affected_client', new TableIndex({ name: 'ix_breach_affected_client_client', columnNames: ['client_id'] }));

    await queryRunner.createTable(
      new Table({
        name: 'breach_client_notice',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'incident_id', type: types.uuid },
          { name: 'client_id', type: types.uuid },
          { name: 'sequence', type: 'integer' },
          { name: 'notice_id', type: types.uuid },
          instant('deadline_at'),
          { name: 'changes', type: 'text', isNullable: true },
          instant('acknowledged_at'),
          { name: 'acknowledged_by', type: 'varchar', length: '200', isNullable: true },
          instant('created_at', false),
        ],
        foreignKeys: [
          { name: 'fk_breach_client_notice_incident', columnNames: ['incident_id'], referencedTableName: 'breach_incident', referencedColumnNames: ['id'] },
          { name: 'fk_breach_client_notice_client', columnNames: ['client_id'], referencedTableName: 'client', referencedColumnNames: ['id'] },
          { name: 'fk_breach_client_notice_notice', columnNames: ['notice_id'], referencedTableName: 'notice', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await queryRunner.createIndex('breach_client_notice', new TableIndex({ name: 'uq_breach_client_notice_sequence', columnNames: ['incident_id', 'client_id', 'sequence'], isUnique: true }));
    await queryRunner.createIndex('breach_client_notice', new TableIndex({ name: 'ix_breach_client_notice_client_created', columnNames: ['client_id', 'created_at', 'id'] }));

    await queryRunner.createTable(
      new Table({
        name: 'breach_reminder',
        columns: [
          { name: 'id', type: types.uuid, isPrimary: true },
          { name: 'incident_id', type: types.uuid },
          { name: 'deadline_key', type: 'varchar', length: '60' },
          { name: 'point', type: 'varchar', length: '10' },
          { name: 'recipients', type: types.json },
          { name: 'notice_id', type: types.uuid },
          instant('created_at', false),
        ],
        foreignKeys: [
          { name: 'fk_breach_reminder_incident', columnNames: ['incident_id'], referencedTableName: 'breach_incident', referencedColumnNames: ['id'] },
          { name: 'fk_breach_reminder_notice', columnNames: ['notice_id'], referencedTableName: 'notice', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await queryRunner.createIndex('breach_reminder', new TableIndex({ name: 'uq_breach_reminder_point', columnNames: ['incident_id', 'deadline_key', 'point'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('breach_reminder');
    await queryRunner.dropTable('breach_client_notice');
    await queryRunner.dropTable('breach_affected_client');
    await queryRunner.dropTable('breach_incident');
  }
}
