import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@verwerker/audit';
import { AuthModule, CredentialAuthenticationGuard } from '@verwerker/auth';
import { BreachModule } from '@verwerker/breach';
import { DpaModule } from '@verwerker/dpa';
import { NoticesModule } from '@verwerker/notices';
import { PartiesModule } from '@verwerker/parties';
import { createValidationPipe, IdempotencyInterceptor, PlatformModule, ProblemExceptionFilter } from '@verwerker/platform';
import { SubprocessorsModule } from '@verwerker/subprocessors';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { Environment, loadConfiguration, VerwerkerConfig } from './config/configuration';
import { resolveAuditSigningKey, resolveSecretsKey } from './config/secrets-key';
import { buildTypeOrmOptions, runMigrationsExclusively } from './database/typeorm-options';
import { DemoDataSeeder } from './demo/demo-data.seeder';
import { HealthController } from './health/health.controller';
import { loggerOptions } from './logging';

type Config = ConfigService<VerwerkerConfig, true>;

/**
 * The reference application: composes the libs, owns the database connection, and registers the global
 * pipe, filter, guard and interceptor as providers so a test built from this module behaves like production.
 */
@Module({})
export class AppModule {
  static forRoot(env: Environment): DynamicModule {
    const configuration = loadConfiguration(env);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => configuration] }),
        LoggerModule.forRootAsync({ inject: [ConfigService], useFactory: (config: Config) => loggerOptions(config.get('app', { infer: true })) }),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: Config) => buildTypeOrmOptions(config.get('database', { infer: true })),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            if (configuration.database.migrationsRun) await runMigrationsExclusively(dataSource);
            return dataSource;
          },
        }),
        TerminusModule.forRoot({ logger: false }),
        PlatformModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: Config) => ({ secretsKey: resolveSecretsKey(config.get('secrets', { infer: true })) }),
        }),
        PartiesModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: Config) => ({ allowHttpWebhooks: config.get('app', { infer: true }).allowHttpWebhooks }),
        }),
        AuthModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: Config) => {
            const auth = config.get('auth', { infer: true });
            return { panelJwt: auth.panelJwt, bootstrapAdminKey: auth.bootstrapAdminKey, failedAuthentication: auth.failedAuthentication };
          },
        }),
        AuditModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: Config) => {
            const { signingKeyPem: _configured, signingKeyFile: _file, ...audit } = config.get('audit', { infer: true });
            return { ...audit, signingKeyPem: resolveAuditSigningKey(config.get('audit', { infer: true })) };
          },
        }),
        // Global: the sub-processor register (and later the breach workflow) reads agreements in force.
        { ...DpaModule.forRootAsync({ inject: [ConfigService], useFactory: (config: Config) => config.get('dpa', { infer: true }) }), global: true },
        SubprocessorsModule.forRootAsync({ inject: [ConfigService], useFactory: (config: Config) => config.get('subprocessors', { infer: true }) }),
        BreachModule.forRootAsync({ inject: [ConfigService], useFactory: (config: Config) => config.get('breach', { infer: true }) }),
        // Global: the DPA lib (and later breach and sub-processor libs) enqueue notices through its NoticeOutbox.
        { ...NoticesModule.forRootAsync({ inject: [ConfigService], useFactory: (config: Config) => config.get('notices', { infer: true }) }), global: true },
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemExceptionFilter },
        { provide: APP_GUARD, useExisting: CredentialAuthenticationGuard },
        { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor },
        DemoDataSeeder,
      ],
    };
  }
}
