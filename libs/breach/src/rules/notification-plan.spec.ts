import { assessBreach } from './assess-breach';
import { IncidentFacts, toBreachFacts } from './incident-facts';
import { NotificationPlan, ObligationKind, planNotifications, PlanInput } from './notification-plan';

const HOUR = 3_600_000;
const aware = new Date('2026-03-28T09:00:00Z'); // 10:00 CET, the day before summer time

const newsletterFacts = (overrides: Partial<IncidentFacts> = {}): IncidentFacts => ({
  dataCategories: ['contact'],
  dataSubjectCategories: ['newsletter subscribers'],
  subjects: { min: 4000, max: 5000 },
  identifiability: 'maximum',
  confidentiality: 'unknown_recipients',
  integrity: 'none',
  availability: 'none',
  maliciousIntent: true,
  ...overrides,
});

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    state: 'breach',
    awareAt: aware,
    ownData: false,
    clients: [],
    assessment: null,
    override: null,
    authorityFiledAt: null,
    dataSubjectsCommunicatedAt: null,
    nis2: { entity: false, significant: false, earlyWarningAt: null, notificationAt: null, finalReportAt: null },
    now: new Date(aware.getTime() + HOUR),
    dueSoonWithinMs: 6 * HOUR,
    ...overrides,
  };
}

const client = (name: string, hours: number, notifiedAt: Date | null = null) => ({ clientId: name, clientName: name, agreementHours: hours, hoursSource: 'agreement' as const, notifiedAt });
const kinds = (plan: NotificationPlan): ObligationKind[] => plan.obligations.map((obligation) => obligation.kind);
const ownAssessment = (facts: IncidentFacts) => assessBreach(toBreachFacts(facts, 'controller'));

describe('planNotifications: whom to notify, by when, and why', () => {
  it.each<[string, Partial<PlanInput>, ObligationKind[], boolean]>([
    ['Art. 33(2): every client whose data it is, whatever the risk — even "unlikely"', { clients: [client('A', 24), client('B', 48)], assessment: ownAssessment(newsletterFacts({ confidentiality: 'none', maliciousIntent: false })) }, ['client_notice', 'client_notice'], false],
    ['Art. 33(1): our own data with a risk → the AP', { ownData: true, assessment: ownAssessment(newsletterFacts()) }, ['authority'], false],
    ['Art. 33(1) + 34(1): our own data with a high risk → the AP and the data subjects', { ownData: true, assessment: ownAssessment(newsletterFacts({ dataCategories: ['financial'] })) }, ['authority', 'data_subjects'], false],
    ['Art. 33(1), 33(5): our own data, unlikely to result in a risk → document only', { ownData: true, assessment: ownAssessment(newsletterFacts({ confidentiality: 'known_recipients', trustedRecipientDeleted: true, maliciousIntent: false })) }, [], true],
    ['Art. 33(1): own data not yet assessed → the AP clock runs anyway', { ownData: true, assessment: null }, ['authority'], false],
    ['NIS2 Art. 23(4): a significant incident at a NIS2 entity → three CSIRT steps', { nis2: { entity: true, significant: true, earlyWarningAt: null, notificationAt: null, finalReportAt: null } }, ['nis2_early_warning', 'nis2_notification', 'nis2_final_report'], false],
    ['NIS2: not a NIS2 entity → no CSIRT track even when marked significant', { nis2: { entity: false, significant: true, earlyWarningAt: null, notificationAt: null, finalReportAt: null } }, [], true],
  ])('%s', (_case, overrides, expectedKinds, documentOnly) => {
    const plan = planNotifications(input(overrides));
    expect(kinds(plan)).toEqual(expectedKinds);
    expect(plan.documentOnly).toBe(documentOnly);
  });

  it('DOMAIN.md §5: each client deadline is awareness + its agreement hours in elapsed hours, across the DST change', () => {
    const plan = planNotifications(input({ clients: [client('A', 24), client('B', 36), client('C', 48)] }));
    expect(plan.obligations.map((obligation) => obligation.deadline?.toISOString())).toEqual(['2026-03-29T09:00:00.000Z', '2026-03-29T21:00:00.000Z', '2026-03-30T09:00:00.000Z']);
  });

  it.each<[string, number, string]>([
    ['on time with more than the due-soon window left', 1, 'on_time'],
    ['due soon inside the window', 20, 'due_soon'],
    ['overdue after the deadline', 25, 'overdue'],
  ])('status of a 24-hour client notice: %s', (_case, hoursAfterAwareness, status) => {
    const plan = planNotifications(input({ clients: [client('A', 24)], now: new Date(aware.getTime() + hoursAfterAwareness * HOUR) }));
    expect(plan.obligations[0].status).toBe(status);
  });

  it('a notice sent after its deadline is done_late; all done makes the plan complete', () => {
    const plan = planNotifications(input({ clients: [client('A', 24, new Date(aware.getTime() + 30 * HOUR)), client('B', 48, new Date(aware.getTime() + 2 * HOUR))] }));
    expect(plan.obligations.map((obligation) => obligation.status)).toEqual(['done_late', 'done']);
    expect(plan.complete).toBe(true);
  });

  it('Art. 33(1): after 72 hours the AP obligation says the reasons for the delay are required', () => {
    const plan = planNotifications(input({ ownData: true, assessment: ownAssessment(newsletterFacts()), now: new Date(aware.getTime() + 73 * HOUR) }));
    expect(plan.obligations[0]).toMatchObject({ kind: 'authority', status: 'overdue' });
    expect(plan.obligations[0].reasons.join(' ')).toMatch(/reasons for the delay/);
  });

  it('DOMAIN.md §3: a staff override with a written reason replaces the outcome, and both are shown', () => {
    const plan = planNotifications(input({ ownData: true, assessment: ownAssessment(newsletterFacts()), override: { risk: 'unlikely', reason: 'Recipient is our auditor under NDA' } }));
    expect(plan.decision).toMatchObject({ risk: 'unlikely', source: 'override', notifyAuthority: false });
    expect(plan.decision.reasons[0]).toMatch(/auditor under NDA.*computed: "risk"/);
    expect(plan.documentOnly).toBe(true);
  });

  it('NIS2 Art. 23(4)(d): the final report is one calendar month after the incident notification was submitted', () => {
    const plan = planNotifications(input({ nis2: { entity: true, significant: true, earlyWarningAt: aware, notificationAt: new Date('2026-01-31T10:00:00Z'), finalReportAt: null } }));
    expect(plan.obligations.find((obligation) => obligation.kind === 'nis2_final_report')!.deadline!.toISOString()).toBe('2026-02-28T10:00:00.000Z');
  });

  it.each<[string, PlanInput['state'], boolean]>([
    ['before awareness there are no deadlines yet (EDPB 9/2022 §31–33)', 'investigating', false],
    ['not a breach: nothing to notify, kept in the register (Art. 33(5))', 'not_a_breach', true],
  ])('%s', (_case, state, documentOnly) => {
    const plan = planNotifications(input({ state, awareAt: null, clients: [client('A', 24)] }));
    expect(plan.obligations).toEqual([]);
    expect(plan.documentOnly).toBe(documentOnly);
  });
});
