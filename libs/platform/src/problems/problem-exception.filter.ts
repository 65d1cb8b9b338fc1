import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError } from './domain-error';
import { ProblemCode } from './problem-code';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto, problemTypeUri } from './problem-details';

const CODE_BY_STATUS: Record<number, ProblemCode> = {
  400: ProblemCode.ValidationFailed,
  401: ProblemCode.Unauthenticated,
  403: ProblemCode.Forbidden,
  404: ProblemCode.NotFound,
  409: ProblemCode.Conflict,
  413: ProblemCode.PayloadTooLarge,
  429: ProblemCode.TooManyFailedAuthentications,
};

/**
 * Every error leaves as RFC 9457 problem+json. Domain errors keep their code and field errors; Nest's own
 * HTTP exceptions keep their status; anything else is a 500 with an error id that is logged with the stack,
 * so the caller can report it without the response leaking internals.
 */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl?.split('?')[0];
    if (exception instanceof DomainError && exception.extensions?.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(exception.extensions.retryAfterSeconds));
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetailsDto {
    if (exception instanceof DomainError) {
      const { retryAfterSeconds: _ignored, ...extensions } = exception.extensions ?? {};
      return {
        type: problemTypeUri(exception.code),
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        code: exception.code,
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...extensions,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? ProblemCode.Internal : `http_${status}`);
      return {
        type: problemTypeUri(code),
        title: HttpStatus[status] ? humanise(HttpStatus[status]) : 'Error',
        status,
        detail: detailOf(exception),
        code,
      };
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, 'Unexpected error');
    return {
      type: problemTypeUri(ProblemCode.Internal),
      title: 'Internal server error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the errorId when reporting it.',
      code: ProblemCode.Internal,
      errorId,
    };
  }
}

function humanise(statusName: string): string {
  const words = statusName.toLowerCase().split('_');
  return words.map((word, index) => (index === 0 ? word[0].toUpperCase() + word.slice(1) : word)).join(' ');
}

function detailOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
