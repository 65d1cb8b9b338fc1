import { Injectable } from '@nestjs/common';
import { AgreementsInForce, effectiveTerms } from '@verwerker/dpa';
import { ClientRepository, ProcessorProfileService } from '@verwerker/parties';
import { PROCESSOR_SCOPE } from '@verwerker/platform';
import { EntityManager } from 'typeorm';
import { ClientTerms } from '../rules/change-rules';

/**
 * The terms each active client's agreement in force sets for sub-processors (services used, authorisation
 * type, objection period), with the processor's defaults where the agreement is silent (DOMAIN.md §1).
 */
@Injectable()
export class ClientTermsSource {
  constructor(
    private readonly clients: ClientRepository,
    private readonly agreements: AgreementsInForce,
    private readonly profiles: ProcessorProfileService,
  ) {}

  async languages(clientIds: string[]): Promise<{ clientId: string; language: 'nl' | 'en' }[]> {
    return (await this.clients.findByIds(PROCESSOR_SCOPE, clientIds)).map((client) => ({ clientId: client.id, language: client.language }));
  }

  async all(at: Date, manager?: EntityManager): Promise<ClientTerms[]> {
    const [clients, profile] = await Promise.all([this.clients.allActive(manager), this.profiles.find(manager)]);
    if (!profile || clients.length === 0) return [];
    const inForce = await this.agreements.agreementsInForce(clients.map((client) => client.id), at);
    return clients.map((client) => {
      const terms = effectiveTerms(inForce.get(client.id)?.terms ?? null, profile, client);
      return {
        clientId: client.id,
        clientName: client.legalName,
        // Without an agreement in force no service is agreed, so no sub-processor touches the client's data.
        services: inForce.has(client.id) ? terms.services : [],
        authorisation: terms.subprocessorAuthorisation,
        objectionPeriodDays: terms.objectionPeriodDays,
      };
    });
  }
}
