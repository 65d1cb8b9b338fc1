import { ConfigurableModuleBuilder } from '@nestjs/common';

export interface SmtpOptions {
  host: string;
  port: number;
  /** Implicit TLS (port 465). With false, STARTTLS is used when the server offers it. */
  secure: boolean;
  /** Refuse to send unless the connection is upgraded with STARTTLS: notices carry personal data. */
  requireTls: boolean;
  user?: string;
  password?: string;
  /** The From header, e.g. `Privacy <privacy@processor.example>`; its domain also names the Message-IDs. */
  from: string;
  /** Pooled connections per process. */
  poolSize: number;
  /** Connection, greeting and socket timeout. */
  timeoutMs: number;
}

export interface DispatcherOptions {
  /** Run the dispatch loop in this process. The API may leave it to `npm run worker` processes. */
  enabled: boolean;
  /** How long an idle dispatcher waits before it looks for due deliveries again. */
  pollIntervalMs: number;
  /** Deliveries in flight per process: a slow receiver holds one slot, not the loop. */
  concurrency: number;
  /** Deliveries claimed per query. */
  batchSize: number;
  /** After this many attempts a delivery is dead and waits for a person to resend it. */
  maxAttempts: number;
  backoffBaseSeconds: number;
  backoffMaxSeconds: number;
  /** A claim not recorded within this time (the process died) makes the delivery due again. */
  claimLeaseSeconds: number;
  webhookTimeoutMs: number;
}

export interface NoticesModuleOptions {
  smtp: SmtpOptions;
  dispatcher: DispatcherOptions;
}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: NOTICES_MODULE_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<NoticesModuleOptions>().setClassMethodName('forRoot').build();
