import { registrationProblems } from './client-registration';

describe('registrationProblems', () => {
  it.each<[string, { country: string; kvkNumber: string | null }, string[]]>([
    ['Dutch client with KvK number (Handelsregisterwet art. 9)', { country: 'NL', kvkNumber: '27124701' }, []],
    ['Dutch client without KvK number', { country: 'NL', kvkNumber: null }, ['kvkNumber']],
    ['Belgian client without KvK number: registered in the KBO instead', { country: 'BE', kvkNumber: null }, []],
    ['foreign client with a Dutch branch registration', { country: 'DE', kvkNumber: '12345678' }, []],
    ['malformed KvK number', { country: 'NL', kvkNumber: '1234' }, ['kvkNumber']],
  ])('%s', (_case, facts, fields) => {
    expect(registrationProblems(facts).map((problem) => problem.field)).toEqual(fields);
  });
});
