import { Inject, Injectable } from '@nestjs/common';
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

/**
 * Webhooks as an HTTPS POST of JSON, signed by the Standard Webhooks scheme: `webhook-id`,
 * `webhook-timestamp`, and `webhook-signature` = v1,base64(HMAC-SHA256(secret, "id.timestamp.body")).
 */
@Injectable()
export class WebhookChannel {
  constructor(@Inject(NOTICES_MODULE_OPTIONS) private readonly options: NoticesModuleOptions) {}

  async send(webhook: OutgoingWebhook): Promise<ChannelResult> {
    // The timestamp is wall-clock time on purpose, not the injected domain clock: receivers reject signatures
    // more than a few minutes from their own clock (replay protection), so it must be the real sending time.
    const sentAt = new Date();
    const signature = new Webhook(webhook.secret).sign(webhook.messageId, sentAt, webhook.body);
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'verwerker-notices/1',
          'webhook-id': webhook.messageId,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body: webhook.body,
        // A redirect would send the signed personal data somewhere the client did not configure.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.dispatcher.webhookTimeoutMs),
      });
      // Read (and bound) the answer so the connection can be reused.
      const text = (await response.text()).slice(0, 500);
      return { verdict: webhookVerdict(response.status), response: `HTTP ${response.status}${text ? ` ${text}` : ''}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const timedOut = (error as Error).name === 'TimeoutError';
      const reason = timedOut
        ? `no answer within ${this.options.dispatcher.webhookTimeoutMs} ms`
        : [cause?.code, cause?.message ?? (error as Error).message].filter(Boolean).join(': ');
      return { verdict: { kind: 'retry', reason }, response: reason };
    }
  }
}
