import { registerCsv, registerEntry } from './processing-register';

const client = { id: 'c1', legalName: 'Pracownia "Łódź", sp. z o.o.', kvkNumber: null, country: 'PL', contactName: 'Zofia', contactEmail: 'dpo@lodz.example' };

describe('registerEntry (Art. 30(2))', () => {
  it('lists only transfers outside the EEA, with their safeguard (Art. 30(2)(c))', () => {
    const sut = registerEntry({
      client,
      agreement: null,
      terms: { services: ['analytics'] },
      subprocessors: [
        { name: 'TransIP B.V.', services: ['hosting'], countries: ['NL'], transferMechanism: null },
        { name: 'Google Ireland Ltd', services: ['analytics'], countries: ['IE', 'US'], transferMechanism: 'adequacy', safeguard: 'EU-US Data Privacy Framework' },
      ],
      processorMeasures: [],
    });

    expect(sut.transfers).toEqual([{ subprocessor: 'Google Ireland Ltd', countries: ['US'], mechanism: 'adequacy', safeguard: 'EU-US Data Privacy Framework' }]);
  });

  it.each<[string, Parameters<typeof registerEntry>[0]['terms'], string[]]>([
    ['the agreed measures annex describes the security (Art. 30(2)(d))', { measuresAnnex: [{ category: 'backup', description: 'daily' }] }, ['backup']],
    ['without an annex, the processor catalogue', null, ['access_control']],
  ])('%s', (_case, terms, categories) => {
    const sut = registerEntry({ client, agreement: null, terms, subprocessors: [], processorMeasures: [{ category: 'access_control', description: 'MFA' }] });
    expect(sut.securityMeasures.map((measure) => measure.category)).toEqual(categories);
  });
});

describe('registerCsv', () => {
  it('quotes commas and quotes, keeps Unicode, and defuses spreadsheet formulas', () => {
    const entry = registerEntry({ client, agreement: null, terms: { subjectMatter: '=HYPERLINK("x")' }, subprocessors: [], processorMeasures: [] });
    const [header, row] = registerCsv([entry]).split('\r\n');

    expect(header.split(',')[0]).toBe('client_id');
    expect(row).toContain('"Pracownia ""Łódź"", sp. z o.o."');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
