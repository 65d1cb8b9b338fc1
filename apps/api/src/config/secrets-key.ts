import { randomBytes } from 'node:crypto';
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
