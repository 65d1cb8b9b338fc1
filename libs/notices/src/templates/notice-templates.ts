import { DISPLAY_TIME_ZONE } from '@verwerker/platform';
import { DateTime } from 'luxon';
import { NoticeContent, NoticeType } from '../notice-types';
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

type Templates = { [K in NoticeType]: (data: Extract<NoticeContent, { type: K }>['data'], language: NoticeLanguage, context: TemplateContext) => NoticeDocument };

const TEMPLATES: Templates = {
  [NoticeType.BreachNotice]: (data, language, context) => {
    const nl = language === 'nl';
    const contact = [data.contact.name, data.contact.email, data.contact.phone].filter(Boolean).join(', ');
    const facts: Array<[string, string]> = [
      [nl ? 'Referentie' : 'Reference', data.reference],
      [nl ? 'Ontdekt op' : 'Became aware at', when(data.awareAt, language)],
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
      ],
    };
  },
  [NoticeType.SubprocessorChange]: (data, language, context) => {
    const nl = language === 'nl';
    const facts: Array<[string, string]> = [
      [nl ? 'Subverwerker' : 'Sub-processor', data.subprocessorName],
      ...(data.replaces ? ([[nl ? 'Vervangt' : 'Replaces', data.replaces]] as Array<[string, string]>) : []),
      [nl ? 'Diensten' : 'Services', list(data.services, language)],
      [nl ? 'Landen' : 'Countries', list(data.countries, language)],
      [nl ? 'Ingangsdatum' : 'Takes effect on', day(data.effectiveDate, language)],
      [nl ? 'Bezwaar mogelijk tot' : 'Objections until', day(data.objectionDeadline, language)],
    ];
    return {
      subject: nl
        ? `Voorgenomen ${data.change === 'addition' ? 'nieuwe' : 'vervangende'} subverwerker: ${data.subprocessorName}`
        : `Intended ${data.change === 'addition' ? 'new' : 'replacement'} sub-processor: ${data.subprocessorName}`,
      blocks: [
        { kind: 'heading', text: nl ? 'Wijziging in onze subverwerkers' : 'Change to our sub-processors' },
        {
          kind: 'paragraph',
          text: nl
            ? `Op grond van de algemene toestemming in onze verwerkersovereenkomst met ${context.clientName} informeren wij u over een voorgenomen wijziging (artikel 28 lid 2 AVG). U kunt tot de genoemde datum bezwaar maken.`
            : `Under the general authorisation in our processor agreement with ${context.clientName} we inform you of an intended change (Article 28(2) GDPR). You may object until the date below.`,
        },
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
    const offered = data.action === 'offered';
    return {
      subject: nl
        ? `${offered ? 'Verwerkersovereenkomst ter ondertekening' : 'Ondertekende verwerkersovereenkomst'}: ${data.agreementTitle} ${data.version}`
        : `${offered ? 'Processor agreement for signature' : 'Signed processor agreement'}: ${data.agreementTitle} ${data.version}`,
      blocks: [
        { kind: 'heading', text: nl ? `Verwerkersovereenkomst met ${context.clientName}` : `Processor agreement with ${context.clientName}` },
        {
          kind: 'paragraph',
          text: offered
            ? nl
              ? 'Bijgevoegd vindt u de verwerkersovereenkomst (artikel 28 lid 3 AVG) ter ondertekening.'
              : 'Attached is the processor agreement (Article 28(3) GDPR) for your signature.'
            : nl
              ? 'Bijgevoegd vindt u de ondertekende verwerkersovereenkomst voor uw administratie.'
              : 'Attached is the signed processor agreement for your records.',
        },
        { kind: 'facts', rows: facts },
      ],
    };
  },
};

/** The notice in the client's language, ready to store in the outbox: subject, plain text and HTML. */
export function renderNoticeTemplate(content: NoticeContent, language: NoticeLanguage, context: TemplateContext): RenderedNotice {
  const template = TEMPLATES[content.type] as (data: unknown, language: NoticeLanguage, context: TemplateContext) => NoticeDocument;
  return renderNotice(template(content.data, language, context), language);
}
