import type { AgreementTerms } from './agreement-terms';
import { findComplianceGaps, GapClient, GapVersion } from './compliance-gaps';

const complete: AgreementTerms = {
  subjectMatter: 'Hosting',
  duration: { kind: 'service_term' },
  natureAndPurpose: 'Storage',
  dataCategories: ['contact details'],
  dataSubjectCategories: ['customers'],
  controllerObligationsAndRights: 'Instructions',
  instructionsClause: true,
  confidentialityClause: true,
  measuresAnnex: [{ category: 'backup', description: 'daily' }],
  subprocessorAuthorisation: 'general',
  objectionPeriodDays: 30,
  assistDataSubjectRights: true,
  assistArticles32to36: true,
  breachNoticeHours: 24,
  endOfService: 'delete',
  auditArrangements: 'ISO 27001',
  infringingInstructionNotice: true,
};

const now = new Date('2026-06-15T10:00:00Z');
const client: GapClient = { id: 'c1', legalName: 'Bakkerij', status: 'active' };
const aVersion = (overrides: Partial<GapVersion>): GapVersion => ({
  agreementId: 'a1',
  clientId: 'c1',
  number: 1,
  status: 'draft',
  terms: complete,
  sentAt: null,
  acceptedAt: null,
  supersededAt: null,
  terminatedAt: null,
  endOfServiceDueOn: null,
  endOfServiceCompletedAt: null,
  ...overrides,
});
const gapsOf = (versions: GapVersion[], clients = [client]) =>
  findComplianceGaps({ clients, versions, now, today: '2026-06-15', reminderAfterDays: 14 }).map((gap) => gap.kind);

describe('findComplianceGaps (DOMAIN §1, Art. 28)', () => {
  it.each<[string, GapVersion[], string[]]>([
    ['an active client without any agreement (Art. 28(3): processing governed by a contract)', [], ['no_agreement_in_force']],
    ['an accepted complete version: nothing to do', [aVersion({ status: 'accepted', acceptedAt: new Date('2026-01-01') })], []],
    ['only a complete draft', [aVersion({})], ['no_agreement_in_force']],
    ['an incomplete draft (Art. 28(3) items missing)', [aVersion({ terms: {} })], ['no_agreement_in_force', 'incomplete_terms']],
    [
      'a version sent and waiting',
      [aVersion({ status: 'sent', sentAt: new Date('2026-06-10') })],
      ['no_agreement_in_force', 'awaiting_acceptance'],
    ],
    [
      'a forced incomplete version in force',
      [aVersion({ status: 'accepted', acceptedAt: new Date('2026-01-01'), terms: { ...complete, auditArrangements: undefined } })],
      ['incomplete_terms'],
    ],
    [
      'a termination past its due date, not done (Art. 28(3)(g))',
      [aVersion({ status: 'terminated', acceptedAt: new Date('2026-01-01'), terminatedAt: new Date('2026-05-01'), endOfServiceDueOn: '2026-06-14' })],
      ['no_agreement_in_force', 'end_of_service_overdue'],
    ],
    [
      'a termination due today is not yet overdue',
      [aVersion({ status: 'terminated', acceptedAt: new Date('2026-01-01'), terminatedAt: new Date('2026-05-01'), endOfServiceDueOn: '2026-06-15' })],
      ['no_agreement_in_force'],
    ],
    [
      'a termination confirmed done',
      [
        aVersion({
          status: 'terminated',
          acceptedAt: new Date('2026-01-01'),
          terminatedAt: new Date('2026-05-01'),
          endOfServiceDueOn: '2026-06-01',
          endOfServiceCompletedAt: new Date('2026-05-20'),
        }),
      ],
      ['no_agreement_in_force'],
    ],
  ])('%s', (_case, versions, expected) => {
    expect(gapsOf(versions)).toEqual(expected);
  });

  it('does not ask an ended client for a new agreement', () => {
    expect(gapsOf([], [{ ...client, status: 'ended' }])).toEqual([]);
  });

  it('names the missing items and marks a long wait as overdue', () => {
    const [incomplete] = findComplianceGaps({ clients: [client], versions: [aVersion({ terms: { ...complete, endOfService: undefined } })], now, today: '2026-06-15', reminderAfterDays: 14 }).filter(
      (gap) => gap.kind === 'incomplete_terms',
    );
    expect(incomplete.missing).toEqual(['g_end_of_service']);
    const [waiting] = findComplianceGaps({ clients: [client], versions: [aVersion({ status: 'sent', sentAt: new Date('2026-05-01') })], now, today: '2026-06-15', reminderAfterDays: 14 }).filter(
      (gap) => gap.kind === 'awaiting_acceptance',
    );
    expect(waiting.overdue).toBe(true);
  });
});
