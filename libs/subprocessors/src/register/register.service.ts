import { Injectable } from '@nestjs/common';
import { SubprocessorAnnexEntry, SubprocessorAnnexSource } from '@verwerker/dpa';
import { ChangeActor, ChangeRecorder, Clock, ConflictError, DomainError, NotFoundError, TenantScope, TransactionRunner } from '@verwerker/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { affectedClients, ClientTerms, normaliseService } from '../rules/change-rules';
import { TransferClassification } from '../rules/transfer-classifier';
import { ClientTermsSource } from './client-terms.source';
import { RegisterEntry, RegisterRepository } from './register.repository';
import { SubprocessorDetailsDto } from './subprocessor-details.dto';
import { Subprocessor, SubprocessorDetails, SubprocessorVersion } from './subprocessor.entities';
import { assessTransfers } from './transfer-assessment';

export class NonCompliantTransferError extends DomainError {
  constructor(classification: TransferClassification) {
    super('transfer_not_compliant', 400, 'Transfer not compliant', classification.reasons.map((reason) => reason.text).join(' '), [
      {
        field: 'transfers',
        messages: classification.locations
          .filter((location) => location.status === 'none')
          .flatMap((location) => location.reasons.map((reason) => `${location.country}: ${reason.text} (${reason.reference})`)),
      },
    ], { transferStatus: classification.status });
  }
}

export function toDetails(dto: SubprocessorDetailsDto): SubprocessorDetails {
  return {
    legalName: dto.legalName.trim(),
    services: [...new Set(dto.services.map(normaliseService))],
    processingCountries: [...new Set(dto.processingCountries)],
    accessCountries: [...new Set(dto.accessCountries ?? [])],
    certifications: dto.certifications ?? [],
    agreementDate: dto.agreementDate ?? null,
    transfers: (dto.transfers ?? []).map(({ country, mechanism, documentReference, transferImpactAssessment }) => ({ country, mechanism, documentReference, transferImpactAssessment })),
  };
}

/** The register: what is in force, who each sub-processor touches, and its history. */
@Injectable()
export class RegisterService implements SubprocessorAnnexSource {
  constructor(
    private readonly register: RegisterRepository,
    private readonly clientTerms: ClientTermsSource,
    private readonly transactions: TransactionRunner,
    private readonly changes: ChangeRecorder,
    private readonly clock: Clock,
  ) {}

  /** Classifies at a date; a transfer without any Chapter V basis cannot go live (400 with the reasons). */
  assertCompliant(details: SubprocessorDetails, at: Date): TransferClassification {
    const classification = assessTransfers(details, at);
    if (!classification.compliant) throw new NonCompliantTransferError(classification);
    return classification;
  }

  /**
   * Puts a sub-processor on the register at once. Only while it touches no client's data: otherwise the
   * clients must first be told and may object (Art. 28(2)), so it has to go through a change announcement.
   */
  async registerDirectly(dto: SubprocessorDetailsDto, actor: ChangeActor): Promise<RegisterEntry> {
    const details = toDetails(dto);
    const now = this.clock.now();
    const classification = this.assertCompliant(details, now);
    const affected = affectedClients(await this.clientTerms.all(now), details.services);
    if (affected.length) {
      throw new ConflictError(
        `It would process data of ${affected.map((client) => client.clientName).join(', ')}: announce it as a change (POST /subprocessor-changes) so they can object.`,
      );
    }
    return this.transactions.run(async (manager) => {
      const subprocessor = Object.assign(new Subprocessor(), { id: randomUUID(), name: details.legalName, createdAt: now });
      await this.register.insertSubprocessor(subprocessor, manager);
      const version = await this.addVersion(manager, subprocessor.id, details, classification, now, null);
      await this.changes.record(manager, { actor, action: 'subprocessor.registered', subjectType: 'subprocessor', subjectId: subprocessor.id, clientId: null, after: { ...details } });
      return { subprocessor, version };
    });
  }

  async addVersion(manager: EntityManager, subprocessorId: string, details: SubprocessorDetails, classification: TransferClassification, from: Date, changeId: string | null): Promise<SubprocessorVersion> {
    const version = Object.assign(new SubprocessorVersion(), {
      id: randomUUID(),
      subprocessorId,
      details,
      transferStatus: classification.status,
      validFrom: from,
      validTo: null,
      changeId,
      createdAt: this.clock.now(),
    } satisfies SubprocessorVersion);
    await this.register.insertVersion(version, manager);
    return version;
  }

  at(at: Date): Promise<RegisterEntry[]> {
    return this.register.at(at);
  }

  async get(id: string, at: Date): Promise<{ entry: RegisterEntry | null; history: SubprocessorVersion[]; subprocessor: Subprocessor }> {
    const subprocessor = await this.register.findSubprocessor(id);
    if (!subprocessor) throw new NotFoundError('Sub-processor', id);
    return { subprocessor, entry: await this.register.inForce(id, at), history: await this.register.history(id) };
  }

  /**
   * The clients whose data a sub-processor touches at `at`: through their services, minus those kept off it.
   * Pass the clients' terms when already loaded, so a caller does not read every agreement twice.
   */
  async clientsOf(subprocessorId: string, at: Date, allClientTerms?: ClientTerms[]): Promise<ClientTerms[]> {
    const entry = await this.register.inForce(subprocessorId, at);
    if (!entry) return [];
    const excluded = new Set((await this.register.exclusions()).filter((exclusion) => exclusion.subprocessorId === subprocessorId).map((exclusion) => exclusion.clientId));
    return affectedClients(allClientTerms ?? (await this.clientTerms.all(at)), entry.version.details.services).filter((client) => !excluded.has(client.clientId));
  }

  /** For the API: a client's sub-processors, through the services its agreement in force names. */
  async ofClient(scope: TenantScope, clientId: string, at: Date): Promise<RegisterEntry[]> {
    if (scope.kind === 'client' && scope.clientId !== clientId) throw new NotFoundError('Client', clientId);
    const terms = (await this.clientTerms.all(at)).find((client) => client.clientId === clientId);
    if (!terms) throw new NotFoundError('Client', clientId);
    return this.subprocessorsOf(clientId, terms.services, at);
  }

  /** The sub-processors that touch one client's data at `at`. */
  async subprocessorsOf(clientId: string, services: readonly string[], at: Date, manager?: EntityManager): Promise<RegisterEntry[]> {
    const used = new Set(services.map(normaliseService));
    const excluded = new Set((await this.register.exclusions(manager)).filter((exclusion) => exclusion.clientId === clientId).map((exclusion) => exclusion.subprocessorId));
    return (await this.register.at(at, manager)).filter(
      (entry) => !excluded.has(entry.subprocessor.id) && entry.version.details.services.some((service) => used.has(service)),
    );
  }

  /** For the processor agreement's annex and the Art. 30(2) record (SUBPROCESSOR_ANNEX_SOURCE of @verwerker/dpa). */
  async forClient(clientId: string, services: readonly string[], at: Date, manager?: EntityManager): Promise<SubprocessorAnnexEntry[]> {
    return (await this.subprocessorsOf(clientId, services, at, manager)).map(({ version }) => {
      const details = version.details;
      return {
        name: details.legalName,
        services: details.services,
        countries: [...new Set([...details.processingCountries, ...details.accessCountries])],
        transferMechanism: version.transferStatus === 'eea' ? null : (details.transfers.map((transfer) => transfer.mechanism).join(', ') || version.transferStatus),
        safeguard: details.transfers.map((transfer) => `${transfer.country}: ${transfer.mechanism}${transfer.documentReference ? ` (${transfer.documentReference})` : ''}`).join('; ') || null,
      };
    });
  }
}
