import type { AgreementTerms } from './agreement-terms';
import { ARTICLE_28_ITEMS, type Article28Item, assessCompleteness } from './article-28-completeness';

/** Terms that satisfy every item of Art. 28(3); each test takes one thing away. */
function completeTerms(overrides: Partial<AgreementTerms> = {}): AgreementTerms {
  return {
    subjectMatter: 'Hosting and functional management of the client’s webshop',
    duration: { kind: 'service_term' },
    natureAndPurpose: 'Storage, backup and support access, for running the webshop',
    dataCategories: ['contact details', 'order history'],
    dataSubjectCategories: ['customers of the client'],
    minorsInvolved: false,
    specialCategories: false,
    services: ['managed hosting'],
    breachNoticeHours: 24,
    subprocessorAuthorisation: 'general',
    objectionPeriodDays: 30,
    noticeContacts: ['privacy@client.example'],
    language: 'nl',
    endOfService: 'delete',
    retention: 'Backups are kept 30 days',
    auditArrangements: 'Yearly ISO 27001 report; on-site audit once a year at the client’s cost',
    confidentialityClause: true,
    instructionsClause: true,
    measuresAnnex: [{ category: 'Access control', description: 'MFA on every administrator account' }],
    assistDataSubjectRights: true,
    assistArticles32to36: true,
    infringingInstructionNotice: true,
    controllerObligationsAndRights: 'The client decides on purposes and means and may give instructions',
    ...overrides,
  };
}

const ALL_ITEMS = ARTICLE_28_ITEMS.map((definition) => definition.item);

describe('assessCompleteness', () => {
  it('finds nothing missing in complete terms', () => {
    const sut = assessCompleteness(completeTerms());

    expect(sut.complete).toBe(true);
    expect(sut.missing).toEqual([]);
    expect(sut.findings.every((finding) => finding.present)).toBe(true);
  });

  it('reports every item of Art. 28(3), in the article’s order, with its reference', () => {
    const sut = assessCompleteness(completeTerms());

    expect(sut.findings.map((finding) => finding.item)).toEqual(ALL_ITEMS);
    expect(sut.findings.map((finding) => finding.reference)).toEqual([
      ...Array(6).fill('GDPR Art. 28(3)'),
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((point) => `GDPR Art. 28(3)(${point})`),
    ]);
  });

  it('lists all 14 items as missing in an empty draft', () => {
    const sut = assessCompleteness({});

    expect(sut.complete).toBe(false);
    expect(sut.missing).toEqual(ALL_ITEMS);
    expect(sut.missing).toHaveLength(14);
    expect(sut.findings.every((finding) => finding.reason.startsWith('Missing: '))).toBe(true);
  });

  it.each<[string, Partial<AgreementTerms>, Article28Item, string]>([
    ['Art. 28(3): subject matter not set', { subjectMatter: undefined }, 'subject_matter', 'subject matter'],
    ['Art. 28(3): subject matter only whitespace', { subjectMatter: '   ' }, 'subject_matter', 'subject matter'],
    ['Art. 28(3): duration not set', { duration: undefined }, 'duration', 'duration of the processing'],
    [
      'Art. 28(3): fixed duration without a real end date',
      { duration: { kind: 'fixed', until: '2026-02-30' } },
      'duration',
      'end date of the fixed duration',
    ],
    ['Art. 28(3): nature and purpose not set', { natureAndPurpose: '' }, 'nature_and_purpose', 'nature and purpose'],
    ['Art. 28(3): no types of personal data', { dataCategories: [] }, 'data_types', 'types of personal data'],
    [
      'Art. 28(3): types of personal data only blank entries',
      { dataCategories: [' '] },
      'data_types',
      'types of personal data',
    ],
    [
      'Art. 28(3): no categories of data subjects',
      { dataSubjectCategories: undefined },
      'data_subject_categories',
      'categories of data subjects',
    ],
    [
      "Art. 28(3): controller's obligations and rights not set",
      { controllerObligationsAndRights: undefined },
      'controller_obligations_rights',
      "controller's obligations and rights",
    ],
    [
      'Art. 28(3)(a): no clause on documented instructions, third-country transfers included',
      { instructionsClause: false },
      'a_documented_instructions',
      'documented instructions',
    ],
    [
      'Art. 28(3)(b): no confidentiality clause for persons authorised to process',
      { confidentialityClause: undefined },
      'b_confidentiality',
      'confidentiality',
    ],
    [
      'Art. 28(3)(c) with Art. 32: no annex of technical and organisational measures',
      { measuresAnnex: [] },
      'c_security_measures',
      'annex of technical and organisational measures',
    ],
    [
      'Art. 28(3)(c) with Art. 32: annex rows without a description describe no measure',
      { measuresAnnex: [{ category: 'Encryption', description: '' }] },
      'c_security_measures',
      'annex of technical and organisational measures',
    ],
    [
      'Art. 28(3)(d) with Art. 28(2) and (4): no sub-processor authorisation chosen',
      { subprocessorAuthorisation: undefined },
      'd_subprocessor_conditions',
      'prior specific or general written authorisation',
    ],
    [
      'Art. 28(3)(d) with Art. 28(2): general authorisation without an objection period',
      { objectionPeriodDays: undefined },
      'd_subprocessor_conditions',
      'objection period',
    ],
    [
      'Art. 28(3)(d) with Art. 28(2): general authorisation with a 0-day objection period',
      { objectionPeriodDays: 0 },
      'd_subprocessor_conditions',
      'objection period',
    ],
    [
      "Art. 28(3)(e): no assistance with data subjects' requests",
      { assistDataSubjectRights: false },
      'e_data_subject_rights',
      "data subjects' requests",
    ],
    [
      'Art. 28(3)(f): no assistance with Art. 32 to 36',
      { assistArticles32to36: undefined },
      'f_assist_art_32_36',
      'Art. 32 to 36',
    ],
    [
      'Art. 28(3)(f) with Art. 33(2): breach notice hours not set',
      { breachNoticeHours: undefined },
      'f_assist_art_32_36',
      'the breach workflow reads it',
    ],
    [
      'Art. 28(3)(f) with Art. 33(2): breach notice of 0 hours',
      { breachNoticeHours: 0 },
      'f_assist_art_32_36',
      'breach notice deadline',
    ],
    [
      'Art. 28(3)(f) with Art. 33(1): breach notice later than the controller’s own 72 hours',
      { breachNoticeHours: 73 },
      'f_assist_art_32_36',
      'breach notice deadline',
    ],
    [
      'Art. 28(3)(g): no choice between deletion and return at the end',
      { endOfService: undefined },
      'g_end_of_service',
      'delete or return',
    ],
    [
      'Art. 28(3)(h): no arrangements to demonstrate compliance and allow audits',
      { auditArrangements: '' },
      'h_demonstrate_compliance_audits',
      'audits',
    ],
    [
      'Art. 28(3)(h), closing words: no duty to warn of an infringing instruction',
      { infringingInstructionNotice: false },
      'h_demonstrate_compliance_audits',
      'instruction infringes the law',
    ],
  ])('%s', (_case, removed, item, whatIsMissing) => {
    const sut = assessCompleteness(completeTerms(removed));

    expect(sut.complete).toBe(false);
    expect(sut.missing).toEqual([item]);
    const finding = sut.findings.find((candidate) => candidate.item === item);
    expect(finding?.present).toBe(false);
    expect(finding?.reason).toContain(whatIsMissing);
  });

  it('Art. 28(2): specific authorisation needs no objection period', () => {
    const sut = assessCompleteness(
      completeTerms({ subprocessorAuthorisation: 'specific', objectionPeriodDays: undefined }),
    );

    expect(sut.complete).toBe(true);
    expect(sut.missing).toEqual([]);
  });

  it('Art. 28(3): a fixed duration with a valid end date is a duration', () => {
    const sut = assessCompleteness(completeTerms({ duration: { kind: 'fixed', until: '2027-12-31' } }));

    expect(sut.missing).toEqual([]);
  });

  it('Art. 28(3)(f), Art. 33(2): names both gaps when the clause and the breach hours are missing', () => {
    const sut = assessCompleteness(completeTerms({ assistArticles32to36: false, breachNoticeHours: undefined }));

    const finding = sut.findings.find((candidate) => candidate.item === 'f_assist_art_32_36');
    expect(finding?.reason).toContain('Art. 32 to 36');
    expect(finding?.reason).toContain('breach notice deadline');
  });

  it('says what is present, not only what is missing', () => {
    const sut = assessCompleteness(completeTerms());

    const reasonOf = (item: Article28Item) => sut.findings.find((finding) => finding.item === item)?.reason;
    expect(reasonOf('d_subprocessor_conditions')).toContain('within 30 days');
    expect(reasonOf('f_assist_art_32_36')).toContain('within 24 hours');
  });
});

describe('ARTICLE_28_ITEMS', () => {
  it('labels each of the 14 items in English and Dutch, for the agreement document', () => {
    expect(ARTICLE_28_ITEMS).toHaveLength(14);
    expect(new Set(ALL_ITEMS).size).toBe(14);
    for (const { label } of ARTICLE_28_ITEMS) {
      expect(label.en.trim()).not.toBe('');
      expect(label.nl.trim()).not.toBe('');
    }
  });
});
