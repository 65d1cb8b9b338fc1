import { affectedClients, ClientTerms, noticePeriodViolations, objectionDeadline, outcomeForClient, responseWindowOpen } from './change-rules';

const client = (overrides: Partial<ClientTerms>): ClientTerms => ({
  clientId: 'c',
  clientName: 'Client',
  services: ['hosting'],
  authorisation: 'general',
  objectionPeriodDays: 30,
  ...overrides,
});

describe('affectedClients', () => {
  it('finds the clients using a service the sub-processor provides (DOMAIN.md §1: services ↔ sub-processors ↔ clients)', () => {
    const clients = [client({ clientId: 'a', services: ['Hosting', 'e-mail'] }), client({ clientId: 'b', services: ['newsletters'] }), client({ clientId: 'c', services: [] })];
    expect(affectedClients(clients, ['hosting ']).map((found) => found.clientId)).toEqual(['a']);
    expect(affectedClients(clients, ['newsletters', 'hosting']).map((found) => found.clientId)).toEqual(['a', 'b']);
  });
});

describe('noticePeriodViolations', () => {
  const announced = new Date('2026-03-01T09:00:00Z');
  it.each<[string, Partial<ClientTerms>, string, string[]]>([
    ['Art. 28(2): 30 days’ notice for a 30-day objection period is enough', { objectionPeriodDays: 30 }, '2026-03-31T09:00:00Z', []],
    ['Art. 28(2): 29 days’ notice for a 30-day objection period is too short', { objectionPeriodDays: 30 }, '2026-03-30T09:00:00Z', ['c']],
    ['calendar days across the DST change (29 March 2026): the local time is kept', { objectionPeriodDays: 30 }, '2026-03-31T08:00:00Z', []],
    ['specific authorisation: approval is needed anyway, no objection window', { authorisation: 'specific', objectionPeriodDays: 60 }, '2026-03-02T09:00:00Z', []],
  ])('%s', (_case, terms, effective, violating) => {
    expect(noticePeriodViolations('addition', [client(terms)], announced, new Date(effective)).map((violation) => violation.clientId)).toEqual(violating);
  });

  it('names every client whose own objection period is violated (each agreement sets its own)', () => {
    const clients = [client({ clientId: 'a', clientName: 'A', objectionPeriodDays: 14 }), client({ clientId: 'b', clientName: 'B', objectionPeriodDays: 30 }), client({ clientId: 'c', clientName: 'C', objectionPeriodDays: 60 })];
    const violations = noticePeriodViolations('replacement', clients, announced, new Date('2026-04-05T09:00:00Z'));
    expect(violations.map((violation) => violation.clientName)).toEqual(['C']);
    expect(violations[0].earliestEffectiveAt.toISOString()).toBe('2026-04-30T08:00:00.000Z');
  });

  it('does not hold a removal to an objection period (DOMAIN.md §2: announced, no objection window)', () => {
    expect(noticePeriodViolations('removal', [client({ objectionPeriodDays: 30 })], announced, announced)).toEqual([]);
  });

  it('counts calendar days in Amsterdam', () => {
    expect(objectionDeadline(new Date('2026-10-01T10:00:00Z'), 30).toISOString()).toBe('2026-10-31T11:00:00.000Z');
  });
});

describe('outcomeForClient', () => {
  it.each<[string, Parameters<typeof outcomeForClient>, boolean, string]>([
    ['general authorisation, silent: the change applies (Art. 28(2))', ['addition', 'general', 'none', null], true, 'general_no_objection'],
    ['general authorisation, objected, undecided: kept off', ['addition', 'general', 'objected', null], false, 'general_objection_undecided'],
    ['general authorisation, objected, kept off by decision', ['replacement', 'general', 'objected', 'keep_off'], false, 'general_objection_kept_off'],
    ['general authorisation, objected, processor proceeds', ['addition', 'general', 'objected', 'proceed'], true, 'general_objection_overruled'],
    ['objected, service ended', ['addition', 'general', 'objected', 'end_service'], false, 'service_ended'],
    ['specific authorisation, approved (Art. 28(2) prior specific written authorisation)', ['addition', 'specific', 'approved', null], true, 'specific_approved'],
    ['specific authorisation, silent: does not apply', ['addition', 'specific', 'none', null], false, 'specific_not_approved'],
    ['removal applies to all', ['removal', 'general', 'objected', null], true, 'removal'],
  ])('%s', (_case, args, applies, rule) => {
    expect(outcomeForClient(...args)).toMatchObject({ applies, rule });
  });
});

describe('responseWindowOpen', () => {
  it.each<[string, Date, boolean]>([
    ['before the effective date', new Date('2026-03-30T23:59:59Z'), true],
    ['at the effective date', new Date('2026-03-31T00:00:00Z'), false],
    ['after it', new Date('2026-04-01T00:00:00Z'), false],
  ])('is %s → %s', (_case, now, open) => {
    expect(responseWindowOpen('addition', now, new Date('2026-03-31T00:00:00Z'))).toBe(open);
  });
});
