import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Agent as HttpAgent, IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { webhookVerdict } from '../rules/delivery-outcome';
import { NOTICES_MODULE_OPTIONS, NoticesModuleOptions } from '../notices.module-definition';
import { ChannelResult } from './email.channel';

export interface OutgoingWebhook {
  url: string;
  /** The client's Standard Webhooks secret (`whsec_…`). */
  secret: string;
  /** The webhook-id: the same on every attempt. */
  messageId: string;
  body: string;
}

/** How much of the receiver's answer is kept as the server response. */
const ANSWER_CHARACTERS = 500;

/**
 * Idle connections are closed after this long: below the 5 s keep-alive of common servers (Node's default),
 * so a request rarely goes out on a connection the receiver is just closing. Node also honours a shorter
 * `Keep-Alive: timeout=…` that the receiver announces.
 */
const IDLE_CONNECTION_MS = 4_000;

class WebhookTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Webhooks as an HTTPS POST of JSON, signed by the Standard Webhooks scheme: `webhook-id`,
 * `webhook-timestamp`, and `webhook-signature` = v1,base64(HMAC-SHA256(secret, "id.timestamp.body")).
 *
 * Sent with node:http over keep-alive agents rather than fetch: the same kept-open connections, at a
 * fraction of the CPU per request (fetch builds WHATWG streams, a Request and an AbortSignal each time),
 * which is what bounded a worker's delivery rate.
 */
@Injectable()
export class WebhookChannel implements OnApplicationShutdown {
  private readonly httpAgent = new HttpAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS });

  constructor(@Inject(NOTICES_MODULE_OPTIONS) private readonly options: NoticesModuleOptions) {}

  async send(webhook: OutgoingWebhook): Promise<ChannelResult> {
    // The timestamp is wall-clock time on purpose, not the injected domain clock: receivers reject signatures
    // more than a few minutes from their own clock (replay protection), so it must be the real sending time.
    const sentAt = new Date();
    const signature = new Webhook(webhook.secret).sign(webhook.messageId, sentAt, webhook.body);
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(webhook.body)),
      'user-agent': 'verwerker-notices/1',
      'webhook-id': webhook.messageId,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signature,
    };
    try {
      const { status, answer } = await this.post(new URL(webhook.url), headers, webhook.body);
      return { verdict: webhookVerdict(status), response: `HTTP ${status}${answer ? ` ${answer}` : ''}` };
    } catch (error) {
      const failure = error as { code?: string; message?: string };
      const reason = error instanceof WebhookTimeoutError ? error.message : [failure.code, failure.message].filter(Boolean).join(': ') || String(error);
      return { verdict: { kind: 'retry', reason }, response: reason };
    }
  }

  onApplicationShutdown(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /**
   * One POST within the webhook timeout (connecting, sending and the whole answer). Redirects are not
   * followed: they would send the signed personal data somewhere the client did not configure.
   */
  private post(url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; answer: string }> {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return Promise.reject(new Error(`unsupported webhook URL scheme ${url.protocol}`));
    const secure = url.protocol === 'https:';
    const timeoutMs = this.options.dispatcher.webhookTimeoutMs;
    return new Promise((resolve, reject) => {
      let timeout: WebhookTimeoutError | null = null;
      // Whatever error the cut connection surfaces as, a timed-out request fails as the timeout.
      const fail = (error: unknown) => reject(timeout ?? error);
      const request = (secure ? httpsRequest : httpRequest)(url, { method: 'POST', headers, agent: secure ? this.httpsAgent : this.httpAgent }, (response) => {
        readAnswer(response).then((answer) => resolve({ status: response.statusCode ?? 0, answer }), fail);
      });
      const timer = setTimeout(() => {
        timeout = new WebhookTimeoutError(timeoutMs);
        request.destroy(timeout);
      }, timeoutMs);
      request.once('close', () => clearTimeout(timer));
      request.once('error', fail);
      request.end(body);
    });
  }
}

/** Reads the whole answer, so the connection can be reused, and keeps only its start. */
function readAnswer(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      if (answer.length < ANSWER_CHARACTERS) answer += chunk;
    });
    response.once('end', () => resolve(answer.slice(0, ANSWER_CHARACTERS)));
    response.once('error', reject);
    // Cut off mid-answer (the timeout destroyed the request): `end` never comes.
    response.once('close', () => {
      if (!response.complete) reject(response.errored ?? new Error('the connection closed before the answer was complete'));
    });
  });
}
