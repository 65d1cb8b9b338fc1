import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../problems/problem-details';
import { Principal, Role } from './principal';

export const ROLES_METADATA = 'verwerker:roles';
export const PUBLIC_METADATA = 'verwerker:public';
export const API_KEY_SECURITY = 'api-key';
export const PANEL_JWT_SECURITY = 'panel-jwt';

/** Where the authentication guard leaves the caller on the request. */
export interface RequestWithPrincipal {
  principal?: Principal;
}

/** The roles allowed on a route (or a whole controller), documented in OpenAPI at the same time. */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_METADATA, roles),
    ApiSecurity(API_KEY_SECURITY),
    ApiBearerAuth(PANEL_JWT_SECURITY),
    ApiUnauthorizedResponse({ description: 'No or invalid credential.', type: ProblemDetailsDto }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}.`, type: ProblemDetailsDto }),
  );
}

/** A route anyone may call (health, public registers). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_METADATA, true);

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
