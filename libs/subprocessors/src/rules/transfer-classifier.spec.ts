import {
  TransferLocation,
  TransferRule,
  TransferStatus,
  calendarDayInBrussels,
  classifyTransfers,
  worstStatus,
} from './transfer-classifier';
import { ADEQUACY_DECISIONS, EEA_MEMBERS } from './transfer-data';

const sut = classifyTransfers;

/** Noon UTC is the same calendar day in Brussels all year round. */
const onDay = (day: string): Date => new Date(`${day}T12:00:00Z`);
const TODAY = onDay('2026-03-01');

// Written out here rather than read from the data, so a member dropped from the data fails the test.
const EEA_CODES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
];

const rulesOf = (reasons: { rule: TransferRule }[]): TransferRule[] => reasons.map((reason) => reason.rule);

describe('transfer reference data', () => {
  it('lists the 27 EU member states (TFEU) and IS, LI, NO (EEA Agreement), each once', () => {
    expect(EEA_MEMBERS.map((member) => member.code).sort()).toEqual([...EEA_CODES].sort());
    expect(EEA_MEMBERS.filter((member) => member.source === 'TFEU')).toHaveLength(27);
    expect(EEA_MEMBERS.filter((member) => member.source === 'EEA Agreement').map((member) => member.code)).toEqual([
      'IS',
      'LI',
      'NO',
    ]);
  });

  it('has one adequacy decision per destination, none for an EEA state, each with a valid start before its end', () => {
    const ids = ADEQUACY_DECISIONS.map((decision) => decision.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => EEA_CODES.includes(id))).toEqual([]);
    for (const decision of ADEQUACY_DECISIONS) {
      expect(decision.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(decision.start))).toBe(false);
      if (decision.end) expect(decision.start < decision.end).toBe(true);
    }
  });
});

describe('classifyTransfers', () => {
  describe('EEA (Art. 44: Chapter V does not apply inside the EEA)', () => {
    it.each(EEA_CODES)('%s → eea (TFEU / EEA Agreement; Art. 44: not a transfer to a third country)', (code) => {
      const result = sut([{ country: code }], TODAY);

      expect(result.status).toBe('eea');
      expect(result.compliant).toBe(true);
      expect(rulesOf(result.locations[0].reasons)).toEqual(['eea-member']);
    });

    it('EEA stays eea whatever mechanism is recorded (Art. 44)', () => {
      expect(sut([{ country: 'NL', mechanism: 'derogation' }], TODAY).status).toBe('eea');
    });
  });

  describe('adequacy decisions (Art. 45(3), Art. 45(9)), evaluated at a date', () => {
    // [id, decision, first day in force, mechanism the decision requires]
    const DECISIONS: [string, string, string, TransferLocation['mechanism']][] = [
      ['AD', 'Commission Decision 2010/625/EU', '2010-10-19', undefined],
      ['AR', 'Commission Decision 2003/490/EC', '2003-06-30', undefined],
      ['BR', 'Commission Implementing Decision (EU) 2026/179', '2026-01-26', undefined],
      ['CA', 'Commission Decision 2002/2/EC', '2001-12-20', undefined],
      ['FO', 'Commission Decision 2010/146/EU', '2010-03-05', undefined],
      ['GG', 'Commission Decision 2003/821/EC', '2003-11-21', undefined],
      ['IM', 'Commission Decision 2004/411/EC', '2004-04-28', undefined],
      ['IL', 'Commission Decision 2011/61/EU', '2011-01-31', undefined],
      ['JP', 'Commission Implementing Decision (EU) 2019/419', '2019-01-23', undefined],
      ['JE', 'Commission Decision 2008/393/EC', '2008-05-08', undefined],
      ['NZ', 'Commission Implementing Decision 2013/65/EU', '2012-12-19', undefined],
      ['KR', 'Commission Implementing Decision (EU) 2022/254', '2021-12-17', undefined],
      ['CH', 'Commission Decision 2000/518/EC', '2000-07-26', undefined],
      ['GB', 'Commission Implementing Decision (EU) 2021/1772', '2021-06-28', undefined],
      ['US', 'Commission Implementing Decision (EU) 2023/1795', '2023-07-10', 'dpf'],
      ['UY', 'Commission Implementing Decision 2012/484/EU', '2012-08-21', undefined],
      ['EPO', 'Commission Implementing Decision on the adequate protection of personal data by the European Patent Organisation', '2025-07-15', undefined],
    ];

    it('covers every decision in the data', () => {
      expect(DECISIONS.map(([id]) => id).sort()).toEqual(ADEQUACY_DECISIONS.map((decision) => decision.id).sort());
    });

    it.each(DECISIONS)('%s → adequacy from its first day in force (Art. 45; %s, %s)', (country, decision, start, mechanism) => {
      const result = sut([{ country, mechanism }], onDay(start));

      expect(result.status).toBe('adequacy');
      expect(result.compliant).toBe(true);
      expect(result.locations[0].decision).toBe(decision);
      expect(rulesOf(result.locations[0].reasons)).toEqual(['adequacy-decision']);
    });

    it.each(DECISIONS)('%s → none on the day before (Art. 44; %s not yet in force on the day before %s)', (country, _decision, start, mechanism) => {
      const dayBefore = new Date(onDay(start).getTime() - 24 * 3600 * 1000);
      const result = sut([{ country, mechanism }], dayBefore);

      expect(result.status).toBe('none');
      expect(result.compliant).toBe(false);
      expect(rulesOf(result.locations[0].reasons)[0]).toBe('adequacy-not-in-force');
    });

    it.each<[string, string, TransferStatus]>([
      ['2026-01-25T22:59:59Z', '23:59:59 on 25 Jan in Brussels', 'none'],
      ['2026-01-25T23:00:00Z', '00:00 on 26 Jan in Brussels', 'adequacy'],
    ])('Brazil at %s (%s) → %s (Decision (EU) 2026/179 applies from 26 January 2026, a Brussels day)', (instant, _local, status) => {
      expect(sut([{ country: 'BR' }], new Date(instant)).status).toBe(status);
    });

    it.each<[string, TransferStatus]>([
      ['2031-12-26T22:59:59Z', 'adequacy'],
      ['2031-12-26T23:00:00Z', 'none'],
      ['2031-12-28T12:00:00Z', 'none'],
      ['2032-06-01T12:00:00Z', 'none'],
    ])('United Kingdom at %s → %s (Decision (EU) 2021/1772 as renewed expires on 27 December 2031)', (instant, status) => {
      const result = sut([{ country: 'GB' }], new Date(instant));

      expect(result.status).toBe(status);
      if (status === 'none') {
        expect(result.locations[0].reasons[0].text).toContain('no longer applies from 2031-12-27');
      }
    });

    it('United Kingdom after 27 December 2031 with SCCs → safeguards (Art. 46(2)(c) once adequacy has lapsed)', () => {
      const result = sut([{ country: 'GB', mechanism: 'scc', transferImpactAssessment: true }], onDay('2032-01-01'));

      expect(result.status).toBe('safeguards');
      expect(rulesOf(result.locations[0].reasons)).toEqual([
        'adequacy-not-in-force',
        'standard-contractual-clauses',
        'transfer-impact-assessment-on-file',
      ]);
    });

    it.each<[string, TransferLocation['mechanism']]>([
      ['JP', 'scc'],
      ['CH', 'bcr'],
      ['KR', 'derogation'],
    ])('%s with %s → adequacy (Art. 45(1): no further mechanism needed where a decision applies)', (country, mechanism) => {
      expect(sut([{ country, mechanism }], TODAY).status).toBe('adequacy');
    });

    it('Canada names its scope, commercial organisations subject to PIPEDA (Decision 2002/2/EC)', () => {
      const result = sut([{ country: 'CA' }], TODAY);

      expect(result.locations[0].reasons[0].text).toContain('commercial organisations subject to PIPEDA');
    });
  });

  describe('EU-US Data Privacy Framework (Decision (EU) 2023/1795: certified organisations only)', () => {
    it.each<[string, TransferLocation, TransferStatus, TransferRule[]]>([
      [
        'US with dpf → adequacy (Art. 45(3), Decision (EU) 2023/1795: DPF-certified recipient)',
        { country: 'US', mechanism: 'dpf' },
        'adequacy',
        ['adequacy-decision'],
      ],
      [
        'US with scc → safeguards (Art. 46(2)(c): not DPF-certified, so no Art. 45 adequacy)',
        { country: 'US', mechanism: 'scc', transferImpactAssessment: true },
        'safeguards',
        ['dpf-certification-missing', 'standard-contractual-clauses', 'transfer-impact-assessment-on-file'],
      ],
      [
        'US with bcr → safeguards (Art. 46(2)(b): not DPF-certified, so no Art. 45 adequacy)',
        { country: 'US', mechanism: 'bcr', transferImpactAssessment: true },
        'safeguards',
        ['dpf-certification-missing', 'binding-corporate-rules', 'transfer-impact-assessment-on-file'],
      ],
      [
        'US with nothing → none (Art. 44: neither DPF certification nor Art. 46 safeguard)',
        { country: 'US' },
        'none',
        ['dpf-certification-missing', 'no-transfer-mechanism'],
      ],
    ])('%s', (_description, location, status, rules) => {
      const result = sut([location], TODAY);

      expect(result.status).toBe(status);
      expect(result.compliant).toBe(status !== 'none');
      expect(rulesOf(result.locations[0].reasons)).toEqual(rules);
    });

    it('US with dpf before 10 July 2023 → none (Decision (EU) 2023/1795 not yet adopted)', () => {
      const result = sut([{ country: 'US', mechanism: 'dpf' }], onDay('2023-07-09'));

      expect(result.status).toBe('none');
      expect(rulesOf(result.locations[0].reasons)).toEqual(['adequacy-not-in-force']);
    });

    it.each(['IN', 'CN'])('%s with dpf → none (Art. 45(3); the DPF covers the United States only)', (country) => {
      const result = sut([{ country, mechanism: 'dpf' }], TODAY);

      expect(result.status).toBe('none');
      expect(rulesOf(result.locations[0].reasons)).toEqual(['dpf-outside-united-states']);
    });
  });

  describe('appropriate safeguards (Art. 46) and derogations (Art. 49)', () => {
    it.each<[string, TransferLocation, TransferStatus, TransferRule[]]>([
      [
        'Art. 46(2)(c), SCC 2021/914 with TIA',
        { country: 'IN', mechanism: 'scc', documentReference: 'SCC 2021/914 module 3', transferImpactAssessment: true },
        'safeguards',
        ['standard-contractual-clauses', 'transfer-impact-assessment-on-file'],
      ],
      [
        'Art. 46(2)(c), SCC without TIA: still safeguards, warned per EDPB Recommendations 01/2020',
        { country: 'IN', mechanism: 'scc' },
        'safeguards',
        ['standard-contractual-clauses', 'transfer-impact-assessment-missing'],
      ],
      [
        'Art. 46(2)(b), BCR with TIA',
        { country: 'PH', mechanism: 'bcr', documentReference: 'BCR-P approved by the AP', transferImpactAssessment: true },
        'safeguards',
        ['binding-corporate-rules', 'transfer-impact-assessment-on-file'],
      ],
      [
        'Art. 46(2)(b), BCR without TIA: still safeguards, warned per EDPB Recommendations 01/2020',
        { country: 'PH', mechanism: 'bcr', transferImpactAssessment: false },
        'safeguards',
        ['binding-corporate-rules', 'transfer-impact-assessment-missing'],
      ],
      [
        'Art. 49(1), documented derogation',
        { country: 'SG', mechanism: 'derogation', documentReference: 'DER-2026-004' },
        'derogation',
        ['derogation'],
      ],
      [
        'Art. 49(1), undocumented derogation: warned per EDPB Guidelines 2/2018',
        { country: 'SG', mechanism: 'derogation' },
        'derogation',
        ['derogation', 'derogation-undocumented'],
      ],
      ['Art. 44, third country without any mechanism', { country: 'CN' }, 'none', ['no-transfer-mechanism']],
    ])('%s', (_description, location, status, rules) => {
      const result = sut([location], TODAY);

      expect(result.status).toBe(status);
      expect(result.compliant).toBe(status !== 'none');
      expect(rulesOf(result.locations[0].reasons)).toEqual(rules);
    });

    it('names the document relied on in the reason (Art. 46(2)(c); Art. 30(2)(c) records the safeguard)', () => {
      const result = sut([{ country: 'IN', mechanism: 'scc', documentReference: 'SCC 2021/914 module 3' }], TODAY);

      expect(result.locations[0].reasons[0].text).toContain('SCC 2021/914 module 3');
    });
  });

  describe('several locations: the worst one wins (Art. 44, every transfer must meet Chapter V)', () => {
    it.each<[string, TransferLocation[], TransferStatus, string]>([
      ['EEA only → eea (Art. 44)', [{ country: 'NL' }, { country: 'DE' }], 'eea', 'NL, DE'],
      ['EEA + Japan → adequacy (Art. 45(3), Decision (EU) 2019/419)', [{ country: 'NL' }, { country: 'JP' }], 'adequacy', 'JP'],
      [
        'EEA + US with DPF + India with SCC → safeguards (Art. 45(3) Decision (EU) 2023/1795; Art. 46(2)(c))',
        [{ country: 'IE' }, { country: 'US', mechanism: 'dpf' }, { country: 'IN', mechanism: 'scc', transferImpactAssessment: true }],
        'safeguards',
        'IN',
      ],
      [
        'SCC + derogation → derogation (Art. 46(2)(c); Art. 49(1))',
        [{ country: 'IN', mechanism: 'scc' }, { country: 'SG', mechanism: 'derogation', documentReference: 'DER-1' }],
        'derogation',
        'SG',
      ],
      [
        'EEA + UK + derogation + US access without DPF → none (Art. 44)',
        [{ country: 'NL' }, { country: 'GB' }, { country: 'SG', mechanism: 'derogation' }, { country: 'US' }],
        'none',
        'US',
      ],
      [
        'US twice, only one recipient DPF-certified → none (Art. 44; Decision (EU) 2023/1795)',
        [{ country: 'US', mechanism: 'dpf' }, { country: 'US' }],
        'none',
        'US',
      ],
    ])('%s', (_description, locations, status, deciding) => {
      const result = sut(locations, TODAY);

      expect(result.status).toBe(status);
      expect(result.compliant).toBe(status !== 'none');
      expect(result.locations.map((location) => location.country)).toEqual(locations.map((location) => location.country));
      expect(result.reasons).toEqual([expect.objectContaining({ rule: 'worst-location-wins' })]);
      expect(result.reasons[0].text).toContain(`set by ${deciding}:`);
    });

    it.each<[TransferStatus[], TransferStatus]>([
      [[], 'eea'],
      [['adequacy', 'eea'], 'adequacy'],
      [['derogation', 'safeguards', 'adequacy'], 'derogation'],
      [['eea', 'none', 'safeguards'], 'none'],
    ])('worstStatus(%j) → %s (order eea < adequacy < safeguards < derogation < none)', (statuses, worst) => {
      expect(worstStatus(statuses)).toBe(worst);
    });
  });

  describe('input', () => {
    it('no locations → none, not compliant (Art. 28(2), Art. 30(2)(c): the destination must be known)', () => {
      const result = sut([], TODAY);

      expect(result).toEqual({
        status: 'none',
        compliant: false,
        locations: [],
        reasons: [expect.objectContaining({ rule: 'no-locations' })],
      });
    });

    it.each([
      ['nl', 'lowercase'],
      ['NLD', 'alpha-3'],
      ['N1', 'digit'],
      ['', 'empty'],
      [' NL', 'padded'],
      ['EPOX', 'unknown organisation id'],
      ['UK', 'EU abbreviation for GB'],
      ['EL', 'EU abbreviation for GR'],
    ])('%p (%s) → RangeError (ISO 3166-1 alpha-2 expected)', (country) => {
      expect(() => sut([{ country: 'NL' }, { country }], TODAY)).toThrow(RangeError);
    });

    it('an invalid date → RangeError (Art. 45: a decision is in force at a date)', () => {
      expect(() => sut([{ country: 'NL' }], new Date('not a date'))).toThrow(RangeError);
    });

    it.each<[string, string]>([
      ['2026-03-28T23:30:00Z', '2026-03-29'],
      ['2026-07-01T21:59:59Z', '2026-07-01'],
      ['2026-07-01T22:00:00Z', '2026-07-02'],
    ])('%s is %s in Brussels (decision dates are Official Journal days)', (instant, day) => {
      expect(calendarDayInBrussels(new Date(instant))).toBe(day);
    });
  });
});
