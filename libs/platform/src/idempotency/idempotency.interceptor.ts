import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, SetMetadata, applyDecorators } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { Observable, catchError, concatMap, from, of, switchMap } from 'rxjs';
import { canonicalJson } from '../json/canonical-json';
import { RequestWithPrincipal } from '../principal/access.decorators';
import { ValidationError } from '../problems/domain-error';
import { ProblemDetailsDto } from '../problems/problem-details';
import { IdempotencyStore } from './idempotency.store';

const IDEMPOTENT_METADATA = 'verwerker:idempotent';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export interface IdempotentOptions {
  /**
   * Top-level response fields holding a secret shown once (an API key, a webhook secret). They are not kept
   * for replay: the database must never hold them in plaintext, so a replay answers them as null.
   */
  secretFields?: string[];
}

/** Marks a create route: a repeat with the same Idempotency-Key and credential returns the first answer. */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_METADATA, options),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Any unique string (≤ 255 characters). A repeat with the same key returns the first result and writes nothing.',
    }),
    ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used before with a different body.', type: ProblemDetailsDto }),
  );
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT_METADATA, context.getHandler());
    if (context.getType() !== 'http' || !options) return next.handle();
    const request = context.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    const key = request.header(IDEMPOTENCY_HEADER);
    if (key === undefined || !request.principal) return next.handle();
    if (key.length === 0 || key.length > 255) {
      throw new ValidationError([{ field: 'Idempotency-Key', messages: ['Idempotency-Key must be 1 to 255 characters'] }]);
    }
    const response = context.switchToHttp().getResponse<Response>();
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.baseUrl}${request.path}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);

    return from(this.store.begin(request.principal.credentialId, key, fingerprint)).pipe(
      switchMap((outcome) => {
        if (outcome.kind === 'replay') {
          response.setHeader('Idempotent-Replayed', 'true');
          return of(outcome.body);
        }
        return next.handle().pipe(
          concatMap(async (body: unknown) => {
            await this.store.complete(outcome.recordId, status, withoutSecrets(body, options.secretFields ?? []));
            return body;
          }),
          catchError(async (error: unknown) => {
            await this.store.abandon(outcome.recordId);
            throw error;
          }),
        );
      }),
    );
  }
}

function withoutSecrets(body: unknown, secretFields: string[]): unknown {
  if (secretFields.length === 0 || body === null || typeof body !== 'object') return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of secretFields) if (field in copy) copy[field] = null;
  return copy;
}
