import { CreateClientDto, ProcessorProfileDto } from '@verwerker/parties';
import { SubprocessorDetailsDto } from '@verwerker/subprocessors';

/**
 * Demo data drawn from the privacy statements in shared/seeds: a Leiden web and hosting agency that hosts
 * at TransIP and accesses clients' sites with administrator accounts ("Toegang medewerkers"). Contact
 * addresses use the reserved `.example` domain so a demo never mails a real person.
 */
export const DEMO_PROCESSOR: ProcessorProfileDto = {
  legalName: 'Doing Better B.V.',
  kvkNumber: '28098765',
  streetAddress: 'Stationsweg 12',
  postalCode: '2312 AV',
  city: 'Leiden',
  country: 'NL',
  contactName: 'Privacyteam Doing Better',
  contactEmail: 'privacy@doingbetter.example',
  contactPhone: '+31 71 000 0000',
  dpoName: 'S. de Jong',
  dpoEmail: 'fg@doingbetter.example',
  defaultBreachNoticeHours: 24,
  defaultSubprocessorAuthorisation: 'general',
  defaultObjectionPeriodDays: 30,
  nis2Entity: false,
  measures: [
    { category: 'encryption_in_transit', description: 'Alle verbindingen tussen browser en site zijn versleuteld (TLS).' },
    {
      category: 'hosting',
      description: 'Sites draaien op een private cloud server bij TransIP in Leiden, met fysieke en logische toegangsbeveiliging.',
    },
    {
      category: 'access_control',
      description: 'Medewerkers benaderen sites alleen met persoonlijke administrator-accounts voor support en functioneel beheer; elke toegang wordt gelogd.',
    },
    { category: 'backup', description: 'Dagelijkse back-ups, 30 dagen bewaard, versleuteld opgeslagen binnen de EER.' },
    { category: 'confidentiality', description: 'Alle medewerkers hebben een geheimhoudingsverklaring getekend.' },
  ],
};

export const DEMO_CLIENTS: CreateClientDto[] = [
  {
    legalName: 'Stichting Beheer en Ontwikkeling Instrumenten Ondersteuning Vakmanschap Sociaal Domein',
    kvkNumber: '30276543',
    country: 'NL',
    language: 'nl',
    privacyContact: { name: 'Functionaris gegevensbescherming', email: 'privacy@mesis.example' },
    noticeRecipients: ['privacy@mesis.example', 'beheer@mesis.example'],
  },
  {
    legalName: 'We Do Better B.V.',
    kvkNumber: '99087596',
    country: 'NL',
    language: 'nl',
    privacyContact: { name: 'Privacy officer', email: 'privacy@wedobetter.example' },
    noticeRecipients: ['privacy@wedobetter.example'],
    webhookUrl: 'https://hooks.wedobetter.example/verwerker',
  },
  {
    legalName: 'VOICT B.V.',
    kvkNumber: '08123456',
    country: 'NL',
    language: 'nl',
    privacyContact: { name: 'Security officer', email: 'security@voict.example' },
    noticeRecipients: ['security@voict.example'],
  },
  {
    legalName: 'Pracownia Projektowa Łódź sp. z o.o.',
    country: 'PL',
    language: 'en',
    privacyContact: { name: 'Zofia Wąsowska', email: 'dpo@pracownia-lodz.example' },
    noticeRecipients: ['dpo@pracownia-lodz.example'],
  },
];

/**
 * Demo processor agreements, one per demo client, in several states (by legal name). The services are those of the
 * seed statements: hosting at TransIP in Leiden, newsletters via Laposta, statistics via Google Analytics.
 */
export const DEMO_AGREEMENT_TERMS = {
  subjectMatter: 'Hosting, onderhoud en functioneel beheer van de website, nieuwsbrieven en webstatistieken',
  duration: { kind: 'service_term' as const },
  natureAndPurpose: 'Opslag op een private cloud server bij TransIP in Leiden, back-ups, supporttoegang met administrator-accounts, verzending van nieuwsbrieven via Laposta en webstatistieken via Google Analytics, om de diensten van de klant te laten werken.',
  dataCategories: ['naam en contactgegevens', 'e-mailadressen', 'IP-adressen', 'gegevens uit contactformulieren'],
  dataSubjectCategories: ['websitebezoekers', 'nieuwsbriefabonnees', 'klanten van de klant'],
  // The services; which sub-processor provides each lives in the sub-processor register (DEMO_SUBPROCESSORS).
  services: ['webhosting', 'nieuwsbrieven', 'webstatistieken'],
  controllerObligationsAndRights: 'De verwerkingsverantwoordelijke bepaalt doel en middelen, geeft instructies via het klantportaal of per e-mail aan het privacyteam, en mag de naleving laten controleren.',
  endOfService: 'delete' as const,
  retention: 'Back-ups worden 30 dagen bewaard; statistieken maximaal een jaar na beëindiging.',
  auditArrangements: 'Jaarlijks een samenvatting van het beveiligingsbeleid; een audit op locatie eens per jaar, op kosten van de verwerkingsverantwoordelijke.',
};

export type DemoAgreementState = 'accepted' | 'sent' | 'draft' | 'accepted_with_new_draft';

export const DEMO_AGREEMENT_STATES: Record<string, DemoAgreementState> = {
  'Stichting Beheer en Ontwikkeling Instrumenten Ondersteuning Vakmanschap Sociaal Domein': 'accepted',
  'We Do Better B.V.': 'sent',
  'VOICT B.V.': 'draft',
  'Pracownia Projektowa Łódź sp. z o.o.': 'accepted_with_new_draft',
};

/**
 * The demo processor's sub-processors, as its privacy statement names them (shared/seeds): hosting on a private
 * cloud server at TransIP in Leiden, newsletters through Laposta, statistics through Google Analytics (Google
 * Ireland, with processing in the United States under the EU-US Data Privacy Framework).
 */
export const DEMO_SUBPROCESSORS: SubprocessorDetailsDto[] = [
  { legalName: 'TransIP B.V.', services: ['webhosting'], processingCountries: ['NL'], certifications: ['ISO 27001', 'NEN 7510'], agreementDate: '2023-01-10' },
  { legalName: 'Laposta B.V.', services: ['nieuwsbrieven'], processingCountries: ['NL'], agreementDate: '2023-03-01' },
  {
    legalName: 'Google Ireland Limited',
    services: ['webstatistieken'],
    processingCountries: ['IE', 'US'],
    certifications: ['ISO 27001'],
    agreementDate: '2023-05-15',
    transfers: [{ country: 'US', mechanism: 'dpf', documentReference: 'EU-US Data Privacy Framework List: Google LLC' }],
  },
];
