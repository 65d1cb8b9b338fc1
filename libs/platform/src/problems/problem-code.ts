/** Stable, documented error codes: the `code` member of every problem+json answer. */
export enum ProblemCode {
  ValidationFailed = 'validation_failed',
  NotFound = 'not_found',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  Conflict = 'conflict',
  TooManyFailedAuthentications = 'too_many_failed_authentications',
  IdempotencyKeyReused = 'idempotency_key_reused',
  IdempotencyRequestInProgress = 'idempotency_request_in_progress',
  InvalidCursor = 'invalid_cursor',
  InvalidState = 'invalid_state',
  PayloadTooLarge = 'payload_too_large',
  Internal = 'internal_error',
}
