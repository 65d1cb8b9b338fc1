import { CreateClientDto, ProcessorProfileDto } from '@verwerker/parties';

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
