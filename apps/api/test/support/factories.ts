let sequence = 0;

/** A valid client registration; override any field. */
export function aClient(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    legalName: `Bakkerij de Vries ${sequence} B.V.`,
    kvkNumber: String(27000000 + sequence),
    country: 'NL',
    language: 'nl',
    privacyContact: { name: 'Marieke de Vries', email: `privacy${sequence}@bakkerij.example` },
    noticeRecipients: [`privacy${sequence}@bakkerij.example`],
    ...overrides,
  };
}

let eventSequence = 0;

/** A valid access entry for the control panel's log feed; override any field. */
export function anAccessEntry(clientId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  eventSequence += 1;
  return {
    externalEventId: `panel-evt-${eventSequence}-${Math.random().toString(36).slice(2, 8)}`,
    clientId,
    staffMember: { id: 'emp-0042', displayName: 'Jan Jansen' },
    system: 'www.bakkerij.example (WordPress admin)',
    action: 'login',
    // Friday 20 November 2026, 10:15 Amsterdam: inside office hours.
    startedAt: '2026-11-20T10:15:00+01:00',
    endedAt: '2026-11-20T10:40:00+01:00',
    reason: 'TICKET-4711',
    sourceIp: '203.0.113.24',
    sessionId: 'sess-1',
    ...overrides,
  };
}
