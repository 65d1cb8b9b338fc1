import { DISPLAY_TIME_ZONE } from '@verwerker/platform';
import { DateTime } from 'luxon';
import { BreachDeadlineAlertData, DpaDocumentData, NoticeContent, NoticeType } from '../notice-types';
import { NoticeDocument, renderNotice, RenderedNotice } from './document';

export type NoticeLanguage = 'nl' | 'en';

export interface TemplateContext {
  /** The processor's name as the sender. */
  processorName: string;
  /** The client (controller) the notice is for. */
  clientName: string;
}

function when(iso: string, language: NoticeLanguage): string {
  return DateTime.fromISO(iso, { zone: DISPLAY_TIME_ZONE }).setLocale(language).toFormat("d MMMM yyyy HH:mm '(UTC'ZZ')'");
}

function day(iso: string, language: NoticeLanguage): string {
  return DateTime.fromISO(iso, { zone: DISPLAY_TIME_ZONE }).setLocale(language).toFormat('d MMMM yyyy');
}

function list(values: string[], language: NoticeLanguage): string {
  return values.length ? values.join(', ') : language === 'nl' ? '(geen)' : '(none)';
}

/** Subject and opening line of each processor-agreement notice (Art. 28(3) GDPR), per language. */
const DPA_WORDING: Record<DpaDocumentData['action'], Record<NoticeLanguage, { subject: string; text: string }>> = {
  offered: {
    nl: { subject: 'Verwerkersovereenkomst ter ondertekening', text: 'Bijgevoegd vindt u de verwerkersovereenkomst (artikel 28 lid 3 AVG) ter ondertekening.' },
    en: { subject: 'Processor agreement for signature', text: 'Attached is the processor agreement (Article 28(3) GDPR) for your signature.' },
  },
  signed: {
    nl: { subject: 'Ondertekende verwerkersovereenkomst', text: 'Bijgevoegd vindt u de ondertekende verwerkersovereenkomst voor uw administratie.' },
    en: { subject: 'Signed processor agreement', text: 'Attached is the signed processor agreement for your records.' },
  },
  reminder: {
    nl: { subject: 'Herinnering: verwerkersovereenkomst wacht op ondertekening', text: 'De verwerkersovereenkomst (artikel 28 lid 3 AVG) die wij u stuurden, is nog niet ondertekend. Bijgevoegd vindt u haar opnieuw.' },
    en: { subject: 'Reminder: processor agreement awaiting signature', text: 'The processor agreement (Article 28(3) GDPR) we sent you has not been signed yet. It is attached again.' },
  },
  terminated: {
    nl: { subject: 'Verwerkersovereenkomst beëindigd', text: 'De verwerkersovereenkomst is beëindigd. Na afloop verwijderen of retourneren wij de persoonsgegevens zoals hieronder vermeld (artikel 28 lid 3 onder g AVG).' },
    en: { subject: 'Processor agreement terminated', text: 'The processor agreement has been terminated. We will delete or return the personal data as set out below (Article 28(3)(g) GDPR).' },
  },
  end_of_service_due: {
    nl: { subject: 'Verwijdering of teruggave van gegevens', text: 'De termijn voor het verwijderen of teruggeven van de persoonsgegevens (artikel 28 lid 3 onder g AVG) is bereikt.' },
    en: { subject: 'Deletion or return of data', text: 'The date for deleting or returning the personal data (Article 28(3)(g) GDPR) has been reached.' },
  },
};

type Templates = { [K in NoticeType]: (data: Extract<NoticeContent, { type: K }>['data'], language: NoticeLanguage, context: TemplateContext) => NoticeDocument };

const TEMPLATES: Templates = {
  [NoticeType.BreachNotice]: (data, language, context) => {
    const nl = language === 'nl';
    const contact = [data.contact.name, data.contact.email, data.contact.phone].filter(Boolean).join(', ');
    const facts: Array<[string, string]> = [
      [nl ? 'Referentie' : 'Reference', data.reference],
      [nl ? 'Ontdekt op' : 'Became aware at', when(data.awareAt, language)],
      ...(data.deadline ? ([[nl ? 'Meldtermijn volgens de overeenkomst' : 'Notice deadline under the agreement', when(data.deadline, language)]] as Array<[string, string]>) : []),
      [nl ? 'Categorieën persoonsgegevens' : 'Categories of personal data', list(data.dataCategories, language)],
      [nl ? 'Categorieën betrokkenen' : 'Categories of data subjects', list(data.dataSubjectCategories, language)],
    ];
    if (data.approximateRecords != null) facts.push([nl ? 'Geschat aantal records' : 'Approximate number of records', String(data.approximateRecords)]);
    facts.push([nl ? 'Contactpunt' : 'Contact point', contact]);
    return {
      subject: nl
        ? `${data.followUp ? 'Aanvulling: ' : ''}Melding datalek ${data.reference} — ${context.processorName}`
        : `${data.followUp ? 'Follow-up: ' : ''}Personal data breach notice ${data.reference} — ${context.processorName}`,
      blocks: [
        { kind: 'heading', text: nl ? `Melding van een datalek aan ${context.clientName}` : `Personal data breach notice to ${context.clientName}` },
        {
          kind: 'paragraph',
          text: nl
            ? `Als uw verwerker melden wij u een inbreuk in verband met persoonsgegevens (artikel 33 lid 2 AVG). U beoordeelt als verwerkingsverantwoordelijke of u de Autoriteit Persoonsgegevens en de betrokkenen moet informeren.`
            : `As your processor we notify you of a personal data breach (Article 33(2) GDPR). As the controller you assess whether the supervisory authority and the data subjects must be informed.`,
        },
        { kind: 'facts', rows: facts },
        { kind: 'heading', text: nl ? 'Wat er is gebeurd' : 'What happened' },
        { kind: 'paragraph', text: data.description },
        { kind: 'heading', text: nl ? 'Waarschijnlijke gevolgen' : 'Likely consequences' },
        { kind: 'paragraph', text: data.likelyConsequences },
        { kind: 'heading', text: nl ? 'Genomen en voorgestelde maatregelen' : 'Measures taken or proposed' },
        { kind: 'paragraph', text: data.measuresTaken },
        ...breachNoticeExtras(data, language),
      ],
    };
  },
  [NoticeType.BreachDeadlineAlert]: (data, language) => {
    const nl = language === 'nl';
    const obligation = ALERT_OBLIGATION[data.obligation][language];
    const point = data.point === 'overdue' ? (nl ? 'verlopen' : 'overdue') : `${Math.round(data.point * 100)}%`;
    const facts: Array<[string, string]> = [
      [nl ? 'Referentie' : 'Reference', data.reference],
      [nl ? 'Incident' : 'Incident', data.incidentTitle],
      [nl ? 'Verplichting' : 'Obligation', obligation],
      [nl ? 'Termijn' : 'Deadline', when(data.deadline, language)],
      [nl ? 'Stand' : 'Point', data.point === 'overdue' ? point : nl ? `${point} van de termijn verstreken` : `${point} of the time elapsed`],
    ];
    if (data.agreementHours != null) facts.push([nl ? 'Termijn in de overeenkomst' : 'Agreement hours', `${data.agreementHours}`]);
    if (data.openClients != null) facts.push([nl ? 'Klanten nog niet gemeld' : 'Clients not yet notified', `${data.openClients}`]);
    return {
      subject: data.point === 'overdue'
        ? nl ? `VERLOPEN: ${obligation} — ${data.reference}` : `OVERDUE: ${obligation} — ${data.reference}`
        : nl ? `Herinnering (${point}): ${obligation} — ${data.reference}` : `Reminder (${point}): ${obligation} — ${data.reference}`,
      blocks: [
        { kind: 'heading', text: nl ? 'Termijn datalek' : 'Breach deadline' },
        {
          kind: 'paragraph',
          text: data.point === 'overdue'
            ? nl ? `De termijn is verstreken zonder dat de melding is gedaan.${data.escalated ? ' Deze melding gaat ook naar de functionaris gegevensbescherming.' : ''} Doe de melding nu en leg de redenen voor de vertraging vast.` : `The deadline has passed without the notification being made.${data.escalated ? ' This alert also goes to the data protection officer.' : ''} Notify now and record the reasons for the delay.`
            : nl ? 'Een wettelijke of contractuele termijn van dit incident nadert.' : 'A legal or contractual deadline of this incident is approaching.',
        },
        { kind: 'facts', rows: facts },
      ],
    };
  },
  [NoticeType.SubprocessorChange]: (data, language, context) => {
    const nl = language === 'nl';
    const specific = data.authorisation === 'specific';
    const removal = data.change === 'removal';
    const facts: Array<[string, string]> = [
      [nl ? 'Subverwerker' : 'Sub-processor', data.subprocessorName],
      ...(data.replaces ? ([[nl ? 'Vervangt' : 'Replaces', data.replaces]] as Array<[string, string]>) : []),
      [nl ? 'Diensten' : 'Services', list(data.services, language)],
      [nl ? 'Landen' : 'Countries', list(data.countries, language)],
      ...(data.transferStatus ? ([[nl ? 'Doorgifte' : 'Transfer status', data.transferStatus]] as Array<[string, string]>) : []),
      [nl ? 'Ingangsdatum' : 'Takes effect on', day(data.effectiveDate, language)],
      ...(removal ? [] : ([[specific ? (nl ? 'Toestemming gevraagd vóór' : 'Approval requested before') : nl ? 'Bezwaar mogelijk tot' : 'Objections until', day(data.objectionDeadline, language)]] as Array<[string, string]>)),
    ];
    const kindNl = data.change === 'addition' ? 'nieuwe' : 'vervangende';
    const kindEn = data.change === 'addition' ? 'new' : 'replacement';
    const intro = removal
      ? nl
        ? `Wij informeren ${context.clientName} dat wij deze subverwerker niet langer inschakelen (artikel 28 lid 2 AVG). U hoeft niets te doen.`
        : `We inform ${context.clientName} that we will no longer engage this sub-processor (Article 28(2) GDPR). No action is needed.`
      : specific
        ? nl
          ? `Onze verwerkersovereenkomst met ${context.clientName} vraagt uw specifieke schriftelijke toestemming voor een nieuwe subverwerker (artikel 28 lid 2 AVG). Zonder uw toestemming geldt de wijziging niet voor uw gegevens.`
          : `Our processor agreement with ${context.clientName} requires your specific written authorisation for a new sub-processor (Article 28(2) GDPR). Without it, the change does not apply to your data.`
        : nl
          ? `Op grond van de algemene toestemming in onze verwerkersovereenkomst met ${context.clientName} informeren wij u over een voorgenomen wijziging (artikel 28 lid 2 AVG). U kunt tot de genoemde datum bezwaar maken.`
          : `Under the general authorisation in our processor agreement with ${context.clientName} we inform you of an intended change (Article 28(2) GDPR). You may object until the date below.`;
    return {
      subject: removal
        ? nl
          ? `Subverwerker vervalt: ${data.subprocessorName}`
          : `Sub-processor removed: ${data.subprocessorName}`
        : nl
          ? `${specific ? 'Toestemming gevraagd' : 'Voorgenomen'} ${kindNl} subverwerker: ${data.subprocessorName}`
          : `${specific ? 'Approval requested' : 'Intended'} ${kindEn} sub-processor: ${data.subprocessorName}`,
      blocks: [
        { kind: 'heading', text: nl ? 'Wijziging in onze subverwerkers' : 'Change to our sub-processors' },
        { kind: 'paragraph', text: intro },
        { kind: 'facts', rows: facts },
      ],
    };
  },
  [NoticeType.DpaDocument]: (data, language, context) => {
    const nl = language === 'nl';
    const facts: Array<[string, string]> = [
      [nl ? 'Overeenkomst' : 'Agreement', data.agreementTitle],
      [nl ? 'Versie' : 'Version', data.version],
      ['SHA-256', data.documentSha256],
    ];
    if (data.signedBy) facts.push([nl ? 'Ondertekend door' : 'Signed by', data.signedBy]);
    if (data.signedAt) facts.push([nl ? 'Ondertekend op' : 'Signed at', when(data.signedAt, language)]);
    if (data.sentAt) facts.push([nl ? 'Verzonden op' : 'Sent at', when(data.sentAt, language)]);
    if (data.endOfService) facts.push([nl ? 'Na afloop' : 'At the end', nl ? (data.endOfService === 'delete' ? 'verwijderen' : 'teruggeven') : data.endOfService]);
    if (data.endOfServiceDueOn) facts.push([nl ? 'Uiterlijk op' : 'Due on', day(data.endOfServiceDueOn, language)]);
    const wording = DPA_WORDING[data.action];
    return {
      subject: `${nl ? wording.nl.subject : wording.en.subject}: ${data.agreementTitle} ${data.version}`,
      blocks: [
        { kind: 'heading', text: nl ? `Verwerkersovereenkomst met ${context.clientName}` : `Processor agreement with ${context.clientName}` },
        { kind: 'paragraph', text: nl ? wording.nl.text : wording.en.text },
        { kind: 'facts', rows: facts },
      ],
    };
  },
};

const ALERT_OBLIGATION: Record<BreachDeadlineAlertData['obligation'], Record<NoticeLanguage, string>> = {
  client_notice: { nl: 'Melding aan klanten (artikel 33 lid 2 AVG)', en: 'Notice to clients (Article 33(2) GDPR)' },
  authority: { nl: 'Melding aan de Autoriteit Persoonsgegevens (artikel 33 lid 1 AVG)', en: 'Notification to the Dutch DPA (Article 33(1) GDPR)' },
  nis2_early_warning: { nl: 'NIS2 vroegtijdige waarschuwing aan het CSIRT', en: 'NIS2 early warning to the CSIRT' },
  nis2_notification: { nl: 'NIS2 incidentmelding aan het CSIRT', en: 'NIS2 incident notification to the CSIRT' },
  nis2_final_report: { nl: 'NIS2 eindverslag aan het CSIRT', en: 'NIS2 final report to the CSIRT' },
};

const RISK_WORDS: Record<'unlikely' | 'risk' | 'high', Record<NoticeLanguage, string>> = {
  unlikely: { nl: 'waarschijnlijk geen risico', en: 'unlikely to result in a risk' },
  risk: { nl: 'een risico', en: 'a risk' },
  high: { nl: 'een hoog risico', en: 'a high risk' },
};

/** The parts of a breach notice that later phases add: deadline, follow-up changes, draft assessment, AP answers. */
function breachNoticeExtras(data: Extract<NoticeContent, { type: NoticeType.BreachNotice }>['data'], language: NoticeLanguage): NoticeDocument['blocks'] {
  const nl = language === 'nl';
  const blocks: NoticeDocument['blocks'] = [];
  if (data.changes) {
    blocks.unshift({ kind: 'heading', text: nl ? 'Wat is er veranderd (artikel 33 lid 4 AVG)' : 'What changed (Article 33(4) GDPR)' }, { kind: 'paragraph', text: data.changes });
  }
  if (data.approximateSubjects) {
    blocks.push({ kind: 'facts', rows: [[nl ? 'Geschat aantal betrokkenen' : 'Approximate number of data subjects', `${data.approximateSubjects.min}–${data.approximateSubjects.max}`]] });
  }
  if (data.draftAssessment) {
    const assessment = data.draftAssessment;
    blocks.push(
      { kind: 'heading', text: nl ? 'Concept-risicobeoordeling voor uw eigen besluit' : 'Draft risk assessment for your own decision' },
      {
        kind: 'paragraph',
        text: nl
          ? `Onze inschatting (ENISA-ernst ${assessment.severityScore}, ${assessment.severityBand}): ${RISK_WORDS[assessment.risk].nl}. Melden aan de AP: ${assessment.notifyAuthority ? 'ja' : 'nee'}; betrokkenen informeren: ${assessment.communicateDataSubjects ? 'ja' : 'nee'}. Uw eigen termijn van 72 uur begint nu u op de hoogte bent; het besluit is aan u.`
          : `Our assessment (ENISA severity ${assessment.severityScore}, ${assessment.severityBand}): ${RISK_WORDS[assessment.risk].en}. Notify the supervisory authority: ${assessment.notifyAuthority ? 'yes' : 'no'}; communicate to data subjects: ${assessment.communicateDataSubjects ? 'yes' : 'no'}. Your own 72 hours start now that you are aware; the decision is yours.`,
      },
      { kind: 'list', items: assessment.reasons.map((reason) => `${reason.text} (${reason.reference})`) },
    );
  }
  if (data.authorityFormAnswers?.length) {
    blocks.push(
      { kind: 'heading', text: nl ? 'Antwoorden voor het meldformulier van de AP' : 'Answers for the Dutch DPA notification form' },
      { kind: 'facts', rows: data.authorityFormAnswers.map(({ question, answer }) => [question, answer ?? (nl ? '(nog onbekend)' : '(not yet known)')] as [string, string]) },
    );
  }
  if (data.acknowledgePath) {
    blocks.push({ kind: 'paragraph', text: nl ? `Bevestig de ontvangst via de API: POST ${data.acknowledgePath}` : `Please confirm receipt through the API: POST ${data.acknowledgePath}` });
  }
  return blocks;
}

/** The notice in the client's language, ready to store in the outbox: subject, plain text and HTML. */
export function renderNoticeTemplate(content: NoticeContent, language: NoticeLanguage, context: TemplateContext): RenderedNotice {
  const template = TEMPLATES[content.type] as (data: unknown, language: NoticeLanguage, context: TemplateContext) => NoticeDocument;
  return renderNotice(template(content.data, language, context), language);
}
