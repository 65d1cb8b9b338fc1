import type { TestApp } from './test-app';

/** A processor profile whose defaults start every draft; the address has a character Helvetica lacks. */
export function aProcessorProfile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    legalName: 'Doing Better B.V.',
    kvkNumber: '28098765',
    streetAddress: 'Stationsweg 12',
    postalCode: '2312 AV',
    city: 'Leiden',
    country: 'NL',
    contactName: 'Privacyteam',
    contactEmail: 'privacy@doingbetter.example',
    contactPhone: '+31 71 000 0000',
    dpoName: 'S. de Jong',
    dpoEmail: 'fg@doingbetter.example',
    defaultBreachNoticeHours: 24,
    defaultSubprocessorAuthorisation: 'general',
    defaultObjectionPeriodDays: 30,
    nis2Entity: false,
    measures: [
      { category: 'access_control', description: 'Persoonlijke beheeraccounts met MFA; elke toegang wordt gelogd.' },
      { category: 'backup', description: 'Dagelijkse versleutelde back-ups binnen de EER, 30 dagen bewaard.' },
    ],
    ...overrides,
  };
}

/** What the drafter fills in: everything Art. 28(3) needs beyond the processor defaults. */
export function completingTerms(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subjectMatter: 'Hosting en onderhoud van de website en webshop',
    duration: { kind: 'service_term' },
    natureAndPurpose: 'Opslag, back-up en supporttoegang, om de webshop te laten draaien',
    dataCategories: ['NAW-gegevens', 'e-mailadressen', 'bestelgegevens'],
    dataSubjectCategories: ['klanten van de webshop'],
    services: ['webhosting'],
    controllerObligationsAndRights: 'De verwerkingsverantwoordelijke geeft instructies via het klantportaal.',
    endOfService: 'delete',
    retention: 'Back-ups worden 30 dagen bewaard.',
    auditArrangements: 'Jaarlijks ISO 27001-rapport; audit op locatie eens per jaar.',
    ...overrides,
  };
}

export async function putProcessorProfile(sut: TestApp, overrides: Record<string, unknown> = {}): Promise<void> {
  await sut.http().put('/processor-profile').set('X-API-Key', sut.adminKey).send(aProcessorProfile(overrides)).expect(200);
}
