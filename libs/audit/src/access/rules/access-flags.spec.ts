import { AccessFacts, accessFlags, AccessFlag, flagBit, flagNames, WorkingHours } from './access-flags';

const OFFICE: WorkingHours = { days: [1, 2, 3, 4, 5], startMinute: 8 * 60, endMinute: 18 * 60, zone: 'Europe/Amsterdam' };
const facts = (overrides: Partial<AccessFacts> = {}): AccessFacts => ({
  action: 'view',
  // Tuesday 10:00 Amsterdam (CET)
  startedAt: new Date('2026-11-24T09:00:00Z'),
  reason: 'TICKET-4711',
  agreementInForce: true,
  ...overrides,
});

describe('accessFlags', () => {
  it.each<[string, Partial<AccessFacts>, string[]]>([
    ['support access with a ticket in office hours: nothing to review', {}, []],
    ['no ticket or request reference: purpose not documented (Art. 28(3)(a))', { reason: null }, ['no_reason']],
    ['a blank reference counts as none', { reason: '   ' }, ['no_reason']],
    ['client without an agreement in force: no instructions to act on (Art. 28(3)(a), 29)', { agreementInForce: false }, ['no_agreement_in_force']],
    ['Tuesday 07:59 Amsterdam is before office hours', { startedAt: new Date('2026-11-24T06:59:00Z') }, ['outside_working_hours']],
    ['Tuesday 18:00 Amsterdam is after office hours (end exclusive)', { startedAt: new Date('2026-11-24T17:00:00Z') }, ['outside_working_hours']],
    ['Saturday 03:00 Amsterdam', { startedAt: new Date('2026-11-28T02:00:00Z') }, ['outside_working_hours']],
    ['summer time: 08:30 CEST is 06:30 UTC and inside office hours', { startedAt: new Date('2026-07-07T06:30:00Z') }, []],
    ['export of client data (Art. 32(4): staff act only on instructions)', { action: 'export' }, ['sensitive_action']],
    ['deletion of client data', { action: 'delete' }, ['sensitive_action']],
    ['everything at once', { action: 'delete', reason: null, agreementInForce: false, startedAt: new Date('2026-11-28T02:00:00Z') }, ['no_reason', 'no_agreement_in_force', 'outside_working_hours', 'sensitive_action']],
  ])('%s', (_case, overrides, expected) => {
    expect(flagNames(accessFlags(facts(overrides), OFFICE))).toEqual(expected);
  });

  it('keeps flag names and bits in step', () => {
    expect(flagBit('no_reason')).toBe(AccessFlag.NoReason);
    expect(flagBit('no_agreement_in_force')).toBe(AccessFlag.NoAgreementInForce);
    expect(flagBit('outside_working_hours')).toBe(AccessFlag.OutsideWorkingHours);
    expect(flagBit('sensitive_action')).toBe(AccessFlag.SensitiveAction);
  });
});
