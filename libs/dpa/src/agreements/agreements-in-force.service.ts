import { Injectable } from '@nestjs/common';
import { ClientRepository, ProcessorProfileService } from '@verwerker/parties';
import { Clock, PROCESSOR_SCOPE } from '@verwerker/platform';
import type { AgreementTerms } from '../rules/agreement-terms';
import { isInForceAt } from '../rules/agreement-lifecycle';
import { EffectiveTerms, effectiveTerms } from '../rules/default-terms';
import { AgreementRepository } from './agreement.repository';

/** The agreement in force for a client at a moment. */
export interface AgreementInForce {
  agreementId: string;
  clientId: string;
  versionId: string;
  versionNumber: number;
  acceptedAt: Date;
  terms: AgreementTerms;
  contentSha256: string | null;
  documentSha256: string | null;
}

export type TermsInForce = EffectiveTerms & {
  /** `agreement` when an accepted version sets the terms; `processor_default` otherwise. */
  source: 'agreement' | 'processor_default';
  versionNumber: number | null;
};

/**
 * What other libs ask the DPA lib: is there an agreement in force (the audit lib flags access without one), and which
 * terms apply (the breach workflow's notice deadline, the sub-processor workflow's authorisation and objection
 * period). Evaluated at a moment, so an event is judged against the agreement that applied then.
 */
@Injectable()
export class AgreementsInForce {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly clients: ClientRepository,
    private readonly profiles: ProcessorProfileService,
    private readonly clock: Clock,
  ) {}

  async agreementInForce(clientId: string, at: Date = this.clock.now()): Promise<AgreementInForce | null> {
    return (await this.agreementsInForce([clientId], at)).get(clientId) ?? null;
  }

  /** Batch form for bulk work (audit ingestion): one query for many clients. */
  async agreementsInForce(clientIds: readonly string[], at: Date = this.clock.now()): Promise<Map<string, AgreementInForce>> {
    const result = new Map<string, AgreementInForce>();
    for (const version of await this.agreements.versionsOfClients([...new Set(clientIds)])) {
      if (!isInForceAt(version, at)) continue;
      result.set(version.clientId, {
        agreementId: version.agreementId,
        clientId: version.clientId,
        versionId: version.id,
        versionNumber: version.number,
        acceptedAt: version.acceptedAt!,
        terms: version.terms,
        contentSha256: version.contentSha256,
        documentSha256: version.documentSha256,
      });
    }
    return result;
  }

  /**
   * For bulk checks at many moments (audit ingestion: was there an agreement when each access happened?):
   * loads the clients' versions once and answers per (client, moment) without further queries.
   */
  async inForceChecker(clientIds: readonly string[]): Promise<(clientId: string, at: Date) => boolean> {
    const byClient = new Map<string, Awaited<ReturnType<AgreementRepository['versionsOfClients']>>>();
    for (const version of await this.agreements.versionsOfClients([...new Set(clientIds)])) {
      byClient.set(version.clientId, [...(byClient.get(version.clientId) ?? []), version]);
    }
    return (clientId, at) => (byClient.get(clientId) ?? []).some((version) => isInForceAt(version, at));
  }

  /** The ids among `clientIds` with an agreement in force at `at`. */
  async clientsWithAgreementInForce(clientIds: readonly string[], at: Date = this.clock.now()): Promise<Set<string>> {
    return new Set((await this.agreementsInForce(clientIds, at)).keys());
  }

  /** The terms the workflows read, with the processor's default where no agreement in force sets one. */
  async termsInForce(clientId: string, at: Date = this.clock.now()): Promise<TermsInForce | null> {
    const [client, profile, inForce] = await Promise.all([this.clients.findById(PROCESSOR_SCOPE, clientId), this.profiles.find(), this.agreementInForce(clientId, at)]);
    if (!client || !profile) return null;
    return { ...effectiveTerms(inForce?.terms ?? null, profile, client), source: inForce ? 'agreement' : 'processor_default', versionNumber: inForce?.versionNumber ?? null };
  }
}
