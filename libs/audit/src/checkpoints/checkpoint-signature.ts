import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { AuditStream } from '../chain/chain-hash';

/** A signed statement "stream S had N entries with head hash H at time T", which clients can keep. */
export interface CheckpointStatement {
  stream: AuditStream;
  size: number;
  headHash: string;
  createdAt: Date;
}

export function checkpointMessage(statement: CheckpointStatement): string {
  return ['verwerker-audit-checkpoint/v1', statement.stream, statement.size, statement.headHash, statement.createdAt.toISOString()].join('\n');
}

/** Ed25519 key pair from a PKCS#8 PEM private key; the key id is the start of the public key's SHA-256. */
export class CheckpointSigningKey {
  readonly publicKey: KeyObject;
  readonly keyId: string;

  private constructor(private readonly privateKey: KeyObject) {
    this.publicKey = createPublicKey(privateKey);
    this.keyId = createHash('sha256').update(this.publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  }

  static fromPem(pem: string): CheckpointSigningKey {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('The audit signing key must be an Ed25519 private key (PKCS#8 PEM)');
    return new CheckpointSigningKey(key);
  }

  get publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  sign(statement: CheckpointStatement): string {
    return sign(null, Buffer.from(checkpointMessage(statement)), this.privateKey).toString('base64');
  }
}

export function verifyCheckpointSignature(statement: CheckpointStatement, signatureBase64: string, publicKey: KeyObject): boolean {
  return verify(null, Buffer.from(checkpointMessage(statement)), publicKey, Buffer.from(signatureBase64, 'base64'));
}
