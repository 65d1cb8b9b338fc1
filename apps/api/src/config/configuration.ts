import { DEFAULT_VERIFICATION, type VerificationOptions } from '@verwerker/audit';
import type { BreachModuleOptions } from '@verwerker/breach';
import type { DpaModuleOptions } from '@verwerker/dpa';
import type { NoticesModuleOptions } from '@verwerker/notices';
import { Role } from '@verwerker/platform';

/**
 * Every setting, read from the environment in one place and validated at start-up: a typo in production
 * fails the start with a list of what is wrong instead of running with a silent default.
 */
export interface VerwerkerConfig {
  app: {
    production: boolean;
    host: string;
    port: number;
    logLevel: string;
    trustProxy: string | boolean;
    demoData: boolean;
    jsonBodyLimit: string;
    allowHttpWebhooks: boolean;
  };
  database:
    | { kind: 'sqlite'; path: string; migrationsRun: boolean; logging: boolean }
    | { kind: 'postgres'; url: string; migrationsRun: boolean; logging: boolean; poolSize: number };
  secrets: { key: string | null; keyFile: string };
  audit: {
    signingKeyPem: string | null;
    signingKeyFile: string;
    retention: { accessMonths: number; changeMonths: number };
    checkpointIntervalSeconds: number;
    purgeIntervalHours: number;
    workingHours: { days: number[]; startMinute: number; endMinute: number; zone: string };
    futureToleranceSeconds: number;
    verification: VerificationOptions;
  };
  notices: NoticesModuleOptions;
  dpa: DpaModuleOptions;
  subprocessors: { applyIntervalSeconds: number };
  breach: BreachModuleOptions;
  auth: {
    bootstrapAdminKey: string | undefined;
    failedAuthentication: { limit: number; windowSeconds: number };
    panelJwt: {
      jwksUrl?: string;
      publicKeyPem?: string;
      issuer?: string;
      audience?: string;
      algorithms: string[];
      roleClaim: string;
      clientIdClaim: string;
      roleMap: Record<string, Role>;
      clockToleranceSeconds: number;
    } | null;
  };
}

export type Environment = Record<string, string | undefined>;

const IDENTITY_ROLE_MAP = Object.fromEntries(Object.values(Role).map((role) => [role, role])) as Record<string, Role>;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n - ${problems.join('\n - ')}`);
  }
}

export function loadConfiguration(env: Environment): VerwerkerConfig {
  const problems: string[] = [];
  const read = new EnvironmentReader(env, problems);
  const production = env.NODE_ENV === 'production';

  const databaseUrl = read.string('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres:// (unset it for SQLite)');
  const migrationsRun = read.boolean('DATABASE_MIGRATIONS_RUN', true);
  const logging = read.boolean('DATABASE_LOGGING', false);

  const jwksUrl = read.string('PANEL_JWT_JWKS_URL');
  const publicKeyPem = read.string('PANEL_JWT_PUBLIC_KEY')?.replace(/\\n/g, '\n');
  if (jwksUrl && publicKeyPem) problems.push('Set PANEL_JWT_JWKS_URL or PANEL_JWT_PUBLIC_KEY, not both');
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) problems.push('PANEL_JWT_JWKS_URL must be an http(s) URL');

  const config: VerwerkerConfig = {
    app: {
      production,
      host: read.string('HOST') ?? '0.0.0.0',
      port: read.integer('PORT', 3000, 1, 65535),
      logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
      trustProxy: parseTrustProxy(read.string('TRUST_PROXY')),
      demoData: read.boolean('DEMO_DATA', !production),
      jsonBodyLimit: read.string('JSON_BODY_LIMIT') ?? '5mb',
      allowHttpWebhooks: read.boolean('ALLOW_HTTP_WEBHOOKS', false),
    },
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl, migrationsRun, logging, poolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 200) }
      : { kind: 'sqlite', path: read.string('SQLITE_PATH') ?? './data/verwerker.sqlite', migrationsRun, logging },
    secrets: { key: read.string('SECRETS_KEY') ?? null, keyFile: read.string('SECRETS_KEY_FILE') ?? './data/secrets.key' },
    audit: {
      signingKeyPem: read.string('AUDIT_SIGNING_KEY')?.replace(/\\n/g, '\n') ?? null,
      signingKeyFile: read.string('AUDIT_SIGNING_KEY_FILE') ?? './data/audit-signing-key.pem',
      retention: {
        accessMonths: read.integer('AUDIT_ACCESS_RETENTION_MONTHS', 6, 1, 1200),
        changeMonths: read.integer('AUDIT_CHANGE_RETENTION_MONTHS', 84, 1, 1200),
      },
      checkpointIntervalSeconds: read.integer('AUDIT_CHECKPOINT_INTERVAL_SECONDS', 300, 0, 86_400),
      purgeIntervalHours: read.integer('AUDIT_PURGE_INTERVAL_HOURS', 24, 0, 24 * 31),
      workingHours: {
        days: read.weekdays('AUDIT_WORKING_DAYS') ?? [1, 2, 3, 4, 5],
        ...(read.timeRange('AUDIT_WORKING_HOURS') ?? { startMinute: 8 * 60, endMinute: 18 * 60 }),
        zone: 'Europe/Amsterdam',
      },
      futureToleranceSeconds: read.integer('AUDIT_FUTURE_TOLERANCE_SECONDS', 300, 0, 86_400),
      verification: {
        workers: read.integer('AUDIT_VERIFY_WORKERS', DEFAULT_VERIFICATION.workers, 0, 64),
        parallelFrom: read.integer('AUDIT_VERIFY_PARALLEL_FROM', DEFAULT_VERIFICATION.parallelFrom, 1, Number.MAX_SAFE_INTEGER),
        sliceSize: read.integer('AUDIT_VERIFY_SLICE_SIZE', DEFAULT_VERIFICATION.sliceSize, 1, 1_000_000),
      },
    },
    notices: {
      smtp: {
        host: read.string('SMTP_HOST') ?? 'localhost',
        port: read.integer('SMTP_PORT', 25, 1, 65535),
        secure: read.boolean('SMTP_SECURE', false),
        requireTls: read.boolean('SMTP_REQUIRE_TLS', false),
        user: read.string('SMTP_USER'),
        password: read.string('SMTP_PASSWORD'),
        from: read.string('SMTP_FROM') ?? 'Verwerker <notices@verwerker.local>',
        poolSize: read.integer('SMTP_POOL_SIZE', 5, 1, 100),
        timeoutMs: read.integer('SMTP_TIMEOUT_MS', 30_000, 100, 600_000),
      },
      dispatcher: {
        enabled: read.boolean('NOTICE_DISPATCHER', true),
        pollIntervalMs: read.integer('NOTICE_POLL_INTERVAL_MS', 1000, 10, 600_000),
        concurrency: read.integer('NOTICE_CONCURRENCY', 32, 1, 1000),
        batchSize: read.integer('NOTICE_BATCH_SIZE', 32, 1, 1000),
        maxAttempts: read.integer('NOTICE_MAX_ATTEMPTS', 12, 1, 100),
        backoffBaseSeconds: read.integer('NOTICE_BACKOFF_BASE_SECONDS', 30, 1, 86_400),
        backoffMaxSeconds: read.integer('NOTICE_BACKOFF_MAX_SECONDS', 6 * 3600, 1, 7 * 86_400),
        claimLeaseSeconds: read.integer('NOTICE_CLAIM_LEASE_SECONDS', 120, 1, 86_400),
        webhookTimeoutMs: read.integer('NOTICE_WEBHOOK_TIMEOUT_MS', 10_000, 100, 600_000),
      },
    },
    subprocessors: {
      applyIntervalSeconds: read.integer('SUBPROCESSOR_APPLY_INTERVAL_SECONDS', 60, 0, 86_400),
    },
    breach: {
      reminderFractions: read.fractions('BREACH_REMINDER_POINTS') ?? [0.5, 0.75, 0.9],
      reminderIntervalSeconds: read.integer('BREACH_REMINDER_INTERVAL_SECONDS', 300, 0, 86_400),
      dueSoonHours: read.integer('BREACH_DUE_SOON_HOURS', 6, 0, 720),
      nis2Entity: env.BREACH_NIS2_ENTITY === undefined || env.BREACH_NIS2_ENTITY.trim() === '' ? null : read.boolean('BREACH_NIS2_ENTITY', false),
      staffLanguage: read.language('BREACH_STAFF_LANGUAGE') ?? 'nl',
      personalisedPdfLimit: read.integer('BREACH_PERSONALISED_PDF_LIMIT', 200, 0, 1_000_000),
    },
    dpa: {
      reminderAfterDays: read.integer('DPA_REMINDER_AFTER_DAYS', 14, 1, 365),
      reminderIntervalSeconds: read.integer('DPA_REMINDER_INTERVAL_SECONDS', 3600, 0, 86_400),
      endOfServiceDays: read.integer('DPA_END_OF_SERVICE_DAYS', 30, 0, 365),
    },
    auth: {
      bootstrapAdminKey: read.string('BOOTSTRAP_ADMIN_KEY'),
      failedAuthentication: {
        limit: read.integer('AUTH_FAILURE_LIMIT', 10, 1, 10_000),
        windowSeconds: read.integer('AUTH_FAILURE_WINDOW_SECONDS', 300, 1, 86_400),
      },
      panelJwt:
        jwksUrl || publicKeyPem
          ? {
              jwksUrl,
              publicKeyPem,
              issuer: read.string('PANEL_JWT_ISSUER'),
              audience: read.string('PANEL_JWT_AUDIENCE'),
              algorithms: read.list('PANEL_JWT_ALGORITHMS') ?? ['RS256', 'PS256', 'ES256', 'EdDSA'],
              roleClaim: read.string('PANEL_JWT_ROLE_CLAIM') ?? 'role',
              clientIdClaim: read.string('PANEL_JWT_CLIENT_ID_CLAIM') ?? 'client_id',
              roleMap: read.roleMap('PANEL_JWT_ROLE_MAP') ?? IDENTITY_ROLE_MAP,
              clockToleranceSeconds: read.integer('PANEL_JWT_CLOCK_TOLERANCE_SECONDS', 30, 0, 600),
            }
          : null,
    },
  };
  const { smtp, dispatcher } = config.notices;
  if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(smtp.from)) problems.push(`SMTP_FROM must be an address or "Name <address>", not "${smtp.from}"`);
  if (smtp.user && !smtp.password) problems.push('SMTP_PASSWORD is required with SMTP_USER');
  if (dispatcher.backoffMaxSeconds < dispatcher.backoffBaseSeconds) problems.push('NOTICE_BACKOFF_MAX_SECONDS must be at least NOTICE_BACKOFF_BASE_SECONDS');
  // A claim must outlive the slowest attempt, or a second dispatcher would take over a delivery still in flight.
  const slowestAttemptSeconds = Math.max(smtp.timeoutMs * 3, dispatcher.webhookTimeoutMs) / 1000;
  if (dispatcher.claimLeaseSeconds <= slowestAttemptSeconds) {
    problems.push(`NOTICE_CLAIM_LEASE_SECONDS (${dispatcher.claimLeaseSeconds}) must exceed the slowest attempt: ${slowestAttemptSeconds} s (3 × SMTP_TIMEOUT_MS, NOTICE_WEBHOOK_TIMEOUT_MS)`);
  }
  if (production && !config.secrets.key) problems.push('SECRETS_KEY is required in production (32 bytes, base64)');
  if (production && !config.audit.signingKeyPem) problems.push('AUDIT_SIGNING_KEY is required in production (Ed25519 private key, PKCS#8 PEM)');
  if (config.secrets.key && Buffer.from(config.secrets.key, 'base64').length !== 32) problems.push('SECRETS_KEY must be 32 bytes in base64');
  if (problems.length) throw new ConfigurationError(problems);
  return config;
}

function parseTrustProxy(value: string | undefined): string | boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return value; // a hop count or subnet list, passed to Express as is
}

class EnvironmentReader {
  constructor(
    private readonly env: Environment,
    private readonly problems: string[],
  ) {}

  string(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false, not "${value}"`);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
      return fallback;
    }
    return parsed;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
    return fallback;
  }

  language(name: string): 'nl' | 'en' | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (value === 'nl' || value === 'en') return value;
    this.problems.push(`${name} must be nl or en, not "${value}"`);
    return undefined;
  }

  /** Fractions strictly between 0 and 1, as `0.5,0.75,0.9` or percentages `50%,75%,90%`. */
  fractions(name: string): number[] | undefined {
    const values = this.list(name);
    if (!values) return undefined;
    const fractions = values.map((value) => (value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : Number(value)));
    if (!fractions.length || fractions.some((fraction) => !(fraction > 0 && fraction < 1))) {
      this.problems.push(`${name} must be fractions between 0 and 1 (e.g. 0.5,0.75,0.9 or 50%,75%,90%)`);
      return undefined;
    }
    return [...new Set(fractions)].sort((a, b) => a - b);
  }

  list(name: string): string[] | undefined {
    return this.string(name)?.split(',').map((item) => item.trim()).filter(Boolean);
  }

  /** ISO weekdays, e.g. `1,2,3,4,5` (Monday to Friday). */
  weekdays(name: string): number[] | undefined {
    const days = this.list(name);
    if (!days) return undefined;
    const parsed = days.map(Number);
    if (parsed.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
      this.problems.push(`${name} must list ISO weekdays 1 (Monday) to 7 (Sunday), not "${days.join(',')}"`);
      return undefined;
    }
    return parsed;
  }

  /** `HH:mm-HH:mm` in local (Amsterdam) time, e.g. `08:00-18:00`. */
  timeRange(name: string): { startMinute: number; endMinute: number } | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(value);
    const start = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
    const end = match ? Number(match[3]) * 60 + Number(match[4]) : NaN;
    if (!match || start >= end || end > 24 * 60) {
      this.problems.push(`${name} must be HH:mm-HH:mm with the start before the end, not "${value}"`);
      return undefined;
    }
    return { startMinute: start, endMinute: end };
  }

  /** `panel-role:our-role,…`, e.g. `support:staff,customer:client`. */
  roleMap(name: string): Record<string, Role> | undefined {
    const entries = this.list(name);
    if (!entries) return undefined;
    const map: Record<string, Role> = {};
    for (const entry of entries) {
      const [claim, role] = entry.split(':').map((part) => part.trim());
      if (!claim || !Object.values(Role).includes(role as Role)) {
        this.problems.push(`${name}: "${entry}" must be claim-value:role with role one of ${Object.values(Role).join(', ')}`);
        continue;
      }
      map[claim] = role as Role;
    }
    return map;
  }
}
