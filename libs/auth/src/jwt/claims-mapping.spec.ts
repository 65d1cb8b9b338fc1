import { Role } from '@verwerker/platform';
import { ClaimsMapping, principalFromClaims } from './claims-mapping';

const mapping: ClaimsMapping = {
  roleClaim: 'role',
  clientIdClaim: 'client_id',
  roleMap: { support: Role.Staff, 'privacy-officer': Role.Dpo, customer: Role.Client, admin: Role.Admin },
};
const CLIENT_ID = '0b8f7a52-6f0e-4c43-9d3b-3a1c2e4f5a6b';

describe('principalFromClaims', () => {
  it.each<[string, Record<string, unknown>, Role | null, string | null]>([
    ['maps a panel role to ours', { sub: 'u1', role: 'support' }, Role.Staff, null],
    ['binds a customer token to its client', { sub: 'u2', role: 'customer', client_id: CLIENT_ID }, Role.Client, CLIENT_ID],
    ['takes the one mapped role from a list', { sub: 'u3', role: ['viewer', 'privacy-officer'] }, Role.Dpo, null],
    ['ignores a client id on a staff token', { sub: 'u4', role: 'support', client_id: CLIENT_ID }, Role.Staff, null],
  ])('%s', (_case, claims, role, clientId) => {
    const result = principalFromClaims(claims, mapping);
    expect(result).toEqual({ principal: expect.objectContaining({ role, clientId, credentialKind: 'jwt' }) });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no subject', { role: 'support' }, /subject/],
    ['an unmapped role', { sub: 'u', role: 'viewer' }, /maps to no role/],
    ['no role claim at all', { sub: 'u' }, /maps to no role/],
    ['two roles at once', { sub: 'u', role: ['support', 'admin'] }, /more than one role/],
    ['a customer token without client id', { sub: 'u', role: 'customer' }, /client_id/],
    ['a customer token with a malformed client id', { sub: 'u', role: 'customer', client_id: '42' }, /client_id/],
  ])('refuses %s', (_case, claims, reason) => {
    const result = principalFromClaims(claims, mapping);
    expect('refused' in result && result.refused).toMatch(reason);
  });

  it('keys idempotency and the trail to issuer and subject', () => {
    const result = principalFromClaims({ iss: 'https://panel.example', sub: 'u1', role: 'support' }, mapping);
    expect('principal' in result && result.principal.credentialId).toBe('jwt:https://panel.example:u1');
  });
});
