import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authorize, Clock, DomainError, isPublicRoute, Principal, ProblemCode, RequestWithPrincipal } from '@verwerker/platform';
import type { Request } from 'express';
import { isApiKeyToken } from './api-keys/api-key-token';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AUTH_MODULE_OPTIONS, AuthModuleOptions } from './auth.module-definition';
import { FailedAuthenticationThrottle } from './failed-authentication.throttle';
import { PanelJwtVerifier } from './jwt/panel-jwt.verifier';

class UnauthenticatedError extends DomainError {
  constructor(detail: string) {
    super(ProblemCode.Unauthenticated, 401, 'Unauthorized', detail);
  }
}

/**
 * Authenticates every request (API key in `X-API-Key` or `Authorization: Bearer`, or a panel JWT as bearer),
 * then authorises it against the route's @Roles. Failed attempts are counted per source address.
 */
@Injectable()
export class CredentialAuthenticationGuard implements CanActivate {
  private readonly throttle: FailedAuthenticationThrottle;
  private readonly jwtVerifier: PanelJwtVerifier | null;

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    clock: Clock,
    @Inject(AUTH_MODULE_OPTIONS) options: AuthModuleOptions,
  ) {
    this.throttle = new FailedAuthenticationThrottle(options.failedAuthentication, clock);
    this.jwtVerifier = options.panelJwt ? new PanelJwtVerifier(options.panelJwt, clock) : null;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || isPublicRoute(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    const token = presentedToken(request);
    if (token) request.principal = await this.authenticate(token, request.ip ?? 'unknown');
    return authorize(this.reflector, context, request.principal);
  }

  private async authenticate(token: string, address: string): Promise<Principal> {
    const retryAfterSeconds = this.throttle.retryAfterSeconds(address);
    if (retryAfterSeconds > 0) {
      throw new DomainError(
        ProblemCode.TooManyFailedAuthentications,
        429,
        'Too many failed authentications',
        `Too many failed authentication attempts from this address; retry in ${retryAfterSeconds} s.`,
        undefined,
        { retryAfterSeconds },
      );
    }
    if (isApiKeyToken(token)) {
      const principal = await this.apiKeys.authenticate(token);
      if (principal) return principal;
      this.throttle.recordFailure(address);
      throw new UnauthenticatedError('The API key is unknown, revoked or malformed.');
    }
    if (!this.jwtVerifier) {
      this.throttle.recordFailure(address);
      throw new UnauthenticatedError('Bearer tokens other than API keys are not accepted: no panel JWT key is configured.');
    }
    const verification = await this.jwtVerifier.verify(token);
    if ('principal' in verification) return verification.principal;
    this.throttle.recordFailure(address);
    throw new UnauthenticatedError(`The bearer token was refused: ${verification.refused}.`);
  }
}

function presentedToken(request: Request): string | null {
  const apiKey = request.header('x-api-key');
  if (apiKey) return apiKey.trim();
  const authorization = request.header('authorization');
  if (!authorization) return null;
  const [scheme, value] = authorization.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value.trim() : null;
}
