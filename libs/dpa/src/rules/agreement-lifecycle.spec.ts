import { acceptanceOverdue, isDue, isInForceAt, isPastDue, transition, VersionAction, VersionStatus } from './agreement-lifecycle';

describe('transition (DOMAIN §1: draft → sent → accepted → superseded | terminated)', () => {
  it.each<[VersionStatus, VersionAction, VersionStatus | null, string]>([
    ['draft', 'edit', 'draft', 'a draft is still being written'],
    ['sent', 'edit', null, 'a sent version is immutable: a change makes a new version'],
    ['accepted', 'edit', null, 'an accepted version is evidence of what was agreed (Art. 28(9) in writing)'],
    ['draft', 'send', 'sent', 'sending offers the draft to the client'],
    ['sent', 'send', null, 'a version is sent once'],
    ['sent', 'accept', 'accepted', 'the client accepts what it was sent'],
    ['draft', 'accept', null, 'a client cannot accept what it was never sent'],
    ['withdrawn', 'accept', null, 'a version replaced before acceptance cannot be accepted'],
    ['accepted', 'supersede', 'superseded', 'a newer accepted version replaces the one in force'],
    ['sent', 'supersede', null, 'only the version in force is superseded'],
    ['sent', 'withdraw', 'withdrawn', 'a newer version sent replaces an unanswered one'],
    ['accepted', 'terminate', 'terminated', 'ending the service terminates the agreement in force (Art. 28(3)(g))'],
    ['draft', 'terminate', null, 'a draft was never in force'],
    ['terminated', 'terminate', null, 'a termination happens once'],
  ])('%s + %s → %s (%s)', (status, action, expected) => {
    const sut = transition(status, action);

    if (expected === null) {
      expect(sut.allowed).toBe(false);
      expect(sut).toHaveProperty('reason', expect.stringContaining(status));
    } else {
      expect(sut).toEqual({ allowed: true, next: expected });
    }
  });
});

describe('isInForceAt', () => {
  const at = (iso: string) => new Date(iso);
  const version = (acceptedAt: string | null, supersededAt: string | null = null, terminatedAt: string | null = null) => ({
    acceptedAt: acceptedAt ? at(acceptedAt) : null,
    supersededAt: supersededAt ? at(supersededAt) : null,
    terminatedAt: terminatedAt ? at(terminatedAt) : null,
  });

  it.each<[string, ReturnType<typeof version>, string, boolean]>([
    ['never accepted', version(null), '2026-06-01T00:00:00Z', false],
    ['before acceptance', version('2026-05-01T10:00:00Z'), '2026-05-01T09:59:59Z', false],
    ['at the moment of acceptance', version('2026-05-01T10:00:00Z'), '2026-05-01T10:00:00Z', true],
    ['accepted and nothing since', version('2026-05-01T10:00:00Z'), '2030-01-01T00:00:00Z', true],
    ['before it was superseded', version('2026-05-01T10:00:00Z', '2026-07-01T00:00:00Z'), '2026-06-30T23:59:59Z', true],
    ['from the moment it was superseded (end exclusive)', version('2026-05-01T10:00:00Z', '2026-07-01T00:00:00Z'), '2026-07-01T00:00:00Z', false],
    ['after termination', version('2026-05-01T10:00:00Z', null, '2026-08-01T00:00:00Z'), '2026-08-02T00:00:00Z', false],
  ])('%s → %s', (_case, sut, moment, expected) => {
    expect(isInForceAt(sut, at(moment))).toBe(expected);
  });
});

describe('reminder thresholds', () => {
  it.each<[string, string, number, boolean]>([
    ['2026-01-01T10:00:00Z', '2026-01-15T09:59:59Z', 14, false],
    ['2026-01-01T10:00:00Z', '2026-01-15T10:00:00Z', 14, true],
  ])('sent %s, now %s, after %d days → overdue %s', (sentAt, now, days, expected) => {
    expect(acceptanceOverdue(new Date(sentAt), new Date(now), days)).toBe(expected);
  });

  it.each<[string, string, boolean, boolean]>([
    ['2026-03-01', '2026-02-28', false, false],
    ['2026-03-01', '2026-03-01', true, false],
    ['2026-03-01', '2026-03-02', true, true],
  ])('end of service due %s, today %s → due %s, past due %s (Art. 28(3)(g))', (dueOn, today, due, pastDue) => {
    expect(isDue(dueOn, today)).toBe(due);
    expect(isPastDue(dueOn, today)).toBe(pastDue);
  });
});
