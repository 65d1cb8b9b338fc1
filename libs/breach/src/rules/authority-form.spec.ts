import { authorityFormAnswers, AuthorityFormInput, missingAnswers } from './authority-form';
import { IncidentFacts } from './incident-facts';

const facts: IncidentFacts = {
  dataCategories: ['contact', 'national_id'],
  dataDescription: 'names, e-mail addresses',
  dataSubjectCategories: ['newsletter subscribers'],
  subjects: { min: 4000, max: 5000 },
  approximateRecords: 5000,
  identifiability: 'maximum',
  confidentiality: 'unknown_recipients',
  integrity: 'none',
  availability: 'none',
  maliciousIntent: true,
  nature: ['read', 'copied'],
  discoveredHow: 'Alert from the mailing provider',
  likelyConsequences: 'Phishing',
  measuresTaken: 'Keys rotated',
  crossBorder: false,
};

const base: AuthorityFormInput = {
  organisation: { legalName: 'Doing Better B.V.', kvkNumber: '28098765', address: 'Stationsweg 12, 2312 AV Leiden', contactName: 'Privacyteam', contactEmail: 'privacy@example.nl', contactPhone: null, dpoName: 'S. de Jong', dpoEmail: 'fg@example.nl' },
  reference: 'INC-1',
  title: 'Newsletter list exposed',
  description: 'An export was public.',
  detectedAt: new Date('2026-03-28T08:00:00Z'),
  awareAt: new Date('2026-03-28T09:00:00Z'),
  facts,
  decision: { risk: 'risk', notifyAuthority: true, communicateDataSubjects: false, source: 'assessment', reasons: [] },
  dataSubjectsCommunicatedAt: null,
  filedAt: null,
  delayReason: null,
  now: new Date('2026-03-29T09:00:00Z'),
};

describe('authorityFormAnswers: the AP form in its order (DOMAIN.md §3, Art. 33(3))', () => {
  it('answers in the order of the AP form: contact, timeline, what happened, data, subjects, encryption, consequences, informed, measures, cross-border', () => {
    const sections = [...new Set(authorityFormAnswers(base, 'en').map((answer) => answer.key.split('.')[0]))];
    expect(sections).toEqual(['contact', 'timeline', 'what', 'data', 'subjects', 'encryption', 'consequences', 'informed', 'measures', 'cross_border']);
  });

  it.each<[string, string, string | null]>([
    ['Art. 33(3)(a): the subject range min–max', 'subjects.count', '4000–5000'],
    ['the AP form asks for the BSN: a national identifier counts', 'data.bsn', 'yes (or another national identifier)'],
    ['Art. 33(3)(b): the contact point is the DPO', 'contact.dpo', 'S. de Jong, fg@example.nl'],
    ['Art. 34(1): not informed because no high risk', 'informed.why_not', 'No high risk to the data subjects (Article 34(1) GDPR).'],
  ])('%s', (_case, key, answer) => {
    expect(authorityFormAnswers(base, 'en').find((item) => item.key === key)?.answer).toBe(answer);
  });

  it('marks what is still missing instead of guessing', () => {
    expect(missingAnswers(authorityFormAnswers(base, 'en'))).toEqual(['timeline.started', 'what.cause', 'measures.proposed']);
    expect(missingAnswers(authorityFormAnswers({ ...base, facts: null }, 'nl'))).toContain('data.categories');
  });

  it('Art. 33(1): after 72 hours the reasons for the delay are asked, and missing until given', () => {
    const late = { ...base, now: new Date('2026-04-01T09:00:00Z') };
    expect(missingAnswers(authorityFormAnswers(late, 'en'))).toContain('timeline.delay');
    expect(authorityFormAnswers({ ...late, delayReason: 'Forensics needed first' }, 'en').find((item) => item.key === 'timeline.delay')?.answer).toBe('Forensics needed first');
    expect(authorityFormAnswers(base, 'en').some((item) => item.key === 'timeline.delay')).toBe(false);
  });

  it('has the Dutch questions of the AP form', () => {
    expect(authorityFormAnswers(base, 'nl')[0]).toMatchObject({ section: '1. Contactgegevens en organisatie', question: 'Naam organisatie', answer: 'Doing Better B.V.' });
  });
});
