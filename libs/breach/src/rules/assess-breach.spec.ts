import { assessBreach, BreachAssessment, BreachFacts, DataCategory } from './assess-breach';

/** A small, benign breach we are the controller of; rows override what their case is about. */
function aBreach(overrides: Partial<BreachFacts> = {}): BreachFacts {
  return {
    ourRole: 'controller',
    dataCategories: ['contact'],
    subjectCount: 10,
    identifiability: 'maximum',
    confidentiality: 'none',
    integrity: 'none',
    availability: 'none',
    maliciousIntent: false,
    ...overrides,
  };
}

type Band = BreachAssessment['severity']['band'];
type Risk = BreachAssessment['risk'];

interface Outcome {
  score: number;
  band: Band;
  risk: Risk;
  notifyAuthority: boolean;
  communicateDataSubjects: boolean;
}

function outcomeOf(assessment: BreachAssessment): Outcome {
  const { severity, risk, notifyAuthority, communicateDataSubjects } = assessment;
  return { score: severity.score, band: severity.band, risk, notifyAuthority, communicateDataSubjects };
}

const outcome = (
  score: number,
  band: Band,
  risk: Risk,
  notifyAuthority: boolean,
  communicateDataSubjects: boolean,
): Outcome => ({ score, band, risk, notifyAuthority, communicateDataSubjects });

describe('assessBreach', () => {
  describe('worked examples of EDPB Guidelines 01/2021 (outcome: SA notification, data-subject communication)', () => {
    it.each<[string, BreachFacts, Outcome]>([
      [
        'EDPB 01/2021 example 1: ransomware with proper backup, no exfiltration, restored within hours → document only',
        aBreach({
          dataCategories: ['contact', 'identity'],
          subjectCount: 40,
          availability: 'temporary',
          outageHours: 4,
          backupAvailable: true,
          maliciousIntent: true,
        }),
        outcome(1.75, 'low', 'unlikely', false, false),
      ],
      [
        'EDPB 01/2021 example 2: ransomware without backup, data lost → notify SA, no communication',
        aBreach({
          dataCategories: ['contact', 'identity'],
          subjectCount: 40,
          availability: 'permanent',
          backupAvailable: false,
          maliciousIntent: true,
        }),
        outcome(2, 'medium', 'risk', true, false),
      ],
      [
        'EDPB 01/2021 example 3: ransomware at a hospital, backup but patient data unavailable for two days → SA and data subjects',
        aBreach({
          dataCategories: ['identity', 'special_category'],
          subjectCount: 1_800,
          vulnerableSubjects: true,
          availability: 'temporary',
          outageHours: 48,
          backupAvailable: true,
          maliciousIntent: true,
        }),
        outcome(4.75, 'very_high', 'high', true, true),
      ],
      [
        'EDPB 01/2021 example 4: ransomware without backup and with exfiltration (public transport) → SA and data subjects',
        aBreach({
          dataCategories: ['contact', 'identity', 'financial'],
          subjectCount: 5_000,
          confidentiality: 'unknown_recipients',
          availability: 'permanent',
          backupAvailable: false,
          maliciousIntent: true,
        }),
        outcome(4.5, 'very_high', 'high', true, true),
      ],
      [
        'EDPB 01/2021 example 5: exfiltration of job-application data from a website → SA and data subjects',
        aBreach({
          dataCategories: ['contact', 'identity', 'behavioural'],
          subjectCount: 213,
          confidentiality: 'unknown_recipients',
          maliciousIntent: true,
        }),
        outcome(3, 'high', 'high', true, true),
      ],
      [
        'EDPB 01/2021 example 6: exfiltration of salted state-of-the-art password hashes → document only',
        aBreach({
          dataCategories: ['contact', 'credentials'],
          subjectCount: 1_200,
          confidentiality: 'unknown_recipients',
          maliciousIntent: true,
          unintelligible: true,
        }),
        outcome(4, 'very_high', 'unlikely', false, false),
      ],
      [
        'EDPB 01/2021 example 7: credential stuffing at a bank, accounts viewed → SA and data subjects',
        aBreach({
          dataCategories: ['identity', 'financial', 'credentials'],
          subjectCount: 1_000,
          confidentiality: 'unknown_recipients',
          maliciousIntent: true,
        }),
        outcome(4, 'very_high', 'high', true, true),
      ],
      [
        'EDPB 01/2021 example 8: departing employee copies client contact data → SA (intent unknown), no communication',
        aBreach({
          dataCategories: ['contact'],
          subjectCount: 500,
          confidentiality: 'known_recipients',
          maliciousIntent: true,
        }),
        outcome(1.75, 'low', 'risk', true, false),
      ],
      [
        'EDPB 01/2021 example 9: accidental transmission to a trusted insurance agent who confirmed deletion → document only',
        aBreach({
          dataCategories: ['contact', 'identity', 'financial'],
          subjectCount: 15,
          confidentiality: 'known_recipients',
          trustedRecipientDeleted: true,
        }),
        outcome(3.25, 'high', 'unlikely', false, false),
      ],
      [
        'EDPB 01/2021 example 10: stolen tablets of a child-care centre, state-of-the-art encryption, backup → document only',
        aBreach({
          dataCategories: ['identity', 'behavioural'],
          subjectCount: 60,
          vulnerableSubjects: true,
          confidentiality: 'unknown_recipients',
          backupAvailable: true,
          maliciousIntent: true,
          unintelligible: true,
        }),
        outcome(4, 'very_high', 'unlikely', false, false),
      ],
      [
        'EDPB 01/2021 example 11: stolen unencrypted notebook with 100,000+ customers, daily backup → SA and data subjects',
        aBreach({
          dataCategories: ['contact', 'identity'],
          subjectCount: 100_000,
          confidentiality: 'unknown_recipients',
          backupAvailable: true,
          maliciousIntent: true,
        }),
        outcome(3, 'high', 'high', true, true),
      ],
      [
        'EDPB 01/2021 example 12: stolen paper log book of a rehabilitation centre (health data) → SA and data subjects',
        aBreach({
          dataCategories: ['identity', 'special_category'],
          subjectCount: 50,
          vulnerableSubjects: true,
          confidentiality: 'unknown_recipients',
          availability: 'permanent',
          backupAvailable: false,
          maliciousIntent: true,
        }),
        outcome(5.5, 'very_high', 'high', true, true),
      ],
      [
        'EDPB 01/2021 example 13: two shoe orders and packing bills swapped between customers → document only',
        aBreach({
          dataCategories: ['contact', 'identity'],
          subjectCount: 2,
          confidentiality: 'known_recipients',
        }),
        outcome(1.25, 'low', 'unlikely', false, false),
      ],
      [
        'EDPB 01/2021 example 14: job-seekers list with social security numbers e-mailed to 60,000 recipients → SA and data subjects',
        aBreach({
          dataCategories: ['contact', 'identity', 'national_id'],
          subjectCount: 60_000,
          confidentiality: 'known_recipients',
        }),
        outcome(4.25, 'very_high', 'high', true, true),
      ],
      [
        'EDPB 01/2021 example 17: identity theft at a telecom call centre, contact e-mail changed → SA and data subject',
        aBreach({
          dataCategories: ['contact', 'identity', 'financial'],
          subjectCount: 1,
          confidentiality: 'unknown_recipients',
          integrity: 'recoverable',
          maliciousIntent: true,
        }),
        outcome(4.25, 'very_high', 'high', true, true),
      ],
      [
        'EDPB 01/2021 example 18: mailbox exfiltration at a hypermarket chain, invoices with bank details → SA and data subjects',
        aBreach({
          dataCategories: ['contact', 'financial'],
          subjectCount: 300,
          confidentiality: 'unknown_recipients',
          maliciousIntent: true,
        }),
        outcome(4, 'very_high', 'high', true, true),
      ],
    ])('%s', (_description, facts, expected) => {
      const sut = assessBreach(facts);

      expect(outcomeOf(sut)).toEqual(expected);
    });
  });

  describe('who we are: processor or controller (GDPR Art. 33(2))', () => {
    it.each<[string, BreachFacts, boolean]>([
      [
        'GDPR Art. 33(2): as processor we notify the client even when the risk is unlikely (EDPB 01/2021 example 1 facts)',
        aBreach({ ourRole: 'processor', availability: 'temporary', backupAvailable: true, maliciousIntent: true }),
        true,
      ],
      [
        'GDPR Art. 33(2): as processor we notify the client even for unintelligible data (EDPB 01/2021 example 6 facts)',
        aBreach({
          ourRole: 'processor',
          dataCategories: ['credentials'],
          confidentiality: 'unknown_recipients',
          maliciousIntent: true,
          unintelligible: true,
        }),
        true,
      ],
      [
        'GDPR Art. 33(2): as processor we notify the client of a high-risk breach (EDPB 01/2021 example 5 facts)',
        aBreach({
          ourRole: 'processor',
          dataCategories: ['behavioural'],
          confidentiality: 'unknown_recipients',
          maliciousIntent: true,
        }),
        true,
      ],
      [
        'GDPR Art. 33(1): as controller there is no client to notify (EDPB 01/2021 example 5 facts)',
        aBreach({
          ourRole: 'controller',
          dataCategories: ['behavioural'],
          confidentiality: 'unknown_recipients',
          maliciousIntent: true,
        }),
        false,
      ],
    ])('%s', (_description, facts, notifyClients) => {
      const sut = assessBreach(facts);

      expect(sut.notifyClients).toBe(notifyClients);
    });

    it('GDPR Art. 33(2): the role changes who is notified, never the risk the client receives as a draft', () => {
      const facts = aBreach({ dataCategories: ['financial'], confidentiality: 'unknown_recipients' });

      const asProcessor = assessBreach({ ...facts, ourRole: 'processor' });
      const asController = assessBreach({ ...facts, ourRole: 'controller' });

      expect(outcomeOf(asProcessor)).toEqual(outcomeOf(asController));
    });
  });

  describe('ENISA 2013: data processing context (DPC) per category, the highest wins', () => {
    it.each<[string, DataCategory[], number]>([
      ['ENISA 2013 simple data: contact', ['contact'], 1],
      ['ENISA 2013 simple data: identity', ['identity'], 1],
      ['ENISA 2013 behavioural data: behavioural', ['behavioural'], 2],
      ['ENISA 2013 behavioural data: location', ['location'], 2],
      ['ENISA 2013 financial data: financial', ['financial'], 3],
      ['ENISA 2013 financial level: national identifier (BSN, ID copy), DOMAIN.md §3', ['national_id'], 3],
      ['ENISA 2013 financial level: credentials (judgement, EDPB 01/2021 example 7)', ['credentials'], 3],
      ['ENISA 2013 sensitive data: GDPR Art. 9 special category', ['special_category'], 4],
      ['ENISA 2013 sensitive data: GDPR Art. 10 criminal data', ['criminal'], 4],
      ['ENISA 2013: the highest category wins', ['contact', 'criminal', 'location'], 4],
      ['ENISA 2013: no category recorded yet starts at the lowest level', [], 1],
    ])('%s → DPC %p', (_description, dataCategories, dpc) => {
      const sut = assessBreach(aBreach({ dataCategories }));

      expect(sut.severity.dpc).toBe(dpc);
    });
  });

  describe('ENISA 2013: adjustments of the DPC, each with its own reason', () => {
    it.each<[string, Partial<BreachFacts>, number, string[]]>([
      [
        'ENISA 2013: line of business raises the context, reason kept',
        { dataCategories: ['contact'], contextAdjustment: { delta: 1, reason: 'clients of a debt collector' } },
        2,
        ['enisa.dpc.context'],
      ],
      [
        'ENISA 2013: data already public lowers the context, reason kept',
        { dataCategories: ['behavioural'], contextAdjustment: { delta: -1, reason: 'published on the website' } },
        1,
        ['enisa.dpc.context'],
      ],
      [
        'ENISA 2013 / GDPR recital 75: vulnerable subjects (children, patients) raise the DPC by 1',
        { dataCategories: ['behavioural'], vulnerableSubjects: true },
        3,
        ['enisa.dpc.vulnerable'],
      ],
      [
        'ENISA 2013: vulnerable subjects cannot push the DPC beyond 4',
        { dataCategories: ['special_category'], vulnerableSubjects: true },
        4,
        ['enisa.dpc.vulnerable', 'enisa.dpc.bounds'],
      ],
      ['ENISA 2013 / DOMAIN.md §3: 9,999 people is not yet large scale', { subjectCount: 9_999 }, 1, []],
      [
        'ENISA 2013 / DOMAIN.md §3: 10,000 people is large scale and raises the DPC',
        { subjectCount: 10_000 },
        2,
        ['enisa.dpc.volume'],
      ],
      [
        'ENISA 2013: volume and vulnerability add up, each with its own reason',
        { dataCategories: ['contact'], subjectCount: 20_000, vulnerableSubjects: true },
        3,
        ['enisa.dpc.vulnerable', 'enisa.dpc.volume'],
      ],
      [
        'ENISA 2013: a lowering adjustment cannot go below 1',
        { dataCategories: ['contact'], contextAdjustment: { delta: -2, reason: 'public directory' } },
        1,
        ['enisa.dpc.context', 'enisa.dpc.bounds'],
      ],
      [
        'ENISA 2013: fractional deltas are rounded to 2 decimals, not left with float noise',
        { dataCategories: ['contact'], contextAdjustment: { delta: 0.1 + 0.2, reason: 'some exposure' } },
        1.3,
        ['enisa.dpc.context'],
      ],
    ])('%s', (_description, overrides, dpc, adjustmentRules) => {
      const sut = assessBreach(aBreach(overrides));

      expect(sut.severity.dpc).toBe(dpc);
      expect(sut.reasons.map((r) => r.rule).filter((rule) => rule.startsWith('enisa.dpc.'))).toEqual(adjustmentRules);
    });

    it('ENISA 2013 / DOMAIN.md §3: the assessor’s written reason for a context adjustment is kept', () => {
      const sut = assessBreach(aBreach({ contextAdjustment: { delta: 1, reason: 'clients of a debt collector' } }));

      expect(sut.reasons).toContainEqual(
        expect.objectContaining({
          rule: 'enisa.dpc.context',
          text: expect.stringContaining('clients of a debt collector'),
        }),
      );
    });
  });

  describe('ENISA 2013: ease of identification, circumstances and bands', () => {
    it.each<[string, Partial<BreachFacts>, { ei: number; cb: number; score: number; band: Band }]>([
      [
        'ENISA 2013 EI negligible 0.25',
        { dataCategories: ['special_category'], identifiability: 'negligible' },
        { ei: 0.25, cb: 0, score: 1, band: 'low' },
      ],
      [
        'ENISA 2013 EI limited 0.5',
        { dataCategories: ['special_category'], identifiability: 'limited' },
        { ei: 0.5, cb: 0, score: 2, band: 'medium' },
      ],
      [
        'ENISA 2013 EI significant 0.75',
        { dataCategories: ['special_category'], identifiability: 'significant' },
        { ei: 0.75, cb: 0, score: 3, band: 'high' },
      ],
      [
        'ENISA 2013 EI maximum 1',
        { dataCategories: ['special_category'], identifiability: 'maximum' },
        { ei: 1, cb: 0, score: 4, band: 'very_high' },
      ],
      [
        'ENISA 2013 CB: every circumstance at its maximum adds up to 2',
        {
          confidentiality: 'unknown_recipients',
          integrity: 'unrecoverable',
          availability: 'permanent',
          maliciousIntent: true,
        },
        { ei: 1, cb: 2, score: 3, band: 'high' },
      ],
      [
        'ENISA 2013 CB: known recipients, recoverable change, temporary loss',
        { confidentiality: 'known_recipients', integrity: 'recoverable', availability: 'temporary' },
        { ei: 1, cb: 0.75, score: 1.75, band: 'low' },
      ],
      [
        'ENISA 2013 band: 1.75 is low (< 2)',
        { dataCategories: ['financial'], identifiability: 'limited', confidentiality: 'known_recipients' },
        { ei: 0.5, cb: 0.25, score: 1.75, band: 'low' },
      ],
      [
        'ENISA 2013 band: 2.75 is medium (2 to < 3)',
        { dataCategories: ['financial'], identifiability: 'significant', integrity: 'unrecoverable' },
        { ei: 0.75, cb: 0.5, score: 2.75, band: 'medium' },
      ],
      [
        'ENISA 2013 band: 3.75 is high (3 to < 4)',
        { dataCategories: ['financial'], confidentiality: 'known_recipients', integrity: 'unrecoverable' },
        { ei: 1, cb: 0.75, score: 3.75, band: 'high' },
      ],
    ])('%s', (_description, overrides, expected) => {
      const { ei, cb, score, band } = assessBreach(aBreach(overrides)).severity;

      expect({ ei, cb, score, band }).toEqual(expected);
    });

    it.each<[string, Partial<BreachFacts>, Risk]>([
      ['EDPB Guidelines 9/2022: low severity → unlikely to result in a risk', {}, 'unlikely'],
      [
        'EDPB Guidelines 9/2022: medium severity → a risk',
        { dataCategories: ['behavioural'], confidentiality: 'known_recipients' },
        'risk',
      ],
      [
        'EDPB Guidelines 9/2022: high severity → a high risk',
        { dataCategories: ['financial'], confidentiality: 'known_recipients' },
        'high',
      ],
      ['EDPB Guidelines 9/2022: very high severity → a high risk', { dataCategories: ['criminal'] }, 'high'],
    ])('%s', (_description, overrides, risk) => {
      const sut = assessBreach(aBreach(overrides));

      expect(sut.risk).toBe(risk);
    });
  });

  describe('facts the formula does not see (DOMAIN.md §3), each a stated reason', () => {
    it.each<[string, Partial<BreachFacts>, Risk, string | null]>([
      [
        'EDPB 01/2021 example 6: unintelligible data in a pure confidentiality breach → unlikely',
        { dataCategories: ['special_category'], confidentiality: 'unknown_recipients', unintelligible: true },
        'unlikely',
        'risk.unintelligible',
      ],
      [
        'EDPB 01/2021 example 4: encryption does not help when availability is lost too',
        {
          dataCategories: ['special_category'],
          confidentiality: 'unknown_recipients',
          availability: 'permanent',
          unintelligible: true,
        },
        'high',
        null,
      ],
      [
        'EDPB 01/2021 example 9: trusted recipient confirmed deletion → unlikely',
        { dataCategories: ['financial'], confidentiality: 'known_recipients', trustedRecipientDeleted: true },
        'unlikely',
        'risk.trusted-recipient',
      ],
      [
        'EDPB 01/2021 example 9: a deletion claim does not cover unknown recipients (further copies possible)',
        { dataCategories: ['financial'], confidentiality: 'unknown_recipients', trustedRecipientDeleted: true },
        'high',
        null,
      ],
      [
        'EDPB 01/2021 example 2: 72 hours of outage without backup → at least a risk',
        { availability: 'temporary', outageHours: 72, backupAvailable: false },
        'risk',
        'risk.long-outage',
      ],
      [
        'EDPB 01/2021 example 2: permanent loss without backup → at least a risk',
        { identifiability: 'limited', availability: 'permanent' },
        'risk',
        'risk.long-outage',
      ],
      [
        'EDPB 01/2021 example 1: a short outage restored from backup stays unlikely',
        { availability: 'temporary', outageHours: 47, backupAvailable: false },
        'unlikely',
        null,
      ],
      [
        'EDPB 01/2021 example 3: a long outage with a usable backup is left to the formula',
        { availability: 'temporary', outageHours: 48, backupAvailable: true },
        'unlikely',
        null,
      ],
      [
        'EDPB 01/2021 example 8: malicious disclosure of intelligible data → at least a risk',
        { confidentiality: 'known_recipients', maliciousIntent: true },
        'risk',
        'risk.malicious-disclosure',
      ],
      [
        'EDPB 01/2021 example 8: a floor never lowers a high risk',
        { dataCategories: ['financial'], confidentiality: 'unknown_recipients', maliciousIntent: true },
        'high',
        null,
      ],
      [
        'EDPB 01/2021 examples 8 and 9: a "trusted" recipient acting maliciously → the floor wins, at least a risk',
        {
          dataCategories: ['contact'],
          confidentiality: 'known_recipients',
          trustedRecipientDeleted: true,
          maliciousIntent: true,
        },
        'risk',
        'risk.malicious-disclosure',
      ],
    ])('%s', (_description, overrides, risk, adjustmentRule) => {
      const sut = assessBreach(aBreach(overrides));

      expect(sut.risk).toBe(risk);
      const adjustments = sut.reasons.map((r) => r.rule).filter((rule) => /^risk\.(?!band)/.test(rule));
      expect(adjustments).toEqual(adjustmentRule ? [adjustmentRule] : []);
    });
  });

  describe('decisions (GDPR Art. 33 and 34)', () => {
    it.each<[string, Partial<BreachFacts>, { notifyAuthority: boolean; communicateDataSubjects: boolean }]>([
      [
        'GDPR Art. 33(1): unlikely to result in a risk → no notification to the AP',
        {},
        { notifyAuthority: false, communicateDataSubjects: false },
      ],
      [
        'GDPR Art. 33(1) and 34(1): a risk, not high → AP only',
        { dataCategories: ['behavioural'], confidentiality: 'known_recipients' },
        { notifyAuthority: true, communicateDataSubjects: false },
      ],
      [
        'GDPR Art. 34(1): high risk → AP and data subjects',
        { dataCategories: ['special_category'], confidentiality: 'known_recipients' },
        { notifyAuthority: true, communicateDataSubjects: true },
      ],
      [
        'GDPR Art. 34(3)(a): high risk to availability, data encrypted → AP, but no communication',
        { dataCategories: ['special_category'], availability: 'permanent', unintelligible: true },
        { notifyAuthority: true, communicateDataSubjects: false },
      ],
    ])('%s', (_description, overrides, expected) => {
      const { notifyAuthority, communicateDataSubjects } = assessBreach(aBreach(overrides));

      expect({ notifyAuthority, communicateDataSubjects }).toEqual(expected);
    });

    it('GDPR Art. 33(5): every step is a reason with a rule, a reference and a text', () => {
      const sut = assessBreach(
        aBreach({
          ourRole: 'processor',
          dataCategories: ['contact'],
          subjectCount: 50_000,
          vulnerableSubjects: true,
          contextAdjustment: { delta: 1, reason: 'healthcare client' },
          confidentiality: 'known_recipients',
          maliciousIntent: true,
        }),
      );

      expect(sut.reasons.map((r) => r.rule)).toEqual([
        'enisa.dpc',
        'enisa.dpc.context',
        'enisa.dpc.vulnerable',
        'enisa.dpc.volume',
        'enisa.ei',
        'enisa.cb',
        'enisa.score',
        'risk.band',
        'decision.authority',
        'decision.data-subjects',
        'decision.clients',
      ]);
      for (const reason of sut.reasons) {
        expect(reason.reference).not.toHaveLength(0);
        expect(reason.text).not.toHaveLength(0);
      }
      expect(sut.reasons.find((r) => r.rule === 'decision.authority')?.reference).toBe('GDPR Art. 33(1)');
      expect(sut.reasons.find((r) => r.rule === 'decision.clients')?.reference).toBe('GDPR Art. 33(2)');
    });
  });
});
