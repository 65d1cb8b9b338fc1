import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { RequestOrigin } from './agreements.service';

/** Where a request came from, as evidence of an acceptance: the address Express resolved (see TRUST_PROXY) and the user agent. */
export const CurrentRequestOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): RequestOrigin => {
  const request = context.switchToHttp().getRequest<Request>();
  return { ip: request.ip ?? null, userAgent: request.header('user-agent') ?? null };
});
