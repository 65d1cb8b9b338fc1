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
