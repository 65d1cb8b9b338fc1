import { Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock/clock';
import { SecretBox } from './crypto/secret-box';
import { TransactionRunner } from './database/transaction-runner';
import { IdempotencyPurgeTimer } from './idempotency/idempotency-purge.timer';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { RolesGuard } from './principal/roles.guard';
import { ConfigurableModuleClass, PLATFORM_MODULE_OPTIONS, PlatformModuleOptions } from './platform.module-definition';

/**
 * What every lib needs: the clock, the secret box, idempotency and authorisation. Global by default so each
 * lib can inject the Clock without importing this module again.
 */
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    {
      provide: SecretBox,
      inject: [PLATFORM_MODULE_OPTIONS],
      useFactory: (options: PlatformModuleOptions) => new SecretBox(options.secretsKey),
    },
    TransactionRunner,
    IdempotencyStore,
    IdempotencyPurgeTimer,
    IdempotencyInterceptor,
    RolesGuard,
  ],
  exports: [Clock, SecretBox, TransactionRunner, IdempotencyStore, IdempotencyInterceptor, RolesGuard],
})
export class PlatformModule extends ConfigurableModuleClass {}
