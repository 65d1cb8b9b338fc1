import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyTenantScope, insertRows, instantParameter, Page, PageRequest, paginateByCreation, TenantScope } from '@verwerker/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { IncidentState } from '../rules/incident-lifecycle';
import { AffectedClient, BreachReminder, ClientBreachNotice, Incident } from './incident.entity';

export interface IncidentFilter {
  state?: IncidentState;
  /** Detected at or after / before. */
  from?: Date;
  to?: Date;
  ownData?: boolean;
  clientId?: string;
}

export interface ClientNoticeFilter {
  incidentId?: string;
  acknowledged?: boolean;
}

/**
 * The only place that builds queries for incidents, their affected clients, client notices and reminders.
 * Incidents are processor records (staff, DPO); what a client reads — its notices — always takes its scope.
 */
@Injectable()
export class IncidentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, incident: Incident): Promise<void> {
    await manager.getRepository(Incident).insert(incident);
  }

  async save(manager: EntityManager, incident: Incident): Promise<void> {
    await manager.getRepository(Incident).save(incident);
  }

  /** Read for update: on PostgreSQL the row lock serialises two staff actions on one incident. */
  async lock(manager: EntityManager, id: string): Promise<Incident | null> {
    const query = manager.getRepository(Incident).createQueryBuilder('incident').where('incident.id = :id', { id });
    if (manager.connection.options.type === 'postgres') query.setLock('pessimistic_write');
    return query.getOne();
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Incident | null> {
    return manager.getRepository(Incident).findOneBy({ id });
  }

  async list(filter: IncidentFilter, page: PageRequest): Promise<Page<Incident>> {
    return paginateByCreation(this.dataSource.manager, this.filtered(filter), page);
  }

  /** The whole register (Art. 33(5)) in order of detection, for exports. */
  async all(filter: IncidentFilter): Promise<Incident[]> {
    return this.filtered(filter).orderBy('incident.detectedAt', 'ASC').addOrderBy('incident.reference', 'ASC').getMany();
  }

  /** Incidents whose clocks run: awareness recorded, not closed. */
  async open(): Promise<Incident[]> {
    return this.dataSource.getRepository(Incident).find({ where: { state: In(['breach', 'notifying', 'notified']) }, order: { createdAt: 'ASC' } });
  }

  private filtered(filter: IncidentFilter) {
    const manager = this.dataSource.manager;
    const query = manager.getRepository(Incident).createQueryBuilder('incident');
    if (filter.state) query.andWhere('incident.state = :state', { state: filter.state });
    if (filter.from) query.andWhere('incident.detectedAt >= :from', { from: instantParameter(manager, filter.from) });
    if (filter.to) query.andWhere('incident.detectedAt < :to', { to: instantParameter(manager, filter.to) });
    if (filter.ownData !== undefined) query.andWhere('incident.ownData = :ownData', { ownData: filter.ownData });
    if (filter.clientId) {
      query.andWhere('EXISTS (SELECT 1 FROM breach_affected_client affected WHERE affected.incident_id = incident.id AND affected.client_id = :clientId)', { clientId: filter.clientId });
    }
    return query;
  }

  async affectedClients(incidentIds: string[], manager: EntityManager = this.dataSource.manager): Promise<AffectedClient[]> {
    if (!incidentIds.length) return [];
    return manager.getRepository(AffectedClient).find({ where: { incidentId: In(incidentIds) } });
  }

  /** Replaces the derived list in one multi-row insert (a sub-processor's incident can touch thousands). */
  async replaceAffectedClients(manager: EntityManager, incidentId: string, rows: AffectedClient[]): Promise<void> {
    await manager.getRepository(AffectedClient).delete({ incidentId });
    await insertRows(
      manager,
      'breach_affected_client',
      ['incident_id', 'client_id', 'origin', 'agreement_hours', 'hours_source'],
      rows.map((row) => [row.incidentId, row.clientId, row.origin, row.agreementHours, row.hoursSource]),
    );
  }

  async noticesOfIncidents(incidentIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ClientBreachNotice[]> {
    if (!incidentIds.length) return [];
    return manager.getRepository(ClientBreachNotice).find({ where: { incidentId: In(incidentIds) }, order: { sequence: 'ASC' } });
  }

  async insertClientNotices(manager: EntityManager, rows: ClientBreachNotice[]): Promise<void> {
    await insertRows(
      manager,
      'breach_client_notice',
      ['id', 'incident_id', 'client_id', 'sequence', 'notice_id', 'deadline_at', 'changes', 'acknowledged_at', 'acknowledged_by', 'created_at'],
      rows.map((row) => [row.id, row.incidentId, row.clientId, row.sequence, row.noticeId, row.deadlineAt, row.changes, row.acknowledgedAt, row.acknowledgedBy, row.createdAt]),
    );
  }

  async findClientNotice(scope: TenantScope, id: string, manager: EntityManager = this.dataSource.manager): Promise<ClientBreachNotice | null> {
    const query = manager.getRepository(ClientBreachNotice).createQueryBuilder('notice').where('notice.id = :id', { id });
    return applyTenantScope(query, scope, 'clientId').getOne();
  }

  async listClientNotices(scope: TenantScope, filter: ClientNoticeFilter, page: PageRequest): Promise<Page<ClientBreachNotice>> {
    const manager = this.dataSource.manager;
    const query = applyTenantScope(manager.getRepository(ClientBreachNotice).createQueryBuilder('notice'), scope, 'clientId');
    if (filter.incidentId) query.andWhere('notice.incidentId = :incidentId', { incidentId: filter.incidentId });
    if (filter.acknowledged !== undefined) query.andWhere(filter.acknowledged ? 'notice.acknowledgedAt IS NOT NULL' : 'notice.acknowledgedAt IS NULL');
    return paginateByCreation(manager, query, page);
  }

  /** First acknowledgement wins; a repeat changes nothing. */
  async acknowledge(manager: EntityManager, scope: TenantScope, id: string, by: string, at: Date): Promise<boolean> {
    const query = manager
      .createQueryBuilder()
      .update(ClientBreachNotice)
      .set({ acknowledgedAt: at, acknowledgedBy: by })
      .where('id = :id AND acknowledged_at IS NULL', { id });
    if (scope.kind === 'client') query.andWhere('client_id = :scopeClientId', { scopeClientId: scope.clientId });
    const result = await query.execute();
    return (result.affected ?? 0) > 0;
  }

  async insertReminder(manager: EntityManager, reminder: BreachReminder): Promise<void> {
    await manager.getRepository(BreachReminder).insert(reminder);
  }

  async reminders(incidentId: string): Promise<BreachReminder[]> {
    return this.dataSource.getRepository(BreachReminder).find({ where: { incidentId }, order: { createdAt: 'ASC', deadlineKey: 'ASC' } });
  }
}
