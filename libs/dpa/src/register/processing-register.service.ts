import { Inject, Injectable, Optional } from '@nestjs/common';
import { PdfRenderer } from '@verwerker/documents';
import { ClientRepository, ProcessorProfileService } from '@verwerker/parties';
import { Clock, NotFoundError } from '@verwerker/platform';
import { AgreementRepository } from '../agreements/agreement.repository';
import { EMPTY_SUBPROCESSOR_ANNEX, SUBPROCESSOR_ANNEX_SOURCE, SubprocessorAnnexSource } from '../agreements/subprocessor-annex';
import { allClients } from '../gaps/compliance-gaps.service';
import { isInForceAt } from '../rules/agreement-lifecycle';
import { RegisterEntry, registerCsv, registerEntry } from '../rules/processing-register';
import { drawRegister, registerPdfMeta } from './register-document';

export interface ProcessingRegister {
  generatedAt: Date;
  processor: { legalName: string; kvkNumber: string | null; contactName: string; contactEmail: string; dpoName: string | null; dpoEmail: string | null };
  entries: RegisterEntry[];
}

/**
 * The processor's record of processing (Art. 30(2)), derived at request time from the agreements (the version in
 * force, else the newest) and the sub-processor register (transfers), so it is never out of date.
 */
@Injectable()
export class ProcessingRegisterService {
  private readonly annexSource: SubprocessorAnnexSource;

  constructor(
    private readonly clients: ClientRepository,
    private readonly agreements: AgreementRepository,
    private readonly profiles: ProcessorProfileService,
    private readonly renderer: PdfRenderer,
    private readonly clock: Clock,
    @Optional() @Inject(SUBPROCESSOR_ANNEX_SOURCE) annexSource?: SubprocessorAnnexSource,
  ) {
    this.annexSource = annexSource ?? EMPTY_SUBPROCESSOR_ANNEX;
  }

  async register(): Promise<ProcessingRegister> {
    const now = this.clock.now();
    const profile = await this.profiles.find();
    if (!profile) throw new NotFoundError('Processor profile');
    const versions = await this.agreements.versionsOfClients('all');
    const entries: RegisterEntry[] = [];
    for (const client of await allClients(this.clients)) {
      if (client.status !== 'active') continue;
      const own = versions.filter((version) => version.clientId === client.id);
      const inForce = own.find((version) => isInForceAt(version, now));
      const basis = inForce ?? own.filter((version) => version.status !== 'withdrawn').pop() ?? null;
      const services = basis?.terms.services ?? [];
      entries.push(
        registerEntry({
          client: { id: client.id, legalName: client.legalName, kvkNumber: client.kvkNumber, country: client.country, contactName: client.privacyContactName, contactEmail: client.privacyContactEmail },
          agreement: basis ? { id: basis.agreementId, versionNumber: basis.number, status: basis.status, inForce: basis === inForce } : null,
          terms: basis?.terms ?? null,
          subprocessors: await this.annexSource.forClient(client.id, services, now),
          processorMeasures: profile.measures,
        }),
      );
    }
    return {
      generatedAt: now,
      processor: { legalName: profile.legalName, kvkNumber: profile.kvkNumber, contactName: profile.contactName, contactEmail: profile.contactEmail, dpoName: profile.dpoName, dpoEmail: profile.dpoEmail },
      entries,
    };
  }

  async csv(): Promise<string> {
    return registerCsv((await this.register()).entries);
  }

  async pdf(language: 'nl' | 'en'): Promise<Buffer> {
    const register = await this.register();
    return this.renderer.render(registerPdfMeta(register, language), drawRegister(register, language));
  }
}
