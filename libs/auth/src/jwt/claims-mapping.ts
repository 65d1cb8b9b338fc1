import { Principal, Role } from '@verwerker/platform';

/** How the host control panel's claims translate into our roles (configuration, not code). */
export interface ClaimsMapping {
  roleClaim: string;
  clientIdClaim: string;
  /** Claim value → role. Values not listed are refused, so a new panel role never gains access by accident. */
  roleMap: Readonly<Record<string, Role>>;
}

export type ClaimsMappingResult = { principal: Principal } | { refused: string };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pure: verified JWT claims → principal, or the reason they grant nothing. */
export function principalFromClaims(claims: Record<string, unknown>, mapping: ClaimsMapping): ClaimsMappingResult {
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject.length === 0) return { refused: 'the token has no subject (sub)' };
  const raw = claims[mapping.roleClaim];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const roles = new Set(values.filter((value): value is string => typeof value === 'string').map((value) => mapping.roleMap[value]).filter(Boolean));
  if (roles.size === 0) return { refused: `claim "${mapping.roleClaim}" maps to no role` };
  // Two roles would make the grant depend on claim order; the panel must send one.
  if (roles.size > 1) return { refused: `claim "${mapping.roleClaim}" maps to more than one role` };
  const [role] = [...roles];
  let clientId: string | null = null;
  if (role === Role.Client) {
    const claimed = claims[mapping.clientIdClaim];
    if (typeof claimed !== 'string' || !UUID_PATTERN.test(claimed)) {
      return { refused: `a client token needs claim "${mapping.clientIdClaim}" with the client's id` };
    }
    clientId = claimed.toLowerCase();
  }
  const issuer = typeof claims.iss === 'string' ? claims.iss : 'panel';
  return { principal: { credentialId: `jwt:${issuer}:${subject}`, credentialKind: 'jwt', label: `jwt:${subject}`, role, clientId } };
}
