import { Inject, Injectable } from '@nestjs/common';
import { BreachNoticeData, EnqueueNoticeInput, NoticeOutbox, NoticeType } from '@verwerker/notices';
import { Client, ClientRepository, ProcessorProfile } from '@verwerker/parties';
import { ChangeActor, ChangeRecorder, Clock, InvalidStateError, NotFoundError, Page, PageRequest, PROCESSOR_SCOPE, TenantScope, TransactionRunner } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { BreachModuleOptions, RESOLVED_BREACH_OPTIONS } from '../breach.module-definition';
import { BreachDocuments, ClientLetter } from '../documents/breach-documents';
import { ClientBreachNotice, Incident } from '../incidents/incident.entity';
import { ClientNoticeFilter, IncidentRepository } from '../incidents/incident.repository';
import { AffectedClientView, IncidentView } from '../incidents/incident-view';
import { IncidentsService } from '../incidents/incidents.service';
import { authorityFormAnswers, FormAnswer } from '../rules/authority-form';
import { processorToClientDeadline } from '../rules/breach-deadlines';
import { isBreachState } from '../rules/incident-lifecycle';

export interface NoticeRound {
  view: IncidentView;
  notified: number;
}

/**
 * Breach notices to clients (Art. 33(2)) and follow-ups (Art. 33(4)): e-mail, signed webhook and a PDF letter in the
 * client's language, with Art. 33(3) (a)–(d), our contact point, a draft assessment and the AP-form answers for the
 * client's own decision. PDFs are rendered before the transaction; the notices and their rows are written in one.
 */
@Injectable()
export class ClientNoticesService {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly service: IncidentsService,
    private readonly outbox: NoticeOutbox,
    private readonly documents: BreachDocuments,
    private readonly clients: ClientRepository,
    private readonly transactions: TransactionRunner,
    private readonly changes: ChangeRecorder,
    private readonly clock: Clock,
    @Inject(RESOLVED_BREACH_OPTIONS) private readonly options: BreachModuleOptions,
  ) {}

  /** Notifies every affected client not notified yet. */
  async notifyClients(id: string, actor: ChangeActor): Promise<NoticeRound> {
    const view = await this.service.get(id);
    const incident = view.incident;
    if (!incident.awareAt || !isBreachState(incident.state) || incident.state === 'closed') throw new InvalidStateError('Record awareness (confirm the breach) before notifying clients.');
    const open = view.clients.filter((client) => client.notices.length === 0);
    if (!open.length) throw new InvalidStateError('Every affected client has been notified; send a follow-up for new information (Art. 33(4)).');
    return this.send(view, open.map((client) => ({ client, sequence: 1, changes: null })), actor, 'incident.clients_notified');
  }

  /** Art. 33(4): what changed, to every client notified before. */
  async followUp(id: string, changes: string, actor: ChangeActor): Promise<NoticeRound> {
    const view = await this.service.get(id);
    if (view.incident.state === 'closed') throw new InvalidStateError('A closed incident has no follow-ups.');
    const notified = view.clients.filter((client) => client.notices.length > 0);
    if (!notified.length) throw new InvalidStateError('No client has been notified yet: send the first notices.');
    return this.send(view, notified.map((client) => ({ client, sequence: client.notices.length + 1, changes: changes.trim() })), actor, 'incident.clients_followed_up');
  }

  async acknowledge(scope: TenantScope, noticeId: string, name: string, actor: ChangeActor): Promise<ClientBreachNotice> {
    return this.transactions.run(async (manager) => {
      const notice = await this.incidents.findClientNotice(scope, noticeId, manager);
      if (!notice) throw new NotFoundError('Breach notice', noticeId);
      if (await this.incidents.acknowledge(manager, scope, noticeId, name.trim(), this.clock.now())) {
        await this.changes.record(manager, { actor, action: 'breach_notice.acknowledged', subjectType: 'breach_notice', subjectId: notice.id, clientId: notice.clientId, after: { incidentId: notice.incidentId, sequence: notice.sequence, name: name.trim() } });
      }
      return (await this.incidents.findClientNotice(scope, noticeId, manager))!;
    });
  }

  list(scope: TenantScope, filter: ClientNoticeFilter, page: PageRequest): Promise<Page<ClientBreachNotice>> {
    return this.incidents.listClientNotices(scope, filter, page);
  }

  async get(scope: TenantScope, id: string): Promise<ClientBreachNotice> {
    const notice = await this.incidents.findClientNotice(scope, id);
    if (!notice) throw new NotFoundError('Breach notice', id);
    return notice;
  }

  private async send(view: IncidentView, targets: Array<{ client: AffectedClientView; sequence: number; changes: string | null }>, actor: ChangeActor, action: string): Promise<NoticeRound> {
    const incident = view.incident;
    const now = this.clock.now();
    const clients = new Map((await this.clients.findByIds(PROCESSOR_SCOPE, targets.map((target) => target.client.clientId))).map((client) => [client.id, client]));
    const personal = targets.length <= this.options.personalisedPdfLimit;
    const pdfs = new Map<string, Promise<Buffer>>();
    const rows: ClientBreachNotice[] = [];
    const inputs: EnqueueNoticeInput[] = [];
    for (const { client: affected, sequence, changes } of targets) {
      const client = clients.get(affected.clientId);
      if (!client) continue;
      const deadline = processorToClientDeadline(incident.awareAt!, affected.agreementHours);
      const language = client.language;
      const answers = authorityFormAnswers(this.formInput(view, client, now), language);
      const key = `${language}|${affected.agreementHours}|${personal ? client.id : ''}`;
      if (!pdfs.has(key)) pdfs.set(key, this.documents.clientNotice(this.letter(view, personal ? client.legalName : null, affected.agreementHours, deadline, sequence, changes, answers, now, language), language));
      const rowId = randomUUID();
      rows.push(Object.assign(new ClientBreachNotice(), { id: rowId, incidentId: incident.id, clientId: client.id, sequence, noticeId: '', deadlineAt: sequence === 1 ? deadline : null, changes, acknowledgedAt: null, acknowledgedBy: null, createdAt: now }));
      inputs.push({ clientId: client.id, type: NoticeType.BreachNotice, data: this.noticeData(view, client, deadline, sequence, changes, answers, rowId), attachments: [], pdfKey: key } as EnqueueNoticeInput & { pdfKey: string });
    }
    const rendered = new Map<string, Buffer>();
    for (const [key, pdf] of pdfs) rendered.set(key, await pdf);
    for (const input of inputs as Array<EnqueueNoticeInput & { pdfKey: string }>) {
      const sequence = (input.data as BreachNoticeData).followUp ? 'aanvulling' : 'melding';
      input.attachments = [{ filename: `datalek-${incident.reference}-${sequence}.pdf`, contentType: 'application/pdf', content: rendered.get(input.pdfKey)! }];
      delete (input as Partial<{ pdfKey: string }>).pdfKey;
    }
    return this.transactions.run(async (manager) => {
      const locked = await this.incidents.lock(manager, incident.id);
      if (!locked || locked.state === 'closed') throw new InvalidStateError('The incident changed meanwhile; try again.');
      // Another round may have notified some of these clients while the PDFs rendered: the unique
      // (incident, client, sequence) index refuses a second notice, and this whole round rolls back.
      const enqueued = await this.outbox.enqueueMany(manager, inputs);
      enqueued.forEach((notice, index) => (rows[index].noticeId = notice.noticeId));
      await this.incidents.insertClientNotices(manager, rows);
      await this.changes.record(manager, { actor, action, subjectType: 'incident', subjectId: incident.id, clientId: null, after: { reference: incident.reference, clients: rows.length, sequence: rows[0]?.sequence ?? null } });
      const settled = await this.service.settle(manager, locked, actor);
      return { view: settled, notified: rows.length };
    });
  }

  private formInput(view: IncidentView, client: Client, now: Date) {
    const incident = view.incident;
    return {
      organisation: { legalName: client.legalName, kvkNumber: client.kvkNumber, address: '', contactName: client.privacyContactName, contactEmail: client.privacyContactEmail, contactPhone: null, dpoName: null, dpoEmail: null },
      reference: incident.reference,
      title: incident.title,
      description: incident.description,
      detectedAt: incident.detectedAt,
      // The client's own awareness is when it is told (Art. 33(2)): its 72 hours start at this notice.
      awareAt: now,
      facts: incident.facts,
      decision: view.plan.decision,
      dataSubjectsCommunicatedAt: null,
      filedAt: null,
      delayReason: null,
      now,
    };
  }

  private letter(view: IncidentView, clientName: string | null, hours: number, deadline: Date, sequence: number, changes: string | null, answers: FormAnswer[], now: Date, language: 'nl' | 'en'): ClientLetter {
    const incident = view.incident;
    const facts = incident.facts;
    const profile = view.profile;
    const unknown = language === 'nl' ? 'Nog onbekend; wij vullen dit aan zodra het bekend is.' : 'Not yet known; we will follow up as soon as it is.';
    const assessment = view.assessment;
    return {
      processorName: profile?.legalName ?? 'Verwerker',
      reference: incident.reference,
      title: incident.title,
      description: incident.description,
      awareAt: incident.awareAt!,
      clientName,
      agreementHours: hours,
      deadline,
      dataCategories: facts ? [facts.dataDescription, facts.dataCategories.join(', ')].filter(Boolean).join(' — ') || unknown : unknown,
      dataSubjectCategories: facts?.dataSubjectCategories.join(', ') || unknown,
      subjects: facts ? `${facts.subjects.min}–${facts.subjects.max}` : null,
      records: facts?.approximateRecords != null ? String(facts.approximateRecords) : null,
      likelyConsequences: facts?.likelyConsequences ?? unknown,
      measures: [facts?.measuresTaken, facts?.measuresProposed].filter(Boolean).join(' ') || unknown,
      contact: contactOf(profile),
      dpo: profile?.dpoName || profile?.dpoEmail ? [profile?.dpoName, profile?.dpoEmail].filter(Boolean).join(', ') : null,
      followUp: sequence > 1 && changes ? { sequence, changes } : null,
      assessment: assessment
        ? { risk: view.plan.decision.risk ?? assessment.risk, band: assessment.severity.band, score: assessment.severity.score, notifyAuthority: view.plan.decision.notifyAuthority ?? assessment.notifyAuthority, communicateDataSubjects: view.plan.decision.communicateDataSubjects ?? assessment.communicateDataSubjects, reasons: assessment.reasons.filter((reason) => reason.rule !== 'decision.clients').map(({ reference, text }) => ({ reference, text })) }
        : null,
      formAnswers: answers,
      decidedAt: now,
    };
  }

  private noticeData(view: IncidentView, client: Client, deadline: Date, sequence: number, changes: string | null, answers: FormAnswer[], rowId: string): BreachNoticeData {
    const incident: Incident = view.incident;
    const facts = incident.facts;
    const profile = view.profile;
    const assessment = view.assessment;
    return {
      reference: incident.reference,
      awareAt: incident.awareAt!.toISOString(),
      description: incident.description,
      dataCategories: facts ? [...(facts.dataDescription ? [facts.dataDescription] : []), ...facts.dataCategories] : [],
      dataSubjectCategories: facts?.dataSubjectCategories ?? [],
      approximateRecords: facts?.approximateRecords ?? null,
      approximateSubjects: facts ? { ...facts.subjects } : null,
      likelyConsequences: facts?.likelyConsequences ?? (client.language === 'nl' ? 'Nog onbekend.' : 'Not yet known.'),
      measuresTaken: [facts?.measuresTaken, facts?.measuresProposed].filter(Boolean).join(' ') || (client.language === 'nl' ? 'Nog onbekend.' : 'Not yet known.'),
      contact: { name: profile?.dpoName ?? profile?.contactName ?? 'Privacy', email: profile?.dpoEmail ?? profile?.contactEmail ?? '', phone: profile?.contactPhone ?? null },
      followUp: sequence > 1,
      changes,
      deadline: sequence === 1 ? deadline.toISOString() : null,
      draftAssessment: assessment
        ? {
            risk: view.plan.decision.risk ?? assessment.risk,
            severityBand: assessment.severity.band,
            severityScore: assessment.severity.score,
            notifyAuthority: view.plan.decision.notifyAuthority ?? assessment.notifyAuthority,
            communicateDataSubjects: view.plan.decision.communicateDataSubjects ?? assessment.communicateDataSubjects,
            reasons: assessment.reasons.filter((reason) => reason.rule !== 'decision.clients').map(({ reference, text }) => ({ reference, text })),
          }
        : null,
      authorityFormAnswers: answers.map(({ question, answer }) => ({ question, answer })),
      acknowledgePath: `/breach-notices/${rowId}/acknowledge`,
    };
  }
}

export function contactOf(profile: ProcessorProfile | null): string {
  if (!profile) return 'Privacy';
  return [profile.contactName, profile.contactEmail, profile.contactPhone].filter(Boolean).join(', ');
}
