import { generateKeyPairSync } from 'node:crypto';
import { CheckpointSigningKey, verifyCheckpointSignature } from './checkpoint-signature';

const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('checkpoint signatures', () => {
  const sut = CheckpointSigningKey.fromPem(pem());
  const statement = { stream: 'access' as const, size: 42, headHash: 'ab'.repeat(32), createdAt: new Date('2026-11-22T03:00:00Z') };

  it('verifies with the public key what the private key signed', () => {
    expect(verifyCheckpointSignature(statement, sut.sign(statement), sut.publicKey)).toBe(true);
  });

  it.each([
    ['size', { ...statement, size: 41 }],
    ['head hash', { ...statement, headHash: 'cd'.repeat(32) }],
    ['time', { ...statement, createdAt: new Date('2026-11-22T03:00:01Z') }],
    ['stream', { ...statement, stream: 'change' as const }],
  ])('fails when the %s differs from what was signed', (_field, changed) => {
    expect(verifyCheckpointSignature(changed, sut.sign(statement), sut.publicKey)).toBe(false);
  });

  it('fails with another key', () => {
    expect(verifyCheckpointSignature(statement, sut.sign(statement), CheckpointSigningKey.fromPem(pem()).publicKey)).toBe(false);
  });

  it('refuses a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => CheckpointSigningKey.fromPem(rsa)).toThrow(/Ed25519/);
  });

  it('has a stable key id derived from the public key', () => {
    const key = pem();
    expect(CheckpointSigningKey.fromPem(key).keyId).toBe(CheckpointSigningKey.fromPem(key).keyId);
    expect(sut.keyId).toMatch(/^[0-9a-f]{16}$/);
  });
});
