import type { AgreementLanguage, AgreementTerms, EndOfService, SubprocessorAuthorisation } from '../rules/agreement-terms';
import type { Article28Item } from '../rules/article-28-completeness';

/**
 * The wording of the agreement, written by us after GDPR Art. 28(3) and laid out as the Data Pro Code does
 * (NLdigital; approved by the AP): part A, the Data Pro Statement with what the parties agreed, and part B, the
 * standard clauses. Only wording lives here; the layout is in agreement-document.ts.
 */
export interface ClauseText {
  /** The Art. 28(3) items this clause provides. */
  items: Article28Item[];
  heading: string;
  /** Paragraphs; a clause whose item was not agreed (a forced send) prints `notAgreed` instead. */
  body: (terms: AgreementTerms) => string[];
}

export interface AgreementTexts {
  documentTitle: string;
  version: (number: number) => string;
  draftMarker: string;
  partiesHeading: string;
  processor: string;
  contactPoint: string;
  dpo: string;
  controller: string;
  privacyContact: string;
  kvk: string;
  structure: string;
  partAHeading: string;
  partAIntro: string;
  statement: Array<{ label: string; value: (terms: AgreementTerms, annexes: { measures: string; subprocessors: string }) => string | null }>;
  notProvided: string;
  partBHeading: string;
  clauses: ClauseText[];
  notAgreed: string;
  acceptanceHeading: string;
  acceptanceText: string;
  contentHash: string;
  sentOn: string;
  notSentYet: string;
  forcedNote: (reason: string) => string;
  annex1Heading: string;
  annex1Columns: [string, string];
  annex1Empty: string;
  annex2Heading: string;
  annex2Intro: (date: string | null) => string;
  annex2Columns: [string, string, string, string];
  annex2Empty: string;
  annex3Heading: string;
  annex3Columns: [string, string, string, string];
  present: string;
  missing: string;
  clauseLabel: (number: number) => string;
  footer: (number: number, hash: string) => string;
  yes: string;
}

const join = (values: string[] | undefined): string | null => (values?.length ? values.join(', ') : null);

const duration = {
  nl: (terms: AgreementTerms) =>
    !terms.duration ? null : terms.duration.kind === 'service_term' ? 'Zolang de verwerkingsverantwoordelijke de dienst afneemt' : `Tot en met ${terms.duration.until}`,
  en: (terms: AgreementTerms) =>
    !terms.duration ? null : terms.duration.kind === 'service_term' ? 'For as long as the controller uses the service' : `Until ${terms.duration.until} inclusive`,
};

const END_OF_SERVICE: Record<AgreementLanguage, Record<EndOfService, string>> = {
  nl: { delete: 'verwijderen', return: 'teruggeven' },
  en: { delete: 'delete', return: 'return' },
};

const AUTHORISATION: Record<AgreementLanguage, (kind: SubprocessorAuthorisation | undefined, days: number | undefined) => string | null> = {
  nl: (kind, days) =>
    kind === 'general' ? `Algemene schriftelijke toestemming; bezwaartermijn ${days ?? '—'} dagen` : kind === 'specific' ? 'Voorafgaande specifieke schriftelijke toestemming per subverwerker' : null,
  en: (kind, days) =>
    kind === 'general' ? `General written authorisation; objection period ${days ?? '—'} days` : kind === 'specific' ? 'Prior specific written authorisation for each sub-processor' : null,
};

const NL: AgreementTexts = {
  documentTitle: 'Verwerkersovereenkomst',
  version: (number) => `versie ${number}`,
  draftMarker: 'CONCEPT — niet ter ondertekening',
  partiesHeading: 'Partijen',
  processor: 'Verwerker',
  contactPoint: 'Contactpunt',
  dpo: 'Functionaris gegevensbescherming',
  controller: 'Verwerkingsverantwoordelijke',
  privacyContact: 'Privacycontact',
  kvk: 'KvK',
  structure:
    'Deze verwerkersovereenkomst volgt de opzet van de Data Pro Code van NLdigital: deel A, het Data Pro Statement, beschrijft de verwerking en wat partijen zijn overeengekomen; deel B bevat de standaardclausules die artikel 28 lid 3 AVG vereist. De bijlagen maken deel uit van de overeenkomst.',
  partAHeading: 'Deel A — Data Pro Statement',
  partAIntro: 'De verwerker verwerkt persoonsgegevens in opdracht van de verwerkingsverantwoordelijke zoals hieronder beschreven (artikel 28 lid 3 AVG).',
  statement: [
    { label: 'Onderwerp van de verwerking', value: (terms) => terms.subjectMatter ?? null },
    { label: 'Duur van de verwerking', value: duration.nl },
    { label: 'Aard en doel van de verwerking', value: (terms) => terms.natureAndPurpose ?? null },
    { label: 'Diensten', value: (terms) => join(terms.services) },
    {
      label: 'Soort persoonsgegevens',
      value: (terms) => (join(terms.dataCategories) ? `${join(terms.dataCategories)}${terms.specialCategories ? ' — inclusief bijzondere persoonsgegevens (artikel 9 AVG)' : ''}` : null),
    },
    {
      label: 'Categorieën van betrokkenen',
      value: (terms) => (join(terms.dataSubjectCategories) ? `${join(terms.dataSubjectCategories)}${terms.minorsInvolved ? ' — waaronder minderjarigen' : ''}` : null),
    },
    { label: 'Meldtermijn datalekken', value: (terms) => (terms.breachNoticeHours ? `Binnen ${terms.breachNoticeHours} uur nadat de verwerker kennis heeft genomen van een inbreuk` : null) },
    { label: 'Subverwerkers', value: (terms, annexes) => { const text = AUTHORISATION.nl(terms.subprocessorAuthorisation, terms.objectionPeriodDays); return text ? `${text}; zie ${annexes.subprocessors}` : null; } },
    { label: 'Adressen voor meldingen', value: (terms) => join(terms.noticeContacts) },
    { label: 'Bewaartermijnen', value: (terms) => terms.retention ?? null },
    { label: 'Einde van de dienstverlening', value: (terms) => (terms.endOfService ? `De verwerkingsverantwoordelijke kiest: alle persoonsgegevens ${END_OF_SERVICE.nl[terms.endOfService]}` : null) },
    { label: 'Audits en informatie', value: (terms) => terms.auditArrangements ?? null },
    { label: 'Beveiligingsmaatregelen', value: (_terms, annexes) => `Zie ${annexes.measures}` },
  ],
  notProvided: '— (niet ingevuld)',
  partBHeading: 'Deel B — Standaardclausules',
  clauses: [
    {
      items: ['subject_matter', 'duration', 'nature_and_purpose', 'data_types', 'data_subject_categories'],
      heading: 'Onderwerp, duur, aard en doel (artikel 28 lid 3 AVG)',
      body: () => [
        'De verwerker verwerkt persoonsgegevens namens de verwerkingsverantwoordelijke voor het onderwerp en de duur, met de aard en het doel, en voor de soorten persoonsgegevens en categorieën van betrokkenen die deel A beschrijft. De verwerker verwerkt de persoonsgegevens niet voor eigen doeleinden.',
      ],
    },
    {
      items: ['controller_obligations_rights'],
      heading: 'Rechten en verplichtingen van de verwerkingsverantwoordelijke (artikel 28 lid 3 AVG)',
      body: (terms) => [
        'De verwerkingsverantwoordelijke bepaalt het doel van en de middelen voor de verwerking en staat ervoor in dat de verwerking rechtmatig is.',
        ...(terms.controllerObligationsAndRights ? [terms.controllerObligationsAndRights] : []),
      ],
    },
    {
      items: ['a_documented_instructions'],
      heading: 'Schriftelijke instructies (artikel 28 lid 3 onder a AVG)',
      body: () => [
        'De verwerker verwerkt de persoonsgegevens uitsluitend op basis van schriftelijke instructies van de verwerkingsverantwoordelijke, ook wat betreft doorgiften van persoonsgegevens aan een derde land of een internationale organisatie, tenzij een op de verwerker van toepassing zijnde bepaling van Unierecht of lidstatelijk recht hem tot verwerking verplicht. In dat geval stelt de verwerker de verwerkingsverantwoordelijke vóór de verwerking in kennis van dat wettelijk voorschrift, tenzij die wetgeving die kennisgeving verbiedt.',
      ],
    },
    {
      items: ['b_confidentiality'],
      heading: 'Geheimhouding (artikel 28 lid 3 onder b AVG)',
      body: () => [
        'De verwerker waarborgt dat de personen die gemachtigd zijn de persoonsgegevens te verwerken, zich tot geheimhouding hebben verbonden of door een passende wettelijke verplichting tot geheimhouding zijn gebonden.',
      ],
    },
    {
      items: ['c_security_measures'],
      heading: 'Beveiliging (artikel 28 lid 3 onder c en artikel 32 AVG)',
      body: () => [
        'De verwerker neemt alle maatregelen die op grond van artikel 32 AVG vereist zijn. Bijlage 1 beschrijft de technische en organisatorische maatregelen; de verwerker houdt ze in overeenstemming met de stand van de techniek.',
      ],
    },
    {
      items: ['d_subprocessor_conditions'],
      heading: 'Subverwerkers (artikel 28 lid 3 onder d, lid 2 en lid 4 AVG)',
      body: (terms) => [
        terms.subprocessorAuthorisation === 'specific'
          ? 'De verwerker schakelt geen andere verwerker (subverwerker) in zonder voorafgaande specifieke schriftelijke toestemming van de verwerkingsverantwoordelijke.'
          : `De verwerkingsverantwoordelijke geeft de verwerker algemene schriftelijke toestemming om subverwerkers in te schakelen. De verwerker licht de verwerkingsverantwoordelijke in over elke voorgenomen toevoeging of vervanging, ten minste ${terms.objectionPeriodDays ?? '—'} dagen voordat die ingaat; de verwerkingsverantwoordelijke kan daartegen binnen die termijn bezwaar maken.`,
        'De verwerker legt elke subverwerker bij overeenkomst dezelfde verplichtingen inzake gegevensbescherming op als die in deze overeenkomst. Komt de subverwerker zijn verplichtingen niet na, dan blijft de verwerker ten aanzien van de verwerkingsverantwoordelijke volledig aansprakelijk (artikel 28 lid 4 AVG). Bijlage 2 noemt de subverwerkers bij verzending van deze versie.',
      ],
    },
    {
      items: ['e_data_subject_rights'],
      heading: 'Rechten van betrokkenen (artikel 28 lid 3 onder e AVG)',
      body: () => [
        'Rekening houdend met de aard van de verwerking helpt de verwerker de verwerkingsverantwoordelijke door middel van passende technische en organisatorische maatregelen, voor zover mogelijk, bij het vervullen van diens plicht om verzoeken om uitoefening van de rechten van betrokkenen (hoofdstuk III AVG) te beantwoorden. Een verzoek dat de verwerker rechtstreeks ontvangt, stuurt hij onverwijld door.',
      ],
    },
    {
      items: ['f_assist_art_32_36'],
      heading: 'Bijstand bij beveiliging, datalekken, DPIA en voorafgaande raadpleging (artikel 28 lid 3 onder f AVG)',
      body: (terms) => [
        'De verwerker helpt de verwerkingsverantwoordelijke de verplichtingen uit de artikelen 32 tot en met 36 AVG na te komen, rekening houdend met de aard van de verwerking en de informatie waarover hij beschikt.',
        `De verwerker meldt een inbreuk in verband met persoonsgegevens zonder onredelijke vertraging en uiterlijk binnen ${terms.breachNoticeHours ?? '—'} uur nadat hij er kennis van heeft genomen (artikel 33 lid 2 AVG), aan de adressen voor meldingen in deel A, met de informatie die artikel 33 lid 3 AVG noemt voor zover die beschikbaar is, en vult die melding aan zodra er meer bekend is.`,
      ],
    },
    {
      items: ['g_end_of_service'],
      heading: 'Einde van de dienstverlening (artikel 28 lid 3 onder g AVG)',
      body: (terms) => [
        `Na afloop van de dienstverlening zal de verwerker, naar keuze van de verwerkingsverantwoordelijke, alle persoonsgegevens ${terms.endOfService ? END_OF_SERVICE.nl[terms.endOfService] : 'verwijderen of teruggeven'} en bestaande kopieën verwijderen, tenzij opslag van de persoonsgegevens Unierechtelijk of lidstaatrechtelijk verplicht is. De verwerker bevestigt de verwijdering of teruggave schriftelijk.`,
        ...(terms.retention ? [`Bewaartermijnen: ${terms.retention}`] : []),
      ],
    },
    {
      items: ['h_demonstrate_compliance_audits'],
      heading: 'Informatie, audits en inbreukmakende instructies (artikel 28 lid 3 onder h AVG)',
      body: (terms) => [
        'De verwerker stelt alle informatie ter beschikking die nodig is om aan te tonen dat de verplichtingen van artikel 28 AVG zijn nagekomen, en maakt audits, waaronder inspecties, door de verwerkingsverantwoordelijke of een door hem gemachtigde controleur mogelijk en draagt eraan bij.',
        ...(terms.auditArrangements ? [`Afspraken over audits: ${terms.auditArrangements}`] : []),
        'De verwerker stelt de verwerkingsverantwoordelijke onmiddellijk in kennis wanneer naar zijn mening een instructie inbreuk oplevert op de AVG of op andere Unierechtelijke of lidstaatrechtelijke bepalingen inzake gegevensbescherming.',
      ],
    },
    {
      items: [],
      heading: 'Looptijd, wijziging en toepasselijk recht',
      body: () => [
        'Deze overeenkomst geldt zolang de verwerker persoonsgegevens voor de verwerkingsverantwoordelijke verwerkt. Een wijziging leidt tot een nieuwe versie, die de vorige vervangt zodra de verwerkingsverantwoordelijke haar heeft aanvaard. Op deze overeenkomst is Nederlands recht van toepassing.',
      ],
    },
  ],
  notAgreed: 'Niet overeengekomen in deze versie.',
  acceptanceHeading: 'Aanvaarding',
  acceptanceText:
    'De verwerkingsverantwoordelijke aanvaardt deze versie elektronisch. Bij aanvaarding worden vastgelegd: wie aanvaardt, wanneer, vanaf welk IP-adres en met welke software, en de SHA-256 van exact dit PDF-document. De inhoudshash hieronder identificeert de inhoud van deze versie en staat in de voettekst van elke pagina.',
  contentHash: 'Inhoudshash (SHA-256)',
  sentOn: 'Verzonden op',
  notSentYet: 'Nog niet verzonden',
  forcedNote: (reason) => `Deze versie is verzonden terwijl onderdelen van artikel 28 lid 3 AVG ontbreken (zie bijlage 3). Reden: ${reason}`,
  annex1Heading: 'Bijlage 1 — Technische en organisatorische maatregelen (artikel 32 AVG)',
  annex1Columns: ['Categorie', 'Maatregel'],
  annex1Empty: 'Geen maatregelen opgenomen.',
  annex2Heading: 'Bijlage 2 — Subverwerkers (artikel 28 lid 2 en lid 4 AVG)',
  annex2Intro: (date) => (date ? `Stand van het register van subverwerkers bij verzending op ${date}.` : 'Stand van het register van subverwerkers; wordt vastgelegd bij verzending.'),
  annex2Columns: ['Subverwerker', 'Diensten', 'Landen', 'Doorgiftemechanisme'],
  annex2Empty: 'Voor de diensten van de verwerkingsverantwoordelijke zijn geen subverwerkers ingeschakeld.',
  annex3Heading: 'Bijlage 3 — Overzicht artikel 28 lid 3 AVG',
  annex3Columns: ['Vereiste', 'Bepaling', 'Artikel', 'Opgenomen'],
  present: '✓ ja',
  missing: '✗ ontbreekt',
  clauseLabel: (number) => `Artikel ${number}`,
  footer: (number, hash) => `v${number} · SHA-256 ${hash}`,
  yes: 'ja',
};

const EN: AgreementTexts = {
  documentTitle: 'Data processing agreement',
  version: (number) => `version ${number}`,
  draftMarker: 'DRAFT — not for signature',
  partiesHeading: 'Parties',
  processor: 'Processor',
  contactPoint: 'Contact point',
  dpo: 'Data protection officer',
  controller: 'Controller',
  privacyContact: 'Privacy contact',
  kvk: 'Chamber of Commerce (KvK)',
  structure:
    'This agreement follows the layout of the Data Pro Code of NLdigital: part A, the Data Pro Statement, describes the processing and what the parties agreed; part B holds the standard clauses Article 28(3) GDPR requires. The annexes form part of the agreement.',
  partAHeading: 'Part A — Data Pro Statement',
  partAIntro: 'The processor processes personal data on behalf of the controller as described below (Article 28(3) GDPR).',
  statement: [
    { label: 'Subject matter of the processing', value: (terms) => terms.subjectMatter ?? null },
    { label: 'Duration of the processing', value: duration.en },
    { label: 'Nature and purpose of the processing', value: (terms) => terms.natureAndPurpose ?? null },
    { label: 'Services', value: (terms) => join(terms.services) },
    {
      label: 'Types of personal data',
      value: (terms) => (join(terms.dataCategories) ? `${join(terms.dataCategories)}${terms.specialCategories ? ' — special categories (Article 9 GDPR) included' : ''}` : null),
    },
    {
      label: 'Categories of data subjects',
      value: (terms) => (join(terms.dataSubjectCategories) ? `${join(terms.dataSubjectCategories)}${terms.minorsInvolved ? ' — minors included' : ''}` : null),
    },
    { label: 'Breach notice deadline', value: (terms) => (terms.breachNoticeHours ? `Within ${terms.breachNoticeHours} hours after the processor becomes aware of a breach` : null) },
    { label: 'Sub-processors', value: (terms, annexes) => { const text = AUTHORISATION.en(terms.subprocessorAuthorisation, terms.objectionPeriodDays); return text ? `${text}; see ${annexes.subprocessors}` : null; } },
    { label: 'Addresses for notices', value: (terms) => join(terms.noticeContacts) },
    { label: 'Retention', value: (terms) => terms.retention ?? null },
    { label: 'End of the service', value: (terms) => (terms.endOfService ? `The controller chooses to ${END_OF_SERVICE.en[terms.endOfService]} all personal data` : null) },
    { label: 'Audits and information', value: (terms) => terms.auditArrangements ?? null },
    { label: 'Security measures', value: (_terms, annexes) => `See ${annexes.measures}` },
  ],
  notProvided: '— (not provided)',
  partBHeading: 'Part B — Standard clauses',
  clauses: [
    {
      items: ['subject_matter', 'duration', 'nature_and_purpose', 'data_types', 'data_subject_categories'],
      heading: 'Subject matter, duration, nature and purpose (Article 28(3) GDPR)',
      body: () => [
        'The processor processes personal data on behalf of the controller for the subject matter and duration, with the nature and purpose, and for the types of personal data and categories of data subjects that part A describes. The processor does not process the personal data for its own purposes.',
      ],
    },
    {
      items: ['controller_obligations_rights'],
      heading: 'Obligations and rights of the controller (Article 28(3) GDPR)',
      body: (terms) => [
        'The controller determines the purposes and means of the processing and ensures that the processing is lawful.',
        ...(terms.controllerObligationsAndRights ? [terms.controllerObligationsAndRights] : []),
      ],
    },
    {
      items: ['a_documented_instructions'],
      heading: 'Documented instructions (Article 28(3)(a) GDPR)',
      body: () => [
        'The processor processes the personal data only on documented instructions from the controller, including with regard to transfers of personal data to a third country or an international organisation, unless required to do so by Union or Member State law to which the processor is subject; in such a case, the processor informs the controller of that legal requirement before processing, unless that law prohibits such information.',
      ],
    },
    {
      items: ['b_confidentiality'],
      heading: 'Confidentiality (Article 28(3)(b) GDPR)',
      body: () => ['The processor ensures that persons authorised to process the personal data have committed themselves to confidentiality or are under an appropriate statutory obligation of confidentiality.'],
    },
    {
      items: ['c_security_measures'],
      heading: 'Security (Article 28(3)(c) and Article 32 GDPR)',
      body: () => ['The processor takes all measures required pursuant to Article 32 GDPR. Annex 1 describes the technical and organisational measures; the processor keeps them in line with the state of the art.'],
    },
    {
      items: ['d_subprocessor_conditions'],
      heading: 'Sub-processors (Article 28(3)(d), 28(2) and 28(4) GDPR)',
      body: (terms) => [
        terms.subprocessorAuthorisation === 'specific'
          ? 'The processor does not engage another processor (sub-processor) without prior specific written authorisation of the controller.'
          : `The controller gives the processor general written authorisation to engage sub-processors. The processor informs the controller of any intended addition or replacement at least ${terms.objectionPeriodDays ?? '—'} days before it takes effect, and the controller may object to it within that period.`,
        'The processor imposes on every sub-processor, by contract, the same data protection obligations as set out in this agreement. Where a sub-processor fails to fulfil its obligations, the processor remains fully liable to the controller (Article 28(4) GDPR). Annex 2 lists the sub-processors when this version was sent.',
      ],
    },
    {
      items: ['e_data_subject_rights'],
      heading: "Data subjects' rights (Article 28(3)(e) GDPR)",
      body: () => [
        "Taking into account the nature of the processing, the processor assists the controller by appropriate technical and organisational measures, insofar as this is possible, in fulfilling its obligation to respond to requests for exercising the data subject's rights laid down in Chapter III GDPR. A request the processor receives directly is forwarded without delay.",
      ],
    },
    {
      items: ['f_assist_art_32_36'],
      heading: 'Assistance with security, breaches, DPIA and prior consultation (Article 28(3)(f) GDPR)',
      body: (terms) => [
        'The processor assists the controller in ensuring compliance with the obligations pursuant to Articles 32 to 36 GDPR, taking into account the nature of processing and the information available to the processor.',
        `The processor notifies a personal data breach without undue delay and at the latest within ${terms.breachNoticeHours ?? '—'} hours after becoming aware of it (Article 33(2) GDPR), to the addresses for notices in part A, with the information Article 33(3) GDPR lists as far as it is available, and supplements the notice as more becomes known.`,
      ],
    },
    {
      items: ['g_end_of_service'],
      heading: 'End of the service (Article 28(3)(g) GDPR)',
      body: (terms) => [
        `At the choice of the controller, the processor will ${terms.endOfService ? END_OF_SERVICE.en[terms.endOfService] : 'delete or return'} all the personal data after the end of the provision of services, and delete existing copies unless Union or Member State law requires storage of the personal data. The processor confirms the deletion or return in writing.`,
        ...(terms.retention ? [`Retention: ${terms.retention}`] : []),
      ],
    },
    {
      items: ['h_demonstrate_compliance_audits'],
      heading: 'Information, audits and infringing instructions (Article 28(3)(h) GDPR)',
      body: (terms) => [
        'The processor makes available to the controller all information necessary to demonstrate compliance with the obligations laid down in Article 28 GDPR and allows for and contributes to audits, including inspections, conducted by the controller or another auditor mandated by the controller.',
        ...(terms.auditArrangements ? [`Audit arrangements: ${terms.auditArrangements}`] : []),
        'The processor immediately informs the controller if, in its opinion, an instruction infringes the GDPR or other Union or Member State data protection provisions.',
      ],
    },
    {
      items: [],
      heading: 'Term, changes and governing law',
      body: () => [
        'This agreement applies for as long as the processor processes personal data for the controller. A change makes a new version, which replaces the previous one once the controller has accepted it. This agreement is governed by Dutch law.',
      ],
    },
  ],
  notAgreed: 'Not agreed in this version.',
  acceptanceHeading: 'Acceptance',
  acceptanceText:
    'The controller accepts this version electronically. On acceptance we record who accepted, when, from which IP address and with which software, and the SHA-256 of exactly this PDF document. The content hash below identifies the content of this version and is printed in the footer of every page.',
  contentHash: 'Content hash (SHA-256)',
  sentOn: 'Sent on',
  notSentYet: 'Not sent yet',
  forcedNote: (reason) => `This version was sent while items of Article 28(3) GDPR are missing (see annex 3). Reason: ${reason}`,
  annex1Heading: 'Annex 1 — Technical and organisational measures (Article 32 GDPR)',
  annex1Columns: ['Category', 'Measure'],
  annex1Empty: 'No measures listed.',
  annex2Heading: 'Annex 2 — Sub-processors (Article 28(2) and 28(4) GDPR)',
  annex2Intro: (date) => (date ? `The register of sub-processors as it stood when this version was sent on ${date}.` : 'The register of sub-processors; fixed when this version is sent.'),
  annex2Columns: ['Sub-processor', 'Services', 'Countries', 'Transfer mechanism'],
  annex2Empty: "No sub-processors are engaged for the controller's services.",
  annex3Heading: 'Annex 3 — Article 28(3) GDPR checklist',
  annex3Columns: ['Requirement', 'Provision', 'Clause', 'Included'],
  present: '✓ yes',
  missing: '✗ missing',
  clauseLabel: (number) => `Clause ${number}`,
  footer: (number, hash) => `v${number} · SHA-256 ${hash}`,
  yes: 'yes',
};

export const AGREEMENT_TEXTS: Record<AgreementLanguage, AgreementTexts> = { nl: NL, en: EN };
