import { Injectable } from '@nestjs/common';
import { ProcessorProfileService } from '@verwerker/parties';
import { Clock } from '@verwerker/platform';
import { BreachDocuments, RegisterRow } from '../documents/breach-documents';
import { IncidentFilter, IncidentRepository } from '../incidents/incident.repository';
import { IncidentView, IncidentViews } from '../incidents/incident-view';

/**
 * The Art. 33(5) register: every incident, notified or not, non-breaches included, with the facts, effects,
 * remedial action, the decision and its reasons. JSON, CSV and PDF carry the same rows.
 */
@Injectable()
export class BreachRegisterService {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly views: IncidentViews,
    private readonly documents: BreachDocuments,
    private readonly profiles: ProcessorProfileService,
    private readonly clock: Clock,
  ) {}

  async entries(filter: IncidentFilter): Promise<IncidentView[]> {
    const views: IncidentView[] = [];
    for (const incident of await this.incidents.all(filter)) views.push(await this.views.of(incident));
    return views;
  }

  async csv(filter: IncidentFilter): Promise<string> {
    const header = ['reference', 'title', 'state', 'detected_at', 'aware_at', 'own_data', 'clients', 'clients_notified', 'risk', 'decision_source', 'document_only', 'authority_filed_at', 'authority_reference', 'not_breach_reason', 'effects', 'measures', 'reasons'];
    const lines = [header.join(',')];
    for (const view of await this.entries(filter)) {
      const { incident, plan } = view;
      lines.push(
        [
          incident.reference,
          incident.title,
          incident.state,
          incident.detectedAt.toISOString(),
          incident.awareAt?.toISOString() ?? '',
          String(incident.ownData),
          String(view.clients.length),
          String(view.clients.filter((client) => client.notices.length > 0).length),
          plan.decision.risk ?? '',
          plan.decision.source,
          String(plan.documentOnly),
          incident.authorityFiledAt?.toISOString() ?? '',
          incident.authorityReference ?? '',
          incident.notBreachReason ?? '',
          incident.facts?.likelyConsequences ?? '',
          incident.facts?.measuresTaken ?? '',
          plan.reasons.join(' | '),
        ]
          .map(csvField)
          .join(','),
      );
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  async pdf(filter: IncidentFilter, language: 'nl' | 'en'): Promise<Buffer> {
    const views = await this.entries(filter);
    const profile = await this.profiles.find();
    const nl = language === 'nl';
    const rows: RegisterRow[] = views.map(({ incident, plan, clients }) => ({
      reference: incident.reference,
      title: incident.title,
      state: incident.state,
      detectedAt: incident.detectedAt,
      awareAt: incident.awareAt,
      clients: clients.length,
      ownData: incident.ownData,
      risk: plan.decision.risk,
      decision: incident.state === 'not_a_breach' || (incident.state === 'closed' && incident.notBreachReason)
        ? `${nl ? 'Geen datalek' : 'Not a breach'}: ${incident.notBreachReason}`
        : plan.documentOnly
          ? nl ? 'Alleen documenteren (artikel 33 lid 5 AVG)' : 'Document only (Article 33(5) GDPR)'
          : plan.obligations.map((obligation) => `${obligation.recipient}: ${obligation.status}`).slice(0, 10).join('; '),
      effects: incident.facts?.likelyConsequences ?? null,
      measures: incident.facts?.measuresTaken ?? null,
      reasons: plan.reasons,
    }));
    // The register's date is the moment it was drawn up; the same filter at the same time gives the same bytes.
    return this.documents.register(rows, { processorName: profile?.legalName ?? 'Verwerker', generatedAt: this.clock.now() }, language);
  }
}

/** RFC 4180, and a leading = + - @ is quoted with an apostrophe so a spreadsheet does not run it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
