import { Principal, PROCESSOR_SCOPE, Role, scopeOf } from './principal';

const principal = (role: Role, clientId: string | null = null): Principal => ({
  credentialId: 'k1',
  credentialKind: 'api_key',
  label: 'vw_test',
  role,
  clientId,
});

describe('scopeOf', () => {
  it('binds a client credential to its own client', () => {
    expect(scopeOf(principal(Role.Client, 'c-1'))).toEqual({ kind: 'client', clientId: 'c-1' });
  });

  it.each([Role.Admin, Role.Staff, Role.Dpo, Role.Ingest])('gives %s the processor scope', (role) => {
    expect(scopeOf(principal(role))).toBe(PROCESSOR_SCOPE);
  });

  it('refuses a client credential without a client id rather than widening it', () => {
    expect(() => scopeOf(principal(Role.Client, null))).toThrow(/without a client id/);
  });
});
