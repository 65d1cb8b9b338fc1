import { smtpVerdict, stateAfterFailure, webhookVerdict } from './delivery-outcome';

describe('webhookVerdict (Standard Webhooks retry semantics)', () => {
  it.each<[number, string]>([
    [200, 'delivered'],
    [202, 'delivered'],
    [204, 'delivered'],
    [299, 'delivered'],
    // 410 Gone: the receiver disabled the endpoint; stop
    [410, 'permanent'],
    // server errors and throttling: retry
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry'],
    [429, 'retry'],
    [408, 'retry'],
    // other client errors are usually temporary misconfiguration: retry until attempts run out
    [400, 'retry'],
    [401, 'retry'],
    [404, 'retry'],
    // redirects are not followed (a signed body must go where it was configured)
    [301, 'retry'],
  ])('HTTP %i → %s', (status, kind) => {
    expect(webhookVerdict(status).kind).toBe(kind);
  });
});

describe('smtpVerdict (RFC 5321 reply codes)', () => {
  it.each<[string, { responseCode?: number; command?: string }, string]>([
    ['connection refused', { command: 'CONN' }, 'retry'],
    ['a timeout', {}, 'retry'],
    ['mailbox busy (450) on RCPT', { responseCode: 450, command: 'RCPT TO' }, 'retry'],
    ['greylisting (451)', { responseCode: 451, command: 'RCPT TO' }, 'retry'],
    ['unknown mailbox (550) on RCPT', { responseCode: 550, command: 'RCPT TO' }, 'permanent'],
    ['bad address syntax (553) on RCPT', { responseCode: 553, command: 'RCPT TO' }, 'permanent'],
    ['a refused login (535): our configuration, fixable', { responseCode: 535, command: 'AUTH PLAIN' }, 'retry'],
    ['message refused at DATA (554)', { responseCode: 554, command: 'DATA' }, 'retry'],
  ])('%s → %s', (_case, failure, kind) => {
    expect(smtpVerdict({ message: 'x', ...failure }).kind).toBe(kind);
  });

  it('names the code and the command in the reason', () => {
    expect(smtpVerdict({ responseCode: 550, command: 'RCPT TO', message: 'no such user' })).toEqual({
      kind: 'permanent',
      reason: 'SMTP 550 on RCPT TO: no such user',
    });
  });
});

describe('stateAfterFailure', () => {
  it.each<[string, number, number, string]>([
    ['retry', 1, 5, 'failed'],
    ['retry', 4, 5, 'failed'],
    ['retry', 5, 5, 'dead'],
    ['retry', 6, 5, 'dead'],
    ['permanent', 1, 5, 'dead'],
  ])('a %s verdict after attempt %i of %i → %s', (kind, attempts, max, expected) => {
    expect(stateAfterFailure({ kind: kind as 'retry', reason: 'x' }, attempts, max)).toBe(expected);
  });
});
