import { Injectable, Logger } from '@nestjs/common';
import { PdfRenderer } from '@verwerker/documents';
import { NoticeOutbox, NoticeType } from '@verwerker/notices';
import { ProcessorProfileService } from '@verwerker/parties';
import {
  ChangeActor,
  ChangeRecorder,
  Clock,
  DomainError,
  InvalidStateError,
  NotFoundError,
  Principal,
  ProblemCode,
  TenantScope,
  TransactionRunner,
  ValidationError,
} from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { drawChangeNotice } from '../document/change-notice-document';
import { ClientTermsSource } from '../register/client-terms.source';
import { RegisterRepository } from '../register/register.repository';
import { RegisterService, toDetails } from '../register/register.service';
import { Subprocessor, SubprocessorDetails, SubprocessorExclusion } from '../register/subprocessor.entities';
import { affectedClients, ClientTerms, noticePeriodViolations, outcomeForClient, responseWindowOpen } from '../rules/change-rules';
import { TransferClassification } from '../rules/transfer-classifier';
import { DecisionDto, ProposeChangeDto } from './change.dto';
import { ChangeRepository, ChangeWithClients } from './change.repository';
import { SubprocessorChange, SubprocessorChangeClient } from './subprocessor-change.entities';

/**
 * The Art. 28(2) change procedure (DOMAIN.md §2): announce to every affected client at least its objection
 * period ahead, collect objections (general) or approvals (specific) until the effective date, let staff
 * decide per client, and apply the change by itself on the date — exactly once.
 */
@Injectable()
export class ChangesService {
  private readonly logger = new Logger(ChangesService.name);

  constructor(
    private readonly changes: ChangeRepository,
    private readonly register: RegisterRepository,
    private readonly registerService: RegisterService,
    private readonly clientTerms: ClientTermsSource,
    private readonly profiles: ProcessorProfileService,
    private readonly outbox: NoticeOutbox,
    private readonly pdf: PdfRenderer,
    private readonly transactions: TransactionRunner,
    private readonly trail: ChangeRecorder,
    private readonly clock: Clock,
  ) {}

  async propose(dto: ProposeChangeDto, actor: ChangeActor): Promise<ChangeWithClients> {
    const now = this.clock.now();
    const effectiveAt = new Date(dto.effectiveAt);
    if (effectiveAt <= now && dto.kind !== 'removal') {
      throw new ValidationError([{ field: 'effectiveAt', messages: ['effectiveAt must lie in the future: clients must be told before the change'] }]);
    }
    const details = dto.subprocessor ? toDetails(dto.subprocessor) : null;
    const classification = details ? this.registerService.assertCompliant(details, effectiveAt) : null;
    const { target, replaced, affected } = await this.resolve(dto, details, now);
    const violations = noticePeriodViolations(dto.kind, affected, now, effectiveAt);
    if (violations.length) {
      throw new DomainError(
        ProblemCode.ValidationFailed,
        400,
        'Notice period too short',
        `The effective date leaves too little time to object for: ${violations.map((violation) => violation.clientName).join(', ')}.`,
        [{ field: 'effectiveAt', messages: violations.map((violation) => `${violation.clientName}: objection period ${violation.objectionPeriodDays} days, earliest ${violation.earliestEffectiveAt.toISOString()}`) }],
        { clients: violations.map((violation) => ({ clientId: violation.clientId, clientName: violation.clientName, objectionPeriodDays: violation.objectionPeriodDays, earliestEffectiveAt: violation.earliestEffectiveAt.toISOString() })) },
      );
    }
    const profile = await this.profiles.find();
    const notices = await this.renderNotices(dto.kind, affected, target.details, replaced?.name ?? null, classification, effectiveAt, profile?.legalName ?? '—');

    return this.transactions.run(async (manager) => {
      let subprocessorId = target.id;
      if (dto.kind !== 'removal') {
        const subprocessor = Object.assign(new Subprocessor(), { id: randomUUID(), name: details!.legalName, createdAt: now });
        await this.register.insertSubprocessor(subprocessor, manager);
        subprocessorId = subprocessor.id;
      }
      const change = Object.assign(new SubprocessorChange(), {
        id: notices.changeId,
        kind: dto.kind,
        subprocessorId: subprocessorId!,
        replacesSubprocessorId: replaced?.id ?? null,
        subprocessorName: target.details.legalName,
        replacesName: replaced?.name ?? null,
        details,
        announcedAt: now,
        effectiveAt,
        status: 'announced',
        appliedAt: null,
        withdrawnReason: null,
        createdBy: actor.label,
        createdAt: now,
      } satisfies SubprocessorChange);
      await this.changes.insert(change, manager);
      const rows: SubprocessorChangeClient[] = [];
      for (const client of affected) {
        const enqueued = await this.outbox.enqueue(manager, {
          clientId: client.clientId,
          type: NoticeType.SubprocessorChange,
          data: {
            change: dto.kind,
            authorisation: client.authorisation,
            subprocessorName: target.details.legalName,
            replaces: replaced?.name ?? null,
            services: target.details.services,
            countries: [...new Set([...target.details.processingCountries, ...target.details.accessCountries])],
            transferStatus: classification?.status ?? null,
            effectiveDate: effectiveAt.toISOString(),
            objectionDeadline: effectiveAt.toISOString(),
          },
          attachments: [{ filename: notices.filename(client), contentType: 'application/pdf', content: notices.pdfs.get(client.clientId)! }],
        });
        rows.push(
          Object.assign(new SubprocessorChangeClient(), {
            id: randomUUID(),
            changeId: change.id,
            clientId: client.clientId,
            authorisation: client.authorisation,
            objectionPeriodDays: client.objectionPeriodDays,
            response: 'none',
            responseReason: null,
            respondedAt: null,
            decision: null,
            decisionReason: null,
            decidedAt: null,
            applies: null,
            outcomeRule: null,
            noticeId: enqueued.noticeId,
            createdAt: now,
          } satisfies SubprocessorChangeClient),
        );
      }
      await this.changes.insertClients(rows, manager);
      await this.trail.record(manager, {
        actor,
        action: 'subprocessor_change.announced',
        subjectType: 'subprocessor_change',
        subjectId: change.id,
        clientId: null,
        after: { kind: change.kind, subprocessor: target.details.legalName, effectiveAt: effectiveAt.toISOString(), clients: affected.map((client) => client.clientId) },
      });
      return { change, clients: rows };
    });
  }

  list(scope: TenantScope): Promise<ChangeWithClients[]> {
    return this.changes.list(scope);
  }

  async get(scope: TenantScope, id: string): Promise<ChangeWithClients> {
    const found = await this.changes.find(scope, id);
    if (!found) throw new NotFoundError('Sub-processor change', id);
    return found;
  }

  /** A client objects (general or specific authorisation) or approves (specific) until the effective date. */
  async respond(principal: Principal, scope: TenantScope, id: string, response: 'objected' | 'approved', reason: string | null): Promise<ChangeWithClients> {
    return this.transactions.run(async (manager) => {
      const found = await this.changes.find(scope, id, manager);
      const row = found?.clients.find((client) => client.clientId === principal.clientId);
      if (!found || !row) throw new NotFoundError('Sub-processor change', id);
      const now = this.clock.now();
      if (found.change.status !== 'announced' || !responseWindowOpen(found.change.kind, now, found.change.effectiveAt)) {
        throw new InvalidStateError(
          found.change.kind === 'removal'
            ? 'A removal needs no objection or approval.'
            : `The change took effect on ${found.change.effectiveAt.toISOString()} (or was withdrawn); responses are closed.`,
        );
      }
      if (response === 'approved' && row.authorisation === 'general') {
        throw new ValidationError([{ field: 'response', messages: ['under general authorisation no approval is needed: object, or do nothing'] }]);
      }
      const before = { response: row.response, reason: row.responseReason };
      Object.assign(row, { response, responseReason: reason, respondedAt: now });
      await this.changes.saveClient(row, manager);
      await this.trail.record(manager, {
        actor: principal,
        action: response === 'objected' ? 'subprocessor_change.objected' : 'subprocessor_change.approved',
        subjectType: 'subprocessor_change',
        subjectId: id,
        clientId: row.clientId,
        before,
        after: { response, reason },
      });
      return found;
    });
  }

  /** Staff decide per client after an objection — or withdraw the whole change. */
  async decide(id: string, clientId: string, dto: DecisionDto, actor: ChangeActor): Promise<ChangeWithClients> {
    return this.transactions.run(async (manager) => {
      const found = await this.changes.find({ kind: 'processor' }, id, manager);
      if (!found) throw new NotFoundError('Sub-processor change', id);
      if (found.change.status !== 'announced') throw new InvalidStateError(`The change is ${found.change.status}; decisions are closed.`);
      const row = found.clients.find((client) => client.clientId === clientId);
      if (!row) throw new NotFoundError('Affected client', clientId);
      const now = this.clock.now();
      if (dto.decision === 'withdraw') {
        Object.assign(found.change, { status: 'withdrawn', withdrawnReason: dto.reason });
        await this.changes.save(found.change, manager);
      }
      Object.assign(row, { decision: dto.decision, decisionReason: dto.reason, decidedAt: now });
      await this.changes.saveClient(row, manager);
      await this.trail.record(manager, {
        actor,
        action: dto.decision === 'withdraw' ? 'subprocessor_change.withdrawn' : 'subprocessor_change.decided',
        subjectType: 'subprocessor_change',
        subjectId: id,
        clientId,
        after: { decision: dto.decision, reason: dto.reason },
      });
      return found;
    });
  }

  /**
   * Applies every announced change whose date has come. Each is claimed by a conditional UPDATE
   * (announced → applied) inside its transaction, so with several instances exactly one applies it.
   */
  async applyDue(): Promise<number> {
    const now = this.clock.now();
    let applied = 0;
    for (const change of await this.changes.due(now)) {
      const done = await this.transactions.run(async (manager) => {
        if (!(await this.changes.claimForApplying(change.id, now, manager))) return false;
        await this.apply(change, manager);
        return true;
      });
      if (done) applied += 1;
    }
    if (applied) this.logger.log(`Applied ${applied} sub-processor change(s)`);
    return applied;
  }

  private async apply(change: SubprocessorChange, manager: EntityManager): Promise<void> {
    const at = change.effectiveAt;
    const clients = await this.changes.clientsOf(change.id, manager);
    if (change.kind === 'removal') {
      await this.register.closeVersion(change.subprocessorId, at, manager);
    } else {
      if (change.replacesSubprocessorId) await this.register.closeVersion(change.replacesSubprocessorId, at, manager);
      const classification = this.registerService.assertCompliant(change.details!, at);
      await this.registerService.addVersion(manager, change.subprocessorId, change.details!, classification, at, change.id);
    }
    for (const row of clients) {
      const outcome = outcomeForClient(change.kind, row.authorisation, row.response, row.decision);
      Object.assign(row, { applies: outcome.applies, outcomeRule: outcome.rule });
      await this.changes.saveClient(row, manager);
      if (!outcome.applies) {
        await this.register.insertExclusion(
          Object.assign(new SubprocessorExclusion(), { id: randomUUID(), subprocessorId: change.subprocessorId, clientId: row.clientId, changeId: change.id, rule: outcome.rule, createdAt: this.clock.now() }),
          manager,
        );
      }
    }
    await this.trail.record(manager, {
      actor: { credentialKind: 'system', credentialId: null, label: 'subprocessor-change-timer', role: 'system', clientId: null },
      action: 'subprocessor_change.applied',
      subjectType: 'subprocessor_change',
      subjectId: change.id,
      clientId: null,
      after: { kind: change.kind, effectiveAt: at.toISOString(), outcomes: clients.map((row) => ({ clientId: row.clientId, applies: row.applies, rule: row.outcomeRule })) },
    });
  }

  /** The target, what it replaces, and the clients it affects. */
  private async resolve(dto: ProposeChangeDto, details: SubprocessorDetails | null, now: Date): Promise<{ target: { id: string | null; details: SubprocessorDetails }; replaced: { id: string; name: string } | null; affected: ClientTerms[] }> {
    if (dto.kind === 'removal') {
      const entry = await this.register.inForce(dto.subprocessorId!, now);
      if (!entry) throw new ValidationError([{ field: 'subprocessorId', messages: ['subprocessorId names no sub-processor on the register now'] }]);
      return { target: { id: entry.subprocessor.id, details: entry.version.details }, replaced: null, affected: await this.registerService.clientsOf(entry.subprocessor.id, now) };
    }
    const all = await this.clientTerms.all(now);
    if (dto.kind === 'addition') return { target: { id: null, details: details! }, replaced: null, affected: affectedClients(all, details!.services) };
    const old = await this.register.inForce(dto.replacesSubprocessorId!, now);
    if (!old) throw new ValidationError([{ field: 'replacesSubprocessorId', messages: ['replacesSubprocessorId names no sub-processor on the register now'] }]);
    const current = new Set((await this.registerService.clientsOf(old.subprocessor.id, now, all)).map((client) => client.clientId));
    const affected = all.filter((client) => current.has(client.clientId) || affectedClients([client], details!.services).length > 0);
    return { target: { id: null, details: details! }, replaced: { id: old.subprocessor.id, name: old.version.details.legalName }, affected };
  }

  /** PDFs are rendered before the transaction: the database is not held while pdfkit works. */
  private async renderNotices(kind: SubprocessorChange['kind'], clients: ClientTerms[], details: SubprocessorDetails, replaces: string | null, classification: TransferClassification | null, effectiveAt: Date, processorName: string) {
    const changeId = randomUUID();
    const languages = new Map((await this.clientTerms.languages(clients.map((client) => client.clientId))).map((entry) => [entry.clientId, entry.language]));
    const pdfs = new Map<string, Buffer>();
    for (const client of clients) {
      const language = languages.get(client.clientId) ?? 'nl';
      pdfs.set(
        client.clientId,
        await this.pdf.render(
          { title: `${kind} ${details.legalName}`, author: processorName, subject: client.clientName, language, createdAt: effectiveAt, footer: changeId },
          (writer) => drawChangeNotice(writer, { processorName, clientName: client.clientName, kind, authorisation: client.authorisation, details, replaces, classification, effectiveAt, respondBefore: effectiveAt, changeId }, language),
        ),
      );
    }
    return { changeId, pdfs, filename: (client: ClientTerms) => `subverwerker-${kind}-${changeId.slice(0, 8)}-${client.clientId.slice(0, 8)}.pdf` };
  }
}
