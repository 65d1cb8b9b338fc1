import { EntityManager } from 'typeorm';
import { Principal } from '../principal/principal';

/** Who made a change that no credential asked for: first-start bootstrap, demo data, a scheduled job. */
export interface SystemActor {
  readonly credentialKind: 'system';
  readonly credentialId: null;
  readonly label: string;
  readonly role: 'system';
  readonly clientId: null;
}

export type ChangeActor = Principal | SystemActor;

export function systemActor(label: string): SystemActor {
  return { credentialKind: 'system', credentialId: null, label, role: 'system', clientId: null };
}

/** One state change for the change trail: who, with which credential, what, and a before/after without secrets. */
export interface ChangeRecord {
  actor: ChangeActor;
  /** `<subject>.<verb>`, e.g. `client.created`, `api_key.revoked`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** The client (tenant) the change concerns, so that client can read it; null for processor-side records. */
  clientId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Writes the change trail inside the caller's transaction, so a change without its trail entry cannot exist.
 * Defined here so every lib can record changes without depending on the audit lib; `@verwerker/audit`
 * provides the implementation (a hash-chained, append-only log).
 */
export abstract class ChangeRecorder {
  abstract record(manager: EntityManager, change: ChangeRecord): Promise<void>;
}
