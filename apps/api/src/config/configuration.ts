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
  if (production && !config.secrets.key) problems.push('SECRETS_KEY is required in production (32 bytes, base64)');
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

  list(name: string): string[] | undefined {
    return this.string(name)?.split(',').map((item) => item.trim()).filter(Boolean);
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
