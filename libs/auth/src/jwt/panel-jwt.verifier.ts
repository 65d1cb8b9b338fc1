import { Clock, Principal } from '@verwerker/platform';
import { createPublicKey, KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { ClaimsMapping, principalFromClaims } from './claims-mapping';

export interface PanelJwtOptions extends ClaimsMapping {
  /** The control panel's JWKS endpoint; or */
  jwksUrl?: string;
  /** its public key (PEM, SPKI). */
  publicKeyPem?: string;
  issuer?: string;
  audience?: string;
  /** Accepted algorithms; asymmetric only, so this API never holds a key that could mint tokens. */
  algorithms: string[];
  clockToleranceSeconds: number;
}

export type JwtVerification = { principal: Principal } | { refused: string };

/** Verifies bearer JWTs from the host control panel and maps their claims to a principal. */
export class PanelJwtVerifier {
  private readonly key: KeyObject | JWTVerifyGetKey;

  constructor(
    private readonly options: PanelJwtOptions,
    private readonly clock: Clock,
  ) {
    if (options.jwksUrl) this.key = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.publicKeyPem) this.key = createPublicKey(options.publicKeyPem);
    else throw new Error('Panel JWT verification needs a JWKS URL or a public key');
  }

  async verify(token: string): Promise<JwtVerification> {
    try {
      const verifyOptions = {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.options.algorithms,
        clockTolerance: this.options.clockToleranceSeconds,
        currentDate: this.clock.now(),
        requiredClaims: ['exp', 'sub'],
      };
      const { payload } =
        typeof this.key === 'function' ? await jwtVerify(token, this.key, verifyOptions) : await jwtVerify(token, this.key, verifyOptions);
      return principalFromClaims(payload as Record<string, unknown>, this.options);
    } catch (error) {
      return { refused: (error as { code?: string }).code ?? 'invalid token' };
    }
  }
}
