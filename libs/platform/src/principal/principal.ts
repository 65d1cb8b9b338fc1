/** Who may do what. `client` credentials are bound to one client (the controller) and see only its rows. */
export enum Role {
  Admin = 'admin',
  Staff = 'staff',
  Dpo = 'dpo',
  Client = 'client',
  Ingest = 'ingest',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** The authenticated caller, whatever the credential: an API key of ours or a control-panel JWT. */
export interface Principal {
  /** Stable id of the credential: an API key id, or `jwt:<issuer>:<subject>`. Scopes idempotency keys. */
  readonly credentialId: string;
  readonly credentialKind: 'api_key' | 'jwt';
  /** A human-readable reference for the change trail (key prefix or JWT subject), never a secret. */
  readonly label: string;
  readonly role: Role;
  /** Set exactly when role is `client`. */
  readonly clientId: string | null;
}

/**
 * What a query may see. Repositories take one on every read of client data, so an unscoped read of a
 * client's rows does not type-check; a `client` principal can only ever produce the client scope.
 */
export type TenantScope = { readonly kind: 'processor' } | { readonly kind: 'client'; readonly clientId: string };

export const PROCESSOR_SCOPE: TenantScope = Object.freeze({ kind: 'processor' });

export function scopeOf(principal: Principal): TenantScope {
  if (principal.role === Role.Client) {
    if (!principal.clientId) throw new Error('A client principal without a client id cannot be scoped');
    return { kind: 'client', clientId: principal.clientId };
  }
  return PROCESSOR_SCOPE;
}
