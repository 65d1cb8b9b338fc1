import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { VerwerkerConfig } from './configuration';

/**
 * The key that seals webhook secrets. Configured in production; for a zero-set-up start it is generated once
 * into a file beside the SQLite database (0600), so restarts can still open what was sealed.
 */
export function resolveSecretsKey(secrets: VerwerkerConfig['secrets']): Buffer {
  if (secrets.key) return Buffer.from(secrets.key, 'base64');
  if (existsSync(secrets.keyFile)) {
    const key = Buffer.from(readFileSync(secrets.keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${secrets.keyFile} does not hold a 32-byte base64 key`);
    return key;
  }
  const key = randomBytes(32);
  mkdirSync(dirname(secrets.keyFile), { recursive: true });
  writeFileSync(secrets.keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/**
 * The Ed25519 key that signs audit checkpoints. Configured in production; for a zero-set-up start it is
 * generated once into a file beside the database (0600). Losing it does not break the chain, but checkpoints
 * signed with it can then only be checked against the public key clients kept.
 */
export function resolveAuditSigningKey(audit: VerwerkerConfig['audit']): string {
  if (audit.signingKeyPem) return audit.signingKeyPem;
  if (existsSync(audit.signingKeyFile)) return readFileSync(audit.signingKeyFile, 'utf8');
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  mkdirSync(dirname(audit.signingKeyFile), { recursive: true });
  writeFileSync(audit.signingKeyFile, pem, { mode: 0o600, flag: 'wx' });
  return pem;
}
