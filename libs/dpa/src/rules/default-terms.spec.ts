import { assessCompleteness } from './article-28-completeness';
import { applyTermsChange, draftTermsFromDefaults, effectiveTerms, ProcessorDefaults } from './default-terms';

const processor: ProcessorDefaults = {
  defaultBreachNoticeHours: 24,
  defaultSubprocessorAuthorisation: 'general',
  defaultObjectionPeriodDays: 30,
  measures: [{ category: 'backup', description: 'Dagelijkse back-ups' }],
};
const client = { language: 'en' as const, noticeRecipients: ['dpo@client.example'] };

describe('draftTermsFromDefaults', () => {
  it('takes the processor defaults and the client contacts (DOMAIN §1)', () => {
    const sut = draftTermsFromDefaults(processor, client);

    expect(sut).toMatchObject({
      breachNoticeHours: 24,
      subprocessorAuthorisation: 'general',
      objectionPeriodDays: 30,
      measuresAnnex: [{ category: 'backup', description: 'Dagelijkse back-ups' }],
      noticeContacts: ['dpo@client.example'],
      language: 'en',
    });
  });

  it('leaves exactly what only the parties can say for the drafter (Art. 28(3))', () => {
    const sut = assessCompleteness(draftTermsFromDefaults(processor, client));

    expect(sut.missing).toEqual([
      'subject_matter',
      'duration',
      'nature_and_purpose',
      'data_types',
      'data_subject_categories',
      'controller_obligations_rights',
      'g_end_of_service',
      'h_demonstrate_compliance_audits',
    ]);
  });
});

describe('applyTermsChange', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a value replaces', { breachNoticeHours: 36 }, { breachNoticeHours: 36, language: 'nl' }],
    ['null removes', { language: null }, { breachNoticeHours: 24 }],
    ['absent leaves as is', {}, { breachNoticeHours: 24, language: 'nl' }],
    ['an array is replaced whole', { services: ['mail'] }, { breachNoticeHours: 24, language: 'nl', services: ['mail'] }],
  ])('%s', (_case, change, expected) => {
    expect(applyTermsChange({ breachNoticeHours: 24, language: 'nl' }, change)).toEqual(expected);
  });
});

describe('effectiveTerms', () => {
  it('falls back to the processor defaults without an agreement in force', () => {
    expect(effectiveTerms(null, processor, client)).toMatchObject({ breachNoticeHours: 24, objectionPeriodDays: 30, noticeContacts: ['dpo@client.example'], language: 'en' });
  });

  it('reads the agreed terms where the agreement sets them (Art. 33(2) deadline, Art. 28(2) authorisation)', () => {
    expect(effectiveTerms({ breachNoticeHours: 48, subprocessorAuthorisation: 'specific' }, processor, client)).toMatchObject({
      breachNoticeHours: 48,
      subprocessorAuthorisation: 'specific',
      objectionPeriodDays: 30,
    });
  });
});
