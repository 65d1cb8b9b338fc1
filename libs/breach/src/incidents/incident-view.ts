import { Inject, Injectable } from '@nestjs/common';
import { ClientRepository, ProcessorProfile, ProcessorProfileService } from '@verwerker/parties';
import { Clock, PROCESSOR_SCOPE } from '@verwerker/platform';
import { EntityManager } from 'typeorm';
import { BreachModuleOptions, RESOLVED_BREACH_OPTIONS } from '../breach.module-definition';
import { assessBreach, BreachAssessment } from '../rules/assess-breach';
import { toBreachFacts } from '../rules/incident-facts';
import { NotificationPlan, planNotifications } from '../rules/notification-plan';
import { AffectedClient, ClientBreachNotice, Incident } from './incident.entity';
import { IncidentRepository } from './incident.repository';

export interface AffectedClientView extends AffectedClient {
  clientName: string;
  language: 'nl' | 'en';
  notices: ClientBreachNotice[];
}

/** An incident with everything derived from it now: the assessment, the clients, whom to notify by when. */
export interface IncidentView {
  incident: Incident;
  clients: AffectedClientView[];
  assessment: BreachAssessment | null;
  plan: NotificationPlan;
  nis2Entity: boolean;
  profile: ProcessorProfile | null;
  now: Date;
}

/** Builds the derived view; used on every read and before every decision, so nothing derived is ever stale. */
@Injectable()
export class IncidentViews {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly clients: ClientRepository,
    private readonly profiles: ProcessorProfileService,
    private readonly clock: Clock,
    @Inject(RESOLVED_BREACH_OPTIONS) private readonly options: BreachModuleOptions,
  ) {}

  async of(incident: Incident, manager?: EntityManager): Promise<IncidentView> {
    // One after another: inside a transaction they share one connection.
    const affected = await this.incidents.affectedClients([incident.id], manager);
    const notices = await this.incidents.noticesOfIncidents([incident.id], manager);
    const profile = await this.profiles.find(manager);
    const clients = new Map((await this.clients.findByIds(PROCESSOR_SCOPE, affected.map((row) => row.clientId), manager)).map((client) => [client.id, client]));
    const noticesByClient = new Map<string, ClientBreachNotice[]>();
    for (const notice of notices) noticesByClient.set(notice.clientId, [...(noticesByClient.get(notice.clientId) ?? []), notice]);
    const views: AffectedClientView[] = affected
      .map((row) => ({ ...row, clientName: clients.get(row.clientId)?.legalName ?? row.clientId, language: clients.get(row.clientId)?.language ?? 'nl', notices: noticesByClient.get(row.clientId) ?? [] }))
      .sort((a, b) => a.clientName.localeCompare(b.clientName) || a.clientId.localeCompare(b.clientId));
    const now = this.clock.now();
    const assessment = incident.facts ? assessBreach(toBreachFacts(incident.facts, incident.ownData ? 'controller' : 'processor')) : null;
    const nis2Entity = this.options.nis2Entity ?? profile?.nis2Entity ?? false;
    const plan = planNotifications({
      state: incident.state,
      awareAt: incident.awareAt,
      ownData: incident.ownData,
      clients: views.map((view) => ({ clientId: view.clientId, clientName: view.clientName, agreementHours: view.agreementHours, hoursSource: view.hoursSource, notifiedAt: view.notices[0]?.createdAt ?? null })),
      assessment,
      override: incident.overrideRisk && incident.overrideReason ? { risk: incident.overrideRisk, reason: incident.overrideReason } : null,
      authorityFiledAt: incident.authorityFiledAt,
      dataSubjectsCommunicatedAt: incident.dataSubjectsCommunicatedAt,
      nis2: { entity: nis2Entity, significant: incident.nis2Significant, earlyWarningAt: incident.nis2EarlyWarningAt, notificationAt: incident.nis2NotificationAt, finalReportAt: incident.nis2FinalReportAt },
      now,
      dueSoonWithinMs: this.options.dueSoonHours * 3_600_000,
    });
    return { incident, clients: views, assessment, plan, nis2Entity, profile, now };
  }
}
