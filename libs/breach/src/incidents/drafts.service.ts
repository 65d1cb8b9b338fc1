import { Injectable } from '@nestjs/common';
import { Clock, InvalidStateError } from '@verwerker/platform';
import { BreachDocuments } from '../documents/breach-documents';
import { contactOf } from '../notices/client-notices.service';
import { authorityFormAnswers, FormAnswer, missingAnswers } from '../rules/authority-form';
import { authorityNotificationDeadline } from '../rules/breach-deadlines';
import { dataSubjectLetter, DataSubjectLetter } from '../rules/data-subject-letter';
import { IncidentView } from './incident-view';
import { IncidentsService } from './incidents.service';

export interface AuthorityDraft {
  reference: string;
  deadline: Date | null;
  late: boolean;
  filedAt: Date | null;
  filingReference: string | null;
  answers: FormAnswer[];
  missing: string[];
  reasons: string[];
}

/** The drafts staff work from for our own data: the AP form's answers (Art. 33(1)) and the letter to data subjects (Art. 34). */
@Injectable()
export class DraftsService {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly documents: BreachDocuments,
    private readonly clock: Clock,
  ) {}

  async authorityDraft(id: string, language: 'nl' | 'en'): Promise<AuthorityDraft> {
    return this.draftOf(await this.ownDataView(id), language);
  }

  async authorityDraftPdf(id: string, language: 'nl' | 'en'): Promise<{ reference: string; pdf: Buffer }> {
    const view = await this.ownDataView(id);
    const draft = this.draftOf(view, language);
    const pdf = await this.documents.authorityDraft(
      { processorName: view.profile?.legalName ?? 'Verwerker', reference: draft.reference, title: view.incident.title, answers: draft.answers, deadline: draft.deadline, filedAt: draft.filedAt, filingReference: draft.filingReference, decisionReasons: draft.reasons, generatedAt: view.incident.updatedAt },
      language,
    );
    return { reference: draft.reference, pdf };
  }

  async dataSubjectDraft(id: string, language: 'nl' | 'en'): Promise<DataSubjectLetter & { required: boolean; reasons: string[] }> {
    const view = await this.ownDataView(id);
    const profile = view.profile;
    const letter = dataSubjectLetter(
      {
        organisation: profile?.legalName ?? 'Verwerker',
        reference: view.incident.reference,
        title: view.incident.title,
        description: view.incident.description,
        awareAt: view.incident.awareAt,
        facts: view.incident.facts,
        contact: { name: profile?.dpoName ?? profile?.contactName ?? 'Privacy', email: profile?.dpoEmail ?? profile?.contactEmail ?? '', phone: profile?.contactPhone ?? null },
      },
      language,
    );
    return { ...letter, required: view.plan.decision.communicateDataSubjects === true, reasons: view.plan.decision.reasons };
  }

  async dataSubjectDraftPdf(id: string, language: 'nl' | 'en'): Promise<{ reference: string; pdf: Buffer }> {
    const view = await this.ownDataView(id);
    const letter = await this.dataSubjectDraft(id, language);
    const pdf = await this.documents.dataSubjectLetter({ processorName: view.profile?.legalName ?? 'Verwerker', reference: view.incident.reference, letter, generatedAt: view.incident.updatedAt }, language);
    return { reference: view.incident.reference, pdf };
  }

  private async ownDataView(id: string): Promise<IncidentView> {
    const view = await this.incidents.get(id);
    if (!view.incident.ownData) throw new InvalidStateError('Only for a breach of our own (controller) data; for a client’s data the client notifies, with the answers in its notice.');
    return view;
  }

  private draftOf(view: IncidentView, language: 'nl' | 'en'): AuthorityDraft {
    const { incident, profile } = view;
    const answers = authorityFormAnswers(
      {
        organisation: {
          legalName: profile?.legalName ?? '',
          kvkNumber: profile?.kvkNumber ?? null,
          address: profile ? `${profile.streetAddress}, ${profile.postalCode} ${profile.city}, ${profile.country}` : '',
          contactName: profile?.contactName ?? '',
          contactEmail: profile?.contactEmail ?? '',
          contactPhone: profile?.contactPhone ?? null,
          dpoName: profile?.dpoName ?? null,
          dpoEmail: profile?.dpoEmail ?? null,
        },
        reference: incident.reference,
        title: incident.title,
        description: incident.description,
        detectedAt: incident.detectedAt,
        awareAt: incident.awareAt,
        facts: incident.facts,
        decision: view.plan.decision,
        dataSubjectsCommunicatedAt: incident.dataSubjectsCommunicatedAt,
        filedAt: incident.authorityFiledAt,
        delayReason: incident.authorityDelayReason,
        now: this.clock.now(),
      },
      language,
    );
    const deadline = incident.awareAt ? authorityNotificationDeadline(incident.awareAt) : null;
    const authority = view.plan.obligations.find((obligation) => obligation.kind === 'authority');
    return {
      reference: incident.reference,
      deadline,
      late: deadline !== null && (incident.authorityFiledAt ?? this.clock.now()).getTime() > deadline.getTime(),
      filedAt: incident.authorityFiledAt,
      filingReference: incident.authorityReference,
      answers,
      missing: missingAnswers(answers),
      reasons: [...(authority?.reasons ?? []), ...view.plan.reasons],
    };
  }
}

export { contactOf };
