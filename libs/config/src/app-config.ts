import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** The whole runtime configuration, read from the environment once at start-up. */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/motcua';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Key prefix for every Redis key (BullMQ queues, rate limits), so test runs and tenants never collide. */
  @Matches(/^[a-z0-9:_-]{1,64}$/i, { message: 'REDIS_PREFIX must be 1-64 letters, digits, ":", "_" or "-"' })
  REDIS_PREFIX = 'motcua';

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @Min(0)
  @Max(65535)
  @IsInt()
  PORT = 3000;

  /** Where citizens reach the system: the receipts' QR codes open PUBLIC_BASE_URL/tra-cuu?ma=CODE. */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** The built web console (`npm run build`), served at the API's own address; relative to the working directory. */
  @IsString()
  WEB_ROOT = 'dist/web';

  /** Origins allowed to call the API from a browser, comma-separated (https://portal.example.gov.vn); unset: CORS off. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*$/, { message: 'CORS_ORIGINS must be http(s) origins separated by commas' })
  CORS_ORIGINS?: string;

  /** Express's "trust proxy" behind a reverse proxy ("loopback", "10.0.0.0/8", a hop count), so limits see the client's address; unset: the socket's address. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** The worker's own health endpoint (GET /health); 0 picks a free port. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @Min(0)
  @Max(65535)
  @IsInt()
  WORKER_HEALTH_PORT = 3001;

  /** Where notifications are POSTed as JSON (an SMS / Zalo / e-mail gateway); unset: stored only. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'NOTIFY_WEBHOOK_URL must be an http(s) URL' })
  NOTIFY_WEBHOOK_URL?: string;

  /** The SMTP server for e-mailed notifications (smtp://user:pass@host:587); unset: no e-mail. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  NOTIFY_EMAIL_FROM = 'Một cửa <no-reply@motcua.local>';

  @IsOptional()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  @IsString()
  JWT_SECRET?: string;

  /** Access-token lifetime, in seconds. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @Min(60)
  @IsInt()
  JWT_TTL_SECONDS = 8 * 3600;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** First retry delay of a failed event job, in ms (it doubles for each of its 5 attempts). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @Min(1)
  @IsInt()
  EVENT_RETRY_DELAY_MS = 1000;

  /** How often the outbox relay looks for committed events to publish, in ms. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @Min(5)
  @IsInt()
  OUTBOX_POLL_MS = 50;

  /** How long a published event may go without its effect before the relay looks at its job again, in ms. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @Min(100)
  @IsInt()
  OUTBOX_REDELIVER_MS = 30_000;

  /** How often the worker runs the deadline sweep, and checks that its repeating jobs still exist, in ms. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @Min(100)
  @IsInt()
  SWEEP_INTERVAL_MS = 60_000;

  /**
   * A query, or a connection, that PostgreSQL does not answer within this many ms fails, so a request
   * answers 503 instead of hanging through a silent network partition; 0 waits for ever (the CLI's imports).
   */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @Min(0)
  @IsInt()
  DATABASE_QUERY_TIMEOUT_MS = 5000;

  /** Where dossier files are stored: `local` (FILE_STORAGE_DIR) or `s3` (S3_*: what several API replicas share). */
  @IsIn(['local', 's3'])
  FILE_STORAGE: 'local' | 's3' = 'local';

  /** The local driver's directory, relative to the working directory; back it up with the database. */
  @IsString()
  FILE_STORAGE_DIR = 'data/files';

  /** The S3 endpoint (http://minio:9000); unset: the AWS endpoint of S3_REGION. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name' })
  S3_BUCKET = 'motcua-files';

  /** Unset: the AWS SDK's own chain (environment, instance role). */
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** The largest file accepted, in bytes (20 MB). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @Min(1024)
  @IsInt()
  FILE_MAX_BYTES = 20 * 1024 * 1024;

  /** Files a dossier may hold, every version counted. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @Min(1)
  @IsInt()
  FILE_MAX_PER_DOSSIER = 200;

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS ? this.CORS_ORIGINS.split(',') : [];
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** Without JWT_SECRET (development, the demo) the API generates a random key once and keeps it in the database. */
  get generatesJwtSecret(): boolean {
    return this.JWT_SECRET === undefined;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const KEYS = Object.keys(new AppConfig()).concat('JWT_SECRET', 'NOTIFY_WEBHOOK_URL', 'SMTP_URL', 'CORS_ORIGINS', 'TRUST_PROXY', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY');

/** Validates the environment; throws a ConfigError listing every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const raw = Object.fromEntries(KEYS.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]));
  const config = plainToInstance(AppConfig, raw);
  // One problem per variable; decorators register bottom-up, so the type check sits nearest the field.
  const problems = validateSync(config, { stopAtFirstError: true }).flatMap((error) => Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`));
  if (config.isProduction && config.generatesJwtSecret) {
    problems.push('JWT_SECRET: required when NODE_ENV=production');
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}
