import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AttemptVerdict, smtpVerdict } from '../rules/delivery-outcome';
import { NOTICES_MODULE_OPTIONS, NoticesModuleOptions } from '../notices.module-definition';

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingEmail {
  to: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  noticeType: string;
  attachments: OutgoingAttachment[];
}

export type ChannelResult = { verdict: AttemptVerdict; response: string };

/**
 * E-mail over SMTP through one pooled nodemailer transport per process: a handful of kept-open connections
 * instead of a handshake per message (the smtp-server greeting delay alone would cap us at ~50/s).
 */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(@Inject(NOTICES_MODULE_OPTIONS) private readonly options: NoticesModuleOptions) {}

  async send(email: OutgoingEmail): Promise<ChannelResult> {
    try {
      const info = await this.transporter().sendMail({
        from: this.options.smtp.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        // The same Message-ID on every attempt: a receiver that got the message before can drop the repeat.
        messageId: email.messageId,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Verwerker-Notice-Type': email.noticeType },
        attachments: email.attachments.map((attachment) => ({ filename: attachment.filename, contentType: attachment.contentType, content: attachment.content })),
      });
      return { verdict: { kind: 'delivered' }, response: String(info.response ?? '') };
    } catch (error) {
      const failure = error as { responseCode?: number; command?: string; message?: string; code?: string };
      const message = [failure.code, failure.message].filter(Boolean).join(': ') || String(error);
      return { verdict: smtpVerdict({ responseCode: failure.responseCode, command: failure.command, message }), response: message };
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
    this.transport = null;
  }

  private transporter(): Transporter {
    if (!this.transport) {
      const smtp = this.options.smtp;
      this.transport = nodemailer.createTransport({
        pool: true,
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        requireTLS: smtp.requireTls,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
        maxConnections: smtp.poolSize,
        // Each new connection costs a handshake; keep them for many messages.
        maxMessages: 1000,
        connectionTimeout: smtp.timeoutMs,
        greetingTimeout: smtp.timeoutMs,
        socketTimeout: smtp.timeoutMs,
      });
    }
    return this.transport;
  }
}
