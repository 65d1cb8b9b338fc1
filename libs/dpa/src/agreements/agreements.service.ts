import { Inject, Injectable, Optional } from '@nestjs/common';
import { ClientRepository, ProcessorProfile, ProcessorProfileService } from '@verwerker/parties';
import { NoticeOutbox, NoticeType } from '@verwerker/notices';
import {
  ChangeActor,
  ChangeRecorder,
  Clock,
  DISPLAY_TIME_ZONE,
  DomainError,
  InvalidStateError,
  NotFoundError,
  Page,
  PageRequest,
  Principal,
  PROCESSOR_SCOPE,
  ProblemCode,
  Role,
  TenantScope,
  TransactionRunner,
  ValidationError,
} from '@verwerker/platform';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DPA_MODULE_OPTIONS, DpaModuleOptions } from '../dpa.module-definition';
import { transition, VersionAction } from '../rules/agreement-lifecycle';
import type { AgreementTerms } from '../rules/agreement-terms';
import { assessCompleteness } from '../rules/article-28-completeness';
import { applyTermsChange, draftTermsFromDefaults } from '../rules/default-terms';
import { AGREEMENT_TEXTS } from '../document/agreement-texts';
import { AgreementDocuments, RenderedAgreement } from './agreement-documents';
import { AgreementParties, AgreementVersion } from './agreement-version.entity';
import { Agreement } from './agreement.entity';
import { AgreementFilter, AgreementRepository } from './agreement.repository';
import { AcceptVersionDto, CompleteEndOfServiceDto, CreateAgreementDto, SendVersionDto, TerminateAgreementDto } from './dto/agreement-requests.dto';
import { AgreementTermsDto } from './dto/agreement-terms.dto';
import { EMPTY_SUBPROCESSOR_ANNEX, SUBPROCESSOR_ANNEX_SOURCE, SubprocessorAnnexSource } from './subprocessor-annex';

export enum DpaErrorCode {
  AgreementExists = 'agreement_exists',
  AgreementIncomplete = 'agreement_incomplete',
  DocumentMismatch = 'document_mismatch',
  ProcessorProfileMissing = 'processor_profile_missing',
  DraftExists = 'draft_exists',
}

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export interface AgreementWithVersions {
  agreement: Agreement;
  versions: AgreementVersion[];
}

/** The agreement use cases: draft from the defaults, edit, send, accept, supersede, terminate. */
@Injectable()
export class AgreementsService {
  private readonly annexSource: SubprocessorAnnexSource;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly agreements: AgreementRepository,
    private readonly clients: ClientRepository,
    private readonly profiles: ProcessorProfileService,
    private readonly documents: AgreementDocuments,
    private readonly outbox: NoticeOutbox,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    @Inject(DPA_MODULE_OPTIONS) private readonly options: DpaModuleOptions,
    @Optional() @Inject(SUBPROCESSOR_ANNEX_SOURCE) annexSource?: SubprocessorAnnexSource,
  ) {
    this.annexSource = annexSource ?? EMPTY_SUBPROCESSOR_ANNEX;
  }

  async create(dto: CreateAgreementDto, actor: ChangeActor): Promise<AgreementWithVersions> {
    return this.transactions.run(async (manager) => {
      const client = await this.clients.findById(PROCESSOR_SCOPE, dto.clientId, manager);
      if (!client) throw new ValidationError([{ field: 'clientId', messages: ['clientId must name an existing client'] }]);
      if (await this.agreements.findAgreementOfClient(PROCESSOR_SCOPE, client.id, manager)) {
        throw new DomainError(DpaErrorCode.AgreementExists, 409, 'Conflict', 'This client already has an agreement; make a new version of it instead.');
      }
      const profile = await this.requireProfile(manager);
      const now = this.clock.now();
      const defaults = draftTermsFromDefaults(profile, client);
      const terms = applyTermsChange(defaults, termsChangeOf(dto.terms));
      const agreement = Object.assign(new Agreement(), {
        id: randomUUID(),
        clientId: client.id,
        title: dto.title ?? `${AGREEMENT_TEXTS[terms.language ?? client.language].documentTitle} ${client.legalName}`.slice(0, 200),
        createdAt: now,
        updatedAt: now,
      } satisfies Agreement);
      const version = newVersion(agreement, 1, terms, partiesOf(profile, client), labelOf(actor), now);
      await this.agreements.insertAgreement(agreement, manager);
      await this.agreements.insertVersion(version, manager);
      await this.changes.record(manager, {
        actor,
        action: 'agreement.created',
        subjectType: 'agreement',
        subjectId: agreement.id,
        clientId: client.id,
        after: { title: agreement.title, version: 1, terms: version.terms },
      });
      return { agreement, versions: [version] };
    });
  }

  async get(scope: TenantScope, id: string): Promise<AgreementWithVersions> {
    const agreement = await this.agreements.findAgreement(scope, id);
    if (!agreement) throw new NotFoundError('Agreement', id);
    return { agreement, versions: await this.agreements.listVersions(scope, [agreement.id]) };
  }

  async list(scope: TenantScope, filter: AgreementFilter, page: PageRequest): Promise<{ page: Page<Agreement>; versions: AgreementVersion[] }> {
    const agreements = await this.agreements.listAgreements(scope, filter, page);
    return { page: agreements, versions: await this.agreements.listVersions(scope, agreements.items.map((agreement) => agreement.id)) };
  }

  async getVersion(scope: TenantScope, id: string, number: number): Promise<AgreementVersion> {
    const version = await this.agreements.findVersion(scope, id, number);
    if (!version) throw new NotFoundError('Agreement version', `${id}/${number}`);
    return version;
  }

  /** A draft changes in place; any other version is evidence and answers 409 (make a new version instead). */
  async updateDraft(id: string, number: number, change: { title?: string; terms: AgreementTermsDto }, actor: ChangeActor): Promise<AgreementVersion> {
    return this.transactions.run(async (manager) => {
      const { agreement, version } = await this.load(manager, PROCESSOR_SCOPE, id, number);
      this.assertTransition(version, 'edit');
      const before = { title: agreement.title, terms: version.terms };
      const profile = await this.requireProfile(manager);
      const client = (await this.clients.findById(PROCESSOR_SCOPE, agreement.clientId, manager))!;
      const now = this.clock.now();
      version.terms = applyTermsChange(version.terms, termsChangeOf(change.terms));
      version.parties = partiesOf(profile, client);
      version.updatedAt = now;
      if (change.title) agreement.title = change.title;
      agreement.updatedAt = now;
      await this.agreements.saveVersion(version, manager);
      await this.agreements.saveAgreement(agreement, manager);
      await this.changes.record(manager, {
        actor,
        action: 'agreement_version.updated',
        subjectType: 'agreement_version',
        subjectId: version.id,
        clientId: agreement.clientId,
        before,
        after: { title: agreement.title, number: version.number, terms: version.terms },
      });
      return version;
    });
  }

  /** A change after sending makes a new draft version from the newest one; the earlier versions stay as they are. */
  async createVersion(id: string, change: AgreementTermsDto | undefined, actor: ChangeActor): Promise<AgreementVersion> {
    return this.transactions.run(async (manager) => {
      const agreement = await this.agreements.findAgreement(PROCESSOR_SCOPE, id, manager);
      if (!agreement) throw new NotFoundError('Agreement', id);
      const versions = await this.agreements.listVersions(PROCESSOR_SCOPE, [agreement.id], manager);
      const draft = versions.find((candidate) => candidate.status === 'draft');
      if (draft) throw new DomainError(DpaErrorCode.DraftExists, 409, 'Conflict', `Version ${draft.number} is still a draft: change that one.`);
      const latest = versions[versions.length - 1];
      const profile = await this.requireProfile(manager);
      const client = (await this.clients.findById(PROCESSOR_SCOPE, agreement.clientId, manager))!;
      const now = this.clock.now();
      const version = newVersion(agreement, latest.number + 1, applyTermsChange(latest.terms, termsChangeOf(change)), partiesOf(profile, client), labelOf(actor), now);
      await this.agreements.insertVersion(version, manager);
      agreement.updatedAt = now;
      await this.agreements.saveAgreement(agreement, manager);
      await this.changes.record(manager, {
        actor,
        action: 'agreement_version.created',
        subjectType: 'agreement_version',
        subjectId: version.id,
        clientId: agreement.clientId,
        before: { number: latest.number, terms: latest.terms },
        after: { number: version.number, terms: version.terms },
      });
      return version;
    });
  }

  /**
   * Fixes the content (parties, terms, the sub-processor annex as the register stands now), renders the PDF, records
   * its hash and sends it to the client by e-mail and webhook, all in one transaction. An incomplete version is
   * refused unless an admin forces it with a written reason, which goes into the change trail and the document.
   */
  async send(id: string, number: number, dto: SendVersionDto, principal: Principal): Promise<AgreementVersion> {
    return this.transactions.run(async (manager) => {
      const { agreement, version } = await this.load(manager, PROCESSOR_SCOPE, id, number);
      this.assertTransition(version, 'send');
      const report = assessCompleteness(version.terms);
      if (!report.complete && dto.force !== true) {
        throw new DomainError(
          DpaErrorCode.AgreementIncomplete,
          400,
          'Agreement incomplete',
          `Version ${number} misses ${report.missing.length} item(s) required by GDPR Art. 28(3); complete them, or an admin may force sending with a reason.`,
          report.findings.filter((finding) => !finding.present).map((finding) => ({ field: `terms.${finding.item}`, messages: [`${finding.reference}: ${finding.reason}`] })),
          { missing: report.missing },
        );
      }
      const forced = !report.complete;
      if (forced && principal.role !== Role.Admin) {
        throw new DomainError(ProblemCode.Forbidden, 403, 'Forbidden', 'Only an admin may send an incomplete agreement.');
      }
      const profile = await this.requireProfile(manager);
      const client = (await this.clients.findById(PROCESSOR_SCOPE, agreement.clientId, manager))!;
      const now = this.clock.now();
      version.parties = partiesOf(profile, client);
      version.subprocessors = await this.annexSource.forClient(agreement.clientId, version.terms.services ?? [], now, manager);
      version.sentAt = now;
      version.sentBy = labelOf(principal);
      version.updatedAt = now;
      version.forcedIncomplete = forced;
      version.forceReason = forced ? (dto.forceReason ?? null) : null;
      version.status = 'sent';
      const rendered = await this.documents.render(agreement, version);
      version.contentSha256 = rendered.contentSha256;
      version.documentSha256 = rendered.documentSha256;

      for (const other of await this.agreements.listVersions(PROCESSOR_SCOPE, [agreement.id], manager)) {
        if (other.id === version.id || other.status !== 'sent') continue;
        other.status = 'withdrawn';
        other.withdrawnAt = now;
        other.updatedAt = now;
        await this.agreements.saveVersion(other, manager);
        await this.changes.record(manager, { actor: principal, action: 'agreement_version.withdrawn', subjectType: 'agreement_version', subjectId: other.id, clientId: agreement.clientId, after: { number: other.number, replacedBy: number } });
      }
      await this.agreements.saveVersion(version, manager);
      await this.changes.record(manager, {
        actor: principal,
        action: 'agreement_version.sent',
        subjectType: 'agreement_version',
        subjectId: version.id,
        clientId: agreement.clientId,
        before: { status: 'draft' },
        after: {
          number,
          status: 'sent',
          contentSha256: version.contentSha256,
          documentSha256: version.documentSha256,
          forcedIncomplete: forced,
          ...(forced ? { forceReason: version.forceReason, missing: report.missing } : {}),
        },
      });
      await this.enqueueDocument(manager, agreement, version, rendered, { action: 'offered' });
      return version;
    });
  }

  /** The client accepts, with its own credential, exactly the PDF it was sent (by its hash). */
  async accept(scope: TenantScope, id: string, number: number, dto: AcceptVersionDto, origin: RequestOrigin, principal: Principal): Promise<AgreementVersion> {
    return this.transactions.run(async (manager) => {
      const { agreement, version } = await this.load(manager, scope, id, number);
      this.assertTransition(version, 'accept');
      if (dto.documentSha256 !== version.documentSha256) {
        throw new DomainError(
          DpaErrorCode.DocumentMismatch,
          409,
          'Document mismatch',
          `documentSha256 is not the hash of the PDF of version ${number} as sent (${version.documentSha256}).`,
        );
      }
      const now = this.clock.now();
      for (const other of await this.agreements.listVersions(PROCESSOR_SCOPE, [agreement.id], manager)) {
        if (other.id === version.id || other.status !== 'accepted') continue;
        other.status = 'superseded';
        other.supersededAt = now;
        other.supersededByNumber = number;
        other.updatedAt = now;
        await this.agreements.saveVersion(other, manager);
        await this.changes.record(manager, { actor: principal, action: 'agreement_version.superseded', subjectType: 'agreement_version', subjectId: other.id, clientId: agreement.clientId, before: { status: 'accepted' }, after: { number: other.number, status: 'superseded', supersededBy: number } });
      }
      Object.assign(version, {
        status: 'accepted',
        acceptedAt: now,
        acceptedByName: dto.name,
        acceptedByFunction: dto.function ?? null,
        acceptedCredentialId: principal.credentialId,
        acceptedCredentialLabel: principal.label,
        acceptedIp: origin.ip?.slice(0, 64) ?? null,
        acceptedUserAgent: origin.userAgent?.slice(0, 500) ?? null,
        acceptedDocumentSha256: dto.documentSha256,
        updatedAt: now,
      } satisfies Partial<AgreementVersion>);
      await this.agreements.saveVersion(version, manager);
      await this.changes.record(manager, {
        actor: principal,
        action: 'agreement_version.accepted',
        subjectType: 'agreement_version',
        subjectId: version.id,
        clientId: agreement.clientId,
        before: { status: 'sent' },
        after: { number, status: 'accepted', acceptedBy: dto.name, function: dto.function ?? null, ip: version.acceptedIp, userAgent: version.acceptedUserAgent, documentSha256: dto.documentSha256 },
      });
      const rendered = await this.documents.render(agreement, version);
      await this.enqueueDocument(manager, agreement, version, rendered, { action: 'signed', signedBy: dto.name, signedAt: now.toISOString() });
      return version;
    });
  }

  /** Ends the agreement in force; the data is deleted or returned by the due date (Art. 28(3)(g)). */
  async terminate(id: string, dto: TerminateAgreementDto, actor: ChangeActor): Promise<AgreementVersion> {
    return this.transactions.run(async (manager) => {
      const agreement = await this.agreements.findAgreement(PROCESSOR_SCOPE, id, manager);
      if (!agreement) throw new NotFoundError('Agreement', id);
      const versions = await this.agreements.listVersions(PROCESSOR_SCOPE, [agreement.id], manager);
      const inForce = versions.find((version) => version.status === 'accepted');
      if (!inForce) throw new InvalidStateError('This agreement has no accepted version in force to terminate.');
      const now = this.clock.now();
      const today = amsterdamDate(now);
      const dueOn = dto.dueOn ?? DateTime.fromISO(today, { zone: DISPLAY_TIME_ZONE }).plus({ days: this.options.endOfServiceDays }).toISODate()!;
      if (!DateTime.fromISO(dueOn).isValid) throw new ValidationError([{ field: 'dueOn', messages: ['dueOn must be a calendar date'] }]);
      if (dueOn < today) throw new ValidationError([{ field: 'dueOn', messages: [`dueOn must not be before today (${today})`] }]);
      const endOfService = dto.endOfService ?? inForce.terms.endOfService;
      if (!endOfService) throw new ValidationError([{ field: 'endOfService', messages: ['the agreement records no choice: say delete or return'] }]);

      for (const other of versions.filter((version) => version.status === 'sent' || version.status === 'draft')) {
        other.status = 'withdrawn';
        other.withdrawnAt = now;
        other.updatedAt = now;
        await this.agreements.saveVersion(other, manager);
      }
      Object.assign(inForce, { status: 'terminated', terminatedAt: now, terminationReason: dto.reason, endOfService, endOfServiceDueOn: dueOn, updatedAt: now } satisfies Partial<AgreementVersion>);
      await this.agreements.saveVersion(inForce, manager);
      await this.changes.record(manager, {
        actor,
        action: 'agreement.terminated',
        subjectType: 'agreement',
        subjectId: agreement.id,
        clientId: agreement.clientId,
        before: { version: inForce.number, status: 'accepted' },
        after: { version: inForce.number, status: 'terminated', reason: dto.reason, endOfService, dueOn },
      });
      await this.outbox.enqueue(manager, {
        clientId: agreement.clientId,
        type: NoticeType.DpaDocument,
        data: { action: 'terminated', agreementTitle: agreement.title, version: String(inForce.number), documentSha256: inForce.documentSha256 ?? '', endOfService, endOfServiceDueOn: dueOn },
      });
      return inForce;
    });
  }

  /** Staff confirm the data was deleted or returned; the gap closes. */
  async completeEndOfService(id: string, dto: CompleteEndOfServiceDto, actor: ChangeActor): Promise<AgreementVersion> {
    return this.transactions.run(async (manager) => {
      const agreement = await this.agreements.findAgreement(PROCESSOR_SCOPE, id, manager);
      if (!agreement) throw new NotFoundError('Agreement', id);
      const versions = await this.agreements.listVersions(PROCESSOR_SCOPE, [agreement.id], manager);
      const terminated = [...versions].reverse().find((version) => version.status === 'terminated');
      if (!terminated) throw new InvalidStateError('This agreement is not terminated.');
      if (terminated.endOfServiceCompletedAt) throw new InvalidStateError('The end of service was already confirmed.');
      const now = this.clock.now();
      terminated.endOfServiceCompletedAt = now;
      terminated.endOfServiceNote = dto.note;
      terminated.updatedAt = now;
      await this.agreements.saveVersion(terminated, manager);
      await this.changes.record(manager, {
        actor,
        action: 'agreement.end_of_service_completed',
        subjectType: 'agreement',
        subjectId: agreement.id,
        clientId: agreement.clientId,
        after: { version: terminated.number, endOfService: terminated.endOfService, note: dto.note },
      });
      return terminated;
    });
  }

  async render(scope: TenantScope, id: string, number: number): Promise<RenderedAgreement> {
    const agreement = await this.agreements.findAgreement(scope, id);
    if (!agreement) throw new NotFoundError('Agreement', id);
    return this.documents.render(agreement, await this.getVersion(scope, id, number));
  }

  /** Re-renders the version from what is stored and compares the bytes' hash with the ones recorded. */
  async verify(scope: TenantScope, id: string, number: number) {
    const agreement = await this.agreements.findAgreement(scope, id);
    if (!agreement) throw new NotFoundError('Agreement', id);
    const version = await this.getVersion(scope, id, number);
    if (!version.documentSha256) throw new InvalidStateError('A draft has no recorded document to verify; send it first.');
    const rendered = await this.documents.render(agreement, version);
    const matchesSent = rendered.documentSha256 === version.documentSha256;
    const matchesAccepted = version.acceptedDocumentSha256 === null || rendered.documentSha256 === version.acceptedDocumentSha256;
    return {
      verified: matchesSent && matchesAccepted,
      number,
      renderedSha256: rendered.documentSha256,
      sentDocumentSha256: version.documentSha256,
      acceptedDocumentSha256: version.acceptedDocumentSha256,
      contentSha256: version.contentSha256,
      contentVerified: rendered.contentSha256 === version.contentSha256,
    };
  }

  /** For the reminder job: the notice with the PDF, in the caller's transaction. */
  async enqueueDocument(
    manager: EntityManager,
    agreement: Agreement,
    version: AgreementVersion,
    rendered: RenderedAgreement,
    data: { action: 'offered' | 'signed' | 'reminder'; signedBy?: string; signedAt?: string; sentAt?: string },
  ): Promise<void> {
    await this.outbox.enqueue(manager, {
      clientId: agreement.clientId,
      type: NoticeType.DpaDocument,
      data: { agreementTitle: agreement.title, version: String(version.number), documentSha256: rendered.documentSha256, ...data },
      attachments: [{ filename: rendered.filename, contentType: 'application/pdf', content: rendered.pdf }],
    });
  }

  private async load(manager: EntityManager, scope: TenantScope, id: string, number: number): Promise<{ agreement: Agreement; version: AgreementVersion }> {
    const agreement = await this.agreements.findAgreement(scope, id, manager);
    const version = agreement ? await this.agreements.findVersion(scope, id, number, manager) : null;
    if (!agreement || !version) throw new NotFoundError('Agreement version', `${id}/${number}`);
    return { agreement, version };
  }

  private assertTransition(version: AgreementVersion, action: VersionAction): void {
    const outcome = transition(version.status, action);
    if (!outcome.allowed) throw new InvalidStateError(`Version ${version.number}: ${outcome.reason}`);
  }

  private async requireProfile(manager: EntityManager): Promise<ProcessorProfile> {
    const profile = await this.profiles.find(manager);
    if (!profile) throw new DomainError(DpaErrorCode.ProcessorProfileMissing, 409, 'Conflict', 'Set up the processor profile (PUT /processor-profile) first: agreements start from its defaults.');
    return profile;
  }
}

/** The DTO's null means "remove"; class-transformer leaves absent keys undefined. */
function termsChangeOf(dto: AgreementTermsDto | undefined): Partial<Record<keyof AgreementTerms, unknown>> {
  if (!dto) return {};
  const change: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dto)) {
    if (value === undefined) continue;
    // Plain data only: nested DTO instances become plain objects, so the stored JSON and its hash are stable.
    change[key] = value === null ? null : JSON.parse(JSON.stringify(value));
  }
  return change;
}

function newVersion(agreement: Agreement, number: number, terms: AgreementTerms, parties: AgreementParties, createdBy: string, now: Date): AgreementVersion {
  return Object.assign(new AgreementVersion(), {
    id: randomUUID(),
    agreementId: agreement.id,
    clientId: agreement.clientId,
    number,
    status: 'draft',
    terms,
    parties,
    subprocessors: null,
    contentSha256: null,
    documentSha256: null,
    createdAt: now,
    createdBy,
    updatedAt: now,
    sentAt: null,
    sentBy: null,
    forcedIncomplete: false,
    forceReason: null,
    withdrawnAt: null,
    acceptedAt: null,
    acceptedByName: null,
    acceptedByFunction: null,
    acceptedCredentialId: null,
    acceptedCredentialLabel: null,
    acceptedIp: null,
    acceptedUserAgent: null,
    acceptedDocumentSha256: null,
    supersededAt: null,
    supersededByNumber: null,
    terminatedAt: null,
    terminationReason: null,
    endOfService: null,
    endOfServiceDueOn: null,
    endOfServiceCompletedAt: null,
    endOfServiceNote: null,
  } satisfies AgreementVersion);
}

export function partiesOf(
  profile: ProcessorProfile,
  client: { legalName: string; kvkNumber: string | null; country: string; privacyContactName: string; privacyContactEmail: string },
): AgreementParties {
  return {
    processor: {
      legalName: profile.legalName,
      kvkNumber: profile.kvkNumber,
      streetAddress: profile.streetAddress,
      postalCode: profile.postalCode,
      city: profile.city,
      country: profile.country,
      contactName: profile.contactName,
      contactEmail: profile.contactEmail,
      contactPhone: profile.contactPhone,
      dpoName: profile.dpoName,
      dpoEmail: profile.dpoEmail,
    },
    client: {
      legalName: client.legalName,
      kvkNumber: client.kvkNumber,
      country: client.country,
      privacyContactName: client.privacyContactName,
      privacyContactEmail: client.privacyContactEmail,
    },
  };
}

function labelOf(actor: ChangeActor): string {
  return `${actor.role}:${actor.label}`.slice(0, 200);
}

/** Today's calendar date in Amsterdam (YYYY-MM-DD): due dates are days where the parties are. */
export function amsterdamDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: DISPLAY_TIME_ZONE }).toISODate()!;
}
