import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';

import { isReporterIdentityKey, REPORTER_IDENTITY_KEY_MESSAGE } from '../crypto/reporter-identity-key';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value !== '' ? Number(value) : value);

/**
 * Every environment variable Helhet reads, alphabetically, with defaults that fit a developer machine
 * (Postgres and Redis on 127.0.0.1). Secrets have no default. `.env.example` lists the same keys.
 */
export class EnvironmentVariables {
  @IsInt()
  @Min(60)
  @Max(3600)
  @Transform(toInt)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Where attachment files are stored (a persistent volume in production); created when missing. */
  @IsString()
  @MinLength(1)
  ATTACHMENT_DIR = 'var/attachments';

  @IsBoolean()
  @Transform(toBoolean)
  COOKIE_SECURE = true;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/helhet';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' = 'info';

  @IsInt()
  @Min(1)
  @Transform(toInt)
  LOGIN_RATE_LIMIT_MAX = 10;

  @IsInt()
  @Min(1)
  @Transform(toInt)
  LOGIN_RATE_LIMIT_WINDOW_SECONDS = 900;

  @IsEmail({ require_tld: false }, { message: 'MAIL_FROM must be an e-mail address' })
  MAIL_FROM = 'helhet@localhost';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt()
  @Min(0)
  @Max(65535)
  @Transform(toInt)
  PORT = 3000;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** Prefix of every Redis key (queues, rate limits), so installations or test runs can share one Redis. */
  @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'REDIS_KEY_PREFIX must be 1–40 of a-z, 0-9, _ or -' })
  REDIS_KEY_PREFIX = 'helhet';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsInt()
  @Min(1)
  @Max(90)
  @Transform(toInt)
  REFRESH_TOKEN_TTL_DAYS = 14;

  /** Encrypts who filed an avvik hidden from the handler (32 random bytes, base64). Required, like JWT_SECRET; losing it loses those identities. */
  @ValidateBy({
    name: 'isReporterIdentityKey',
    validator: { defaultMessage: () => REPORTER_IDENTITY_KEY_MESSAGE, validate: isReporterIdentityKey },
  })
  REPORTER_IDENTITY_KEY!: string;

  /** How often the worker checks that its recurring jobs still exist in Redis and registers lost ones again. */
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  @Transform(toInt)
  SCHEDULE_CHECK_INTERVAL_MS = 60_000;

  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsBoolean()
  @Transform(toBoolean)
  TRUST_PROXY = false;

  /** Directory with the built web app (`dist/apps/web/browser`); when set the API serves it. */
  @IsOptional()
  @IsString()
  WEB_ROOT?: string;

  @IsInt()
  @Min(1)
  @Max(50)
  @Transform(toInt)
  WORKER_CONCURRENCY = 5;

  /** How long a job stays locked to its worker; a job of a dead worker runs again after this (see worker-options.ts). */
  @IsInt()
  @Min(1000)
  @Max(600_000)
  @Transform(toInt)
  WORKER_LOCK_DURATION_MS = 30_000;

  /** How often a worker looks for jobs whose lock expired (default: the lock duration). */
  @IsOptional()
  @IsInt()
  @Min(500)
  @Max(600_000)
  @Transform(toInt)
  WORKER_STALLED_INTERVAL_MS?: number;
}

export class ConfigValidationError extends Error {}

/** Validates `env`; throws one error naming every bad or missing key. */
export const validateEnvironment = (env: Record<string, string | undefined>): EnvironmentVariables => {
  const known = Object.fromEntries(
    Object.keys(new EnvironmentVariables())
      .concat('JWT_SECRET', 'REPORTER_IDENTITY_KEY', 'WEB_ROOT')
      .flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]])),
  );
  const config = plainToInstance(EnvironmentVariables, known);
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map((error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
    throw new ConfigValidationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
};

/** For process entry points: the validated environment, or exit 78 (EX_CONFIG) naming every bad key. */
export const environmentOrExit = (env: Record<string, string | undefined> = process.env): EnvironmentVariables => {
  try {
    return validateEnvironment(env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
};
