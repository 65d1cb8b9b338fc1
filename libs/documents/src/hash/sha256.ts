import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256, the form a document's hash is stored, printed and re-verified in. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
