import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_METADATA, RequestWithPrincipal, ROLES_METADATA } from './access.decorators';
import { Principal, Role } from './principal';

/**
 * Authorisation only: whoever authenticated the request (our credential guard, or a host application's own)
 * put a principal on it. A route without @Roles and without @Public is closed: forgetting the decorator must
 * fail safe.
 */
export function authorize(reflector: Reflector, context: ExecutionContext, principal: Principal | undefined): true {
  const targets = [context.getHandler(), context.getClass()];
  if (reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;
  if (!principal) throw new UnauthorizedException('A valid API key or bearer token is required.');
  const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets);
  if (!roles || !roles.includes(principal.role)) {
    throw new ForbiddenException(`This route is not open to the role "${principal.role}".`);
  }
  return true;
}

export function isPublicRoute(reflector: Reflector, context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, [context.getHandler(), context.getClass()]) === true;
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    return authorize(this.reflector, context, context.switchToHttp().getRequest<RequestWithPrincipal>().principal);
  }
}
