import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url().optional(),
  VERITY_DATA_DIR: z.string().min(1).default('.verity'),
  VERITY_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  VERITY_PUBLIC_URL: z.url().optional(),
  VERITY_OPEN_SIGNUP: booleanFromEnv.default(false),
  VERITY_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  VERITY_SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 14),
  VERITY_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  VERITY_MAX_MEDIA_MB: z.coerce.number().positive().max(1024 * 1024).default(4096),
  VERITY_MEDIA_URL_ALLOW_PRIVATE: booleanFromEnv.default(false),
  VERITY_IMPORT_PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  VERITY_IMPORT_PARSE_MS_PER_MB: z.coerce.number().int().min(0).max(600_000).default(1_500),
  VERITY_IMPORT_PARSE_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  VERITY_TRUST_PROXY: booleanFromEnv.default(false),
  VERITY_AUTO_VERSION_IDLE_MINUTES: z.coerce.number().positive().default(3),
  VERITY_AUTO_VERSION_MAX_MINUTES: z.coerce.number().positive().default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
});

/** Verity's configuration, read once from the environment at start-up. */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Set: use this database. Unset: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedDbPort: number;
  publicUrl: string;
  isOpenSignup: boolean;
  hasSecureCookies: boolean;
  sessionTtlMs: number;
  maxUploadBytes: number;
  /** The largest recording that may be attached (several GB for a day-long meeting). */
  maxMediaBytes: number;
  /** Attach-by-URL may fetch from loopback and private networks: only for tests with a local server (SSRF guard off). */
  isMediaUrlPrivateAllowed: boolean;
  /** Import and preview parse in worker threads; a file that takes longer than this is refused. */
  importParseTimeoutMs: number;
  /** Extra parse budget per MB of file (parsing is linear, so large honest files need proportionally more). */
  importParseMsPerMb: number;
  importParseWorkers: number;
  isBehindProxy: boolean;
  logLevel: string;
  /** `auto`: readable lines on a terminal, JSON lines otherwise (pipes, files, Docker, log collectors). */
  logFormat: 'auto' | 'pretty' | 'json';
  /** An automatic version is taken after this long without edits… */
  autoVersionIdleMs: number;
  /** …and at least this often during continuous editing. */
  autoVersionMaxMs: number;
}

/** Parses the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (compose files and shells often export VAR= ).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.VERITY_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.VERITY_DATA_DIR),
    embeddedDbPort: e.VERITY_DB_PORT,
    publicUrl,
    isOpenSignup: e.VERITY_OPEN_SIGNUP,
    hasSecureCookies: e.VERITY_SECURE_COOKIES === 'auto' ? publicUrl.startsWith('https:') : e.VERITY_SECURE_COOKIES === 'true',
    sessionTtlMs: e.VERITY_SESSION_TTL_HOURS * 3_600_000,
    maxUploadBytes: Math.round(e.VERITY_MAX_UPLOAD_MB * 1024 * 1024),
    maxMediaBytes: Math.round(e.VERITY_MAX_MEDIA_MB * 1024 * 1024),
    isMediaUrlPrivateAllowed: e.VERITY_MEDIA_URL_ALLOW_PRIVATE,
    importParseTimeoutMs: e.VERITY_IMPORT_PARSE_TIMEOUT_MS,
    importParseMsPerMb: e.VERITY_IMPORT_PARSE_MS_PER_MB,
    importParseWorkers: e.VERITY_IMPORT_PARSE_WORKERS,
    isBehindProxy: e.VERITY_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    autoVersionIdleMs: e.VERITY_AUTO_VERSION_IDLE_MINUTES * 60_000,
    autoVersionMaxMs: e.VERITY_AUTO_VERSION_MAX_MINUTES * 60_000,
  };
}
