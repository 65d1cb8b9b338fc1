/**
 * What one attempt means for a delivery. `retry`: try again after the backoff (until the attempts run out);
 * `permanent`: trying again cannot help, the delivery is dead at once.
 */
export type AttemptVerdict =
  | { kind: 'delivered' }
  | { kind: 'retry'; reason: string }
  | { kind: 'permanent'; reason: string };

/**
 * A webhook answer by HTTP status (Standard Webhooks, "Retries"): 2xx is delivered; 410 Gone means the
 * receiver asks us to stop sending to that endpoint; everything else — 5xx, 429, 408, and other 4xx, which
 * are usually a receiver being deployed or misconfigured for a while — is retried with backoff.
 */
export function webhookVerdict(status: number): AttemptVerdict {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'permanent', reason: 'HTTP 410 Gone: the receiver asked to stop deliveries to this endpoint' };
  return { kind: 'retry', reason: `HTTP ${status}` };
}

export interface SmtpFailure {
  /** The SMTP reply code, when the server answered (RFC 5321 §4.2). */
  responseCode?: number;
  /** The command that failed, as nodemailer reports it (`RCPT TO`, `DATA`, `CONN`, …). */
  command?: string;
  message: string;
}

/**
 * An SMTP failure. A 5xx answer to RCPT TO is permanent for that mailbox (RFC 5321 §4.2.1: "permanent
 * negative completion"): retrying the same address cannot succeed. Every other failure — no connection,
 * timeouts, 4xx, and 5xx on other commands (a rejected login is a configuration error that someone will fix)
 * — is retried.
 */
export function smtpVerdict(failure: SmtpFailure): AttemptVerdict {
  const code = failure.responseCode;
  const reason = code ? `SMTP ${code}${failure.command ? ` on ${failure.command}` : ''}: ${failure.message}` : failure.message;
  if (code !== undefined && code >= 500 && code < 600 && failure.command?.toUpperCase() === 'RCPT TO') {
    return { kind: 'permanent', reason };
  }
  return { kind: 'retry', reason };
}

export type StateAfterFailure = 'failed' | 'dead';

/** A failed attempt leaves the delivery failed (due again after the backoff) or dead (a person must act). */
export function stateAfterFailure(verdict: Exclude<AttemptVerdict, { kind: 'delivered' }>, attempts: number, maxAttempts: number): StateAfterFailure {
  if (verdict.kind === 'permanent') return 'dead';
  return attempts >= maxAttempts ? 'dead' : 'failed';
}
