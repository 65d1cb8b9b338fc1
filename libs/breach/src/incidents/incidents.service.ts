import { Injectable } from '@nestjs/common';
import { AgreementsInForce } from '@verwerker/dpa';
import { ClientRepository, ProcessorProfileService } from '@verwerker/parties';
import { ChangeActor, ChangeRecorder, Clock, FieldError, InvalidStateError, NotFoundError, PROCESSOR_SCOPE, TransactionRunner, ValidationError } from '@verwerker/platform';
import { RegisterService } from '@verwerker/subprocessors';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ReportIncidentDto, UpdateIncidentDto } from '../dto/incident.dto';
import { authorityNotificationDeadline } from '../rules/breach-deadlines';
import { IncidentFacts } from '../rules/incident-facts';
import { canTransition, IncidentState, isBreachState } from '../rules/incident-lifecycle';
import { AffectedClient, AffectedOrigin, Incident } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentView, IncidentViews } from './incident-view';

const normalise = (service: string) => service.trim().toLowerCase();

/** The incident use cases: intake, the state machine, facts, override, the AP filing, data subjects, NIS2. */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly views: IncidentViews,
    private readonly transactions: TransactionRunner,
    private readonly changes: ChangeRecorder,
    private readonly clock: Clock,
    private readonly clients: ClientRepository,
    private readonly agreements: AgreementsInForce,
    private readonly register: RegisterService,
    private readonly profiles: ProcessorProfileService,
  ) {}

  async report(dto: ReportIncidentDto, actor: ChangeActor): Promise<IncidentView> {
    const now = this.clock.now();
    const detectedAt = this.instant(dto.detectedAt, 'detectedAt', { notAfter: now });
    const awareAt = dto.awareAt ? this.instant(dto.awareAt, 'awareAt', { notAfter: now, notBefore: detectedAt }) : null;
    const id = randomUUID();
    const incident = Object.assign(new Incident(), {
      id,
      reference: `INC-${formatDay(now)}-${id.slice(0, 6).toUpperCase()}`,
      title: dto.title.trim(),
      description: dto.description.trim(),
      state: (awareAt ? 'breach' : 'reported') as IncidentState,
      source: dto.source ?? 'staff',
      detectedAt,
      awareAt,
      handlerName: dto.handlerName.trim(),
      handlerEmail: dto.handlerEmail.trim(),
      affectedSystems: unique(dto.affectedSystems ?? []),
      affectedServices: unique((dto.affectedServices ?? []).map(normalise)),
      subprocessorIds: unique(dto.subprocessorIds ?? []),
      addedClientIds: unique(dto.addClientIds ?? []),
      excludedClientIds: unique(dto.excludeClientIds ?? []),
      ownData: dto.ownData ?? false,
      facts: (dto.facts as IncidentFacts | undefined) ?? null,
      overrideRisk: null,
      overrideReason: null,
      overrideBy: null,
      notBreachReason: null,
      authorityFiledAt: null,
      authorityReference: null,
      authorityDelayReason: null,
      dataSubjectsCommunicatedAt: null,
      nis2Significant: dto.nis2Significant ?? false,
      nis2EarlyWarningAt: null,
      nis2NotificationAt: null,
      nis2FinalReportAt: null,
      closingNote: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    } satisfies Incident);
    this.assertFacts(incident.facts);
    const affected = await this.deriveClients(incident);
    return this.transactions.run(async (manager) => {
      await this.incidents.insert(manager, incident);
      await this.incidents.replaceAffectedClients(manager, id, affected);
      await this.record(manager, actor, incident, 'incident.reported', null, { reference: incident.reference, state: incident.state, clients: affected.length, ownData: incident.ownData });
      return this.views.of(incident, manager);
    });
  }

  async get(id: string): Promise<IncidentView> {
    return this.views.of(await this.find(id));
  }

  async update(id: string, dto: UpdateIncidentDto, actor: ChangeActor): Promise<IncidentView> {
    const current = await this.find(id);
    if (current.state === 'closed') throw new InvalidStateError('A closed incident cannot change; the register keeps it as it was.');
    const next = Object.assign(new Incident(), current);
    if (dto.title !== undefined) next.title = dto.title.trim();
    if (dto.description !== undefined) next.description = dto.description.trim();
    if (dto.handlerName !== undefined) next.handlerName = dto.handlerName.trim();
    if (dto.handlerEmail !== undefined) next.handlerEmail = dto.handlerEmail.trim();
    if (dto.source !== undefined) next.source = dto.source;
    if (dto.detectedAt !== undefined) next.detectedAt = this.instant(dto.detectedAt, 'detectedAt', { notAfter: this.clock.now() });
    if (dto.awareAt !== undefined) {
      if (!isBreachState(current.state)) throw new ValidationError([{ field: 'awareAt', messages: ['awareness is recorded by confirming the breach (POST /incidents/{id}/confirm-breach)'] }]);
      next.awareAt = this.instant(dto.awareAt, 'awareAt', { notAfter: this.clock.now(), notBefore: next.detectedAt });
    }
    if (dto.affectedSystems !== undefined) next.affectedSystems = unique(dto.affectedSystems);
    if (dto.affectedServices !== undefined) next.affectedServices = unique(dto.affectedServices.map(normalise));
    if (dto.subprocessorIds !== undefined) next.subprocessorIds = unique(dto.subprocessorIds);
    if (dto.addClientIds !== undefined) next.addedClientIds = unique(dto.addClientIds);
    if (dto.excludeClientIds !== undefined) next.excludedClientIds = unique(dto.excludeClientIds);
    if (dto.ownData !== undefined) next.ownData = dto.ownData;
    if (dto.facts !== undefined) next.facts = dto.facts as IncidentFacts;
    if (dto.nis2Significant !== undefined) next.nis2Significant = dto.nis2Significant;
    this.assertFacts(next.facts);
    next.updatedAt = this.clock.now();
    const rederive = ['affectedServices', 'subprocessorIds', 'addClientIds', 'excludeClientIds', 'awareAt', 'detectedAt'].some((key) => (dto as Record<string, unknown>)[key] !== undefined);
    const affected = rederive ? await this.deriveClients(next) : null;
    return this.transactions.run(async (manager) => {
      await this.incidents.save(manager, next);
      if (affected) await this.incidents.replaceAffectedClients(manager, id, affected);
      await this.record(manager, actor, next, 'incident.updated', summary(current), summary(next));
      return this.views.of(next, manager);
    });
  }

  investigate(id: string, actor: ChangeActor): Promise<IncidentView> {
    return this.transition(id, 'investigating', actor, () => undefined);
  }

  async confirmBreach(id: string, awareAtText: string | undefined, actor: ChangeActor): Promise<IncidentView> {
    const incident = await this.find(id);
    const awareAt = awareAtText ? this.instant(awareAtText, 'awareAt', { notAfter: this.clock.now(), notBefore: incident.detectedAt }) : this.clock.now();
    // The agreement hours are those in force at awareness: re-derive with the awareness moment.
    const affected = await this.deriveClients({ ...incident, awareAt });
    return this.transition(id, 'breach', actor, async (next, manager) => {
      next.awareAt = awareAt;
      await this.incidents.replaceAffectedClients(manager, id, affected);
    });
  }

  notABreach(id: string, reason: string, actor: ChangeActor): Promise<IncidentView> {
    return this.transition(id, 'not_a_breach', actor, (next) => {
      next.notBreachReason = reason.trim();
      next.awareAt = null;
    });
  }

  async close(id: string, note: string, actor: ChangeActor): Promise<IncidentView> {
    const view = await this.get(id);
    if (view.incident.state === 'breach' && !view.plan.documentOnly) {
      throw new InvalidStateError('This breach requires notices (see plan): notify first, then close.');
    }
    return this.transition(id, 'closed', actor, (next) => {
      next.closingNote = note.trim();
      next.closedAt = this.clock.now();
    });
  }

  async override(id: string, risk: 'unlikely' | 'risk' | 'high', reason: string, actor: ChangeActor): Promise<IncidentView> {
    return this.change(id, actor, 'incident.assessment_overridden', (next) => {
      if (next.state === 'closed') throw new InvalidStateError('A closed incident cannot change.');
      next.overrideRisk = risk;
      next.overrideReason = reason.trim();
      next.overrideBy = actor.label;
    });
  }

  async recordAuthorityFiling(id: string, input: { reference: string; filedAt?: string; delayReason?: string }, actor: ChangeActor): Promise<IncidentView> {
    return this.change(id, actor, 'incident.authority_filed', (next) => {
      if (!next.ownData) throw new InvalidStateError('Only a breach of our own (controller) data is notified to the AP by us; a client notifies for its data.');
      if (!next.awareAt || !isBreachState(next.state) || next.state === 'closed') throw new InvalidStateError('Record awareness (confirm the breach) before filing with the AP.');
      const filedAt = input.filedAt ? this.instant(input.filedAt, 'filedAt', { notAfter: this.clock.now(), notBefore: next.awareAt }) : this.clock.now();
      if (filedAt.getTime() > authorityNotificationDeadline(next.awareAt).getTime() && !input.delayReason?.trim()) {
        throw new ValidationError([{ field: 'delayReason', messages: ['filed more than 72 hours after awareness: the reasons for the delay are required (GDPR Art. 33(1))'] }]);
      }
      next.authorityFiledAt = filedAt;
      next.authorityReference = input.reference.trim();
      next.authorityDelayReason = input.delayReason?.trim() || null;
    }, true);
  }

  async recordDataSubjectCommunication(id: string, at: string | undefined, actor: ChangeActor): Promise<IncidentView> {
    return this.change(id, actor, 'incident.data_subjects_communicated', (next) => {
      if (!next.ownData) throw new InvalidStateError('We communicate to data subjects only for our own data; for a client’s data the client decides.');
      if (!next.awareAt || !isBreachState(next.state) || next.state === 'closed') throw new InvalidStateError('Record awareness (confirm the breach) first.');
      next.dataSubjectsCommunicatedAt = at ? this.instant(at, 'at', { notAfter: this.clock.now(), notBefore: next.awareAt }) : this.clock.now();
    }, true);
  }

  async recordNis2Report(id: string, stage: 'early_warning' | 'notification' | 'final_report', at: string | undefined, actor: ChangeActor): Promise<IncidentView> {
    return this.change(id, actor, `incident.nis2_${stage}_submitted`, (next) => {
      if (!next.nis2Significant) throw new InvalidStateError('The incident is not marked significant under NIS2.');
      if (!next.awareAt || next.state === 'closed') throw new InvalidStateError('Record awareness first.');
      const submittedAt = at ? this.instant(at, 'submittedAt', { notAfter: this.clock.now(), notBefore: next.awareAt }) : this.clock.now();
      if (stage === 'early_warning') next.nis2EarlyWarningAt = submittedAt;
      if (stage === 'notification') next.nis2NotificationAt = submittedAt;
      if (stage === 'final_report') {
        if (!next.nis2NotificationAt) throw new InvalidStateError('The final report follows the incident notification (NIS2 Art. 23(4)(d)).');
        next.nis2FinalReportAt = submittedAt;
      }
    }, true);
  }

  /**
   * After a notice was made: a breach becomes `notifying`, and `notified` once every required obligation is
   * done. Each step is its own entry in the change trail, in the caller's transaction.
   */
  async settle(manager: EntityManager, incident: Incident, actor: ChangeActor): Promise<IncidentView> {
    if (incident.state === 'breach') await this.move(manager, incident, 'notifying', actor);
    let view = await this.views.of(incident, manager);
    if (incident.state === 'notifying' && view.plan.complete) {
      await this.move(manager, incident, 'notified', actor);
      view = await this.views.of(incident, manager);
    }
    return view;
  }

  async find(id: string, manager?: EntityManager): Promise<Incident> {
    const incident = await this.incidents.find(id, manager);
    if (!incident) throw new NotFoundError('Incident', id);
    return incident;
  }

  /** The clients whose data it is: through the affected services and sub-processors and the agreements, edited by hand. */
  async deriveClients(incident: Pick<Incident, 'id' | 'affectedServices' | 'subprocessorIds' | 'addedClientIds' | 'excludedClientIds' | 'awareAt' | 'detectedAt'>): Promise<AffectedClient[]> {
    const at = incident.awareAt ?? incident.detectedAt;
    const origins = new Map<string, AffectedOrigin>();
    if (incident.affectedServices.length) {
      const services = new Set(incident.affectedServices);
      const active = await this.clients.allActive();
      for (const [clientId, inForce] of await this.agreements.agreementsInForce(active.map((client) => client.id), at)) {
        if ((inForce.terms.services ?? []).some((service) => services.has(normalise(service)))) origins.set(clientId, 'service');
      }
    }
    for (const subprocessorId of incident.subprocessorIds) {
      for (const client of await this.register.clientsOf(subprocessorId, at)) if (!origins.has(client.clientId)) origins.set(client.clientId, 'subprocessor');
    }
    if (incident.addedClientIds.length) {
      const found = new Set((await this.clients.findByIds(PROCESSOR_SCOPE, incident.addedClientIds)).map((client) => client.id));
      const unknown = incident.addedClientIds.filter((clientId) => !found.has(clientId));
      if (unknown.length) throw new ValidationError([{ field: 'addClientIds', messages: unknown.map((clientId) => `client ${clientId} does not exist`) }]);
      for (const clientId of incident.addedClientIds) if (!origins.has(clientId)) origins.set(clientId, 'manual');
    }
    for (const clientId of incident.excludedClientIds) origins.delete(clientId);
    const ids = [...origins.keys()];
    const [inForce, profile] = await Promise.all([this.agreements.agreementsInForce(ids, at), this.profiles.find()]);
    const fallback = profile?.defaultBreachNoticeHours ?? 24;
    return ids.map((clientId) => {
      const hours = inForce.get(clientId)?.terms.breachNoticeHours;
      return Object.assign(new AffectedClient(), {
        incidentId: incident.id,
        clientId,
        origin: origins.get(clientId)!,
        agreementHours: hours ?? fallback,
        hoursSource: hours ? ('agreement' as const) : ('processor_default' as const),
      });
    });
  }

  private async transition(id: string, to: IncidentState, actor: ChangeActor, apply: (next: Incident, manager: EntityManager) => void | Promise<void>): Promise<IncidentView> {
    return this.transactions.run(async (manager) => {
      const incident = await this.incidents.lock(manager, id);
      if (!incident) throw new NotFoundError('Incident', id);
      if (!canTransition(incident.state, to)) throw new InvalidStateError(`An incident in state "${incident.state}" cannot become "${to}".`);
      await apply(incident, manager);
      await this.move(manager, incident, to, actor);
      return this.views.of(incident, manager);
    });
  }

  private async change(id: string, actor: ChangeActor, action: string, apply: (next: Incident) => void, settle = false): Promise<IncidentView> {
    return this.transactions.run(async (manager) => {
      const incident = await this.incidents.lock(manager, id);
      if (!incident) throw new NotFoundError('Incident', id);
      const before = summary(incident);
      apply(incident);
      incident.updatedAt = this.clock.now();
      await this.incidents.save(manager, incident);
      await this.record(manager, actor, incident, action, before, summary(incident));
      return settle ? this.settle(manager, incident, actor) : this.views.of(incident, manager);
    });
  }

  private async move(manager: EntityManager, incident: Incident, to: IncidentState, actor: ChangeActor): Promise<void> {
    const from = incident.state;
    incident.state = to;
    incident.updatedAt = this.clock.now();
    await this.incidents.save(manager, incident);
    await this.record(manager, actor, incident, `incident.${to}`, { state: from }, { state: to, awareAt: incident.awareAt?.toISOString() ?? null, notBreachReason: incident.notBreachReason, closingNote: incident.closingNote });
  }

  private record(manager: EntityManager, actor: ChangeActor, incident: Incident, action: string, before: Record<string, unknown> | null, after: Record<string, unknown>): Promise<void> {
    return this.changes.record(manager, { actor, action, subjectType: 'incident', subjectId: incident.id, clientId: null, before, after: { reference: incident.reference, ...after } });
  }

  private instant(text: string, field: string, bounds: { notAfter?: Date; notBefore?: Date }): Date {
    const value = new Date(text);
    const errors: FieldError[] = [];
    if (Number.isNaN(value.getTime())) errors.push({ field, messages: [`${field} must be an ISO 8601 instant`] });
    else if (bounds.notAfter && value.getTime() > bounds.notAfter.getTime()) errors.push({ field, messages: [`${field} cannot be in the future`] });
    else if (bounds.notBefore && value.getTime() < bounds.notBefore.getTime()) errors.push({ field, messages: [`${field} cannot be before ${bounds.notBefore.toISOString()}`] });
    if (errors.length) throw new ValidationError(errors);
    return value;
  }

  private assertFacts(facts: IncidentFacts | null): void {
    if (facts && facts.subjects.min > facts.subjects.max) throw new ValidationError([{ field: 'facts.subjects.min', messages: ['min must not exceed max'] }]);
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

function summary(incident: Incident): Record<string, unknown> {
  return {
    state: incident.state,
    title: incident.title,
    awareAt: incident.awareAt?.toISOString() ?? null,
    ownData: incident.ownData,
    affectedServices: incident.affectedServices,
    subprocessorIds: incident.subprocessorIds,
    facts: incident.facts,
    overrideRisk: incident.overrideRisk,
    overrideReason: incident.overrideReason,
    authorityFiledAt: incident.authorityFiledAt?.toISOString() ?? null,
    authorityReference: incident.authorityReference,
    nis2Significant: incident.nis2Significant,
  };
}
