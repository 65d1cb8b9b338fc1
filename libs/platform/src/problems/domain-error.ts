import { ProblemCode } from './problem-code';

/** One bad input field: `field` is a dotted path into the request (`noticeRecipients.1`). */
export interface FieldError {
  field: string;
  messages: string[];
}

/**
 * A failure the caller can act on. Services throw these; the one exception filter turns them into
 * RFC 9457 problem+json. Nothing here knows about HTTP beyond the status number.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ProblemCode | string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(resource: string, id?: string) {
    super(ProblemCode.NotFound, 404, 'Not found', id ? `${resource} ${id} does not exist.` : `${resource} does not exist.`);
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldError[], detail = 'The request has invalid fields.') {
    super(ProblemCode.ValidationFailed, 400, 'Invalid request', detail, errors);
  }
}

export class ConflictError extends DomainError {
  constructor(detail: string, code: ProblemCode | string = ProblemCode.Conflict) {
    super(code, 409, 'Conflict', detail);
  }
}

export class InvalidStateError extends DomainError {
  constructor(detail: string) {
    super(ProblemCode.InvalidState, 409, 'Not allowed in the current state', detail);
  }
}

/** A pagination cursor this API did not hand out (or one tampered with). */
export class InvalidCursorError extends DomainError {
  constructor() {
    super(ProblemCode.InvalidCursor, 400, 'Invalid cursor', 'cursor is not a cursor this API returned.', [
      { field: 'cursor', messages: ['cursor is not a cursor this API returned'] },
    ]);
  }
}
