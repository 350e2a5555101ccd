/**
 * Configuration: read once from the environment, validated, with messages that say what to fix.
 * Nothing else in the server reads process.env.
 */
import path from 'node:path';
import { z } from 'zod';
import { basicPasswordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../shared/password-policy.js';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Connections each instance keeps to PostgreSQL. */
export const PG_POOL_SIZE = 10;

/**
 * Requests handled at once per instance before more are shed with 503. On PostgreSQL no more than the pool has
 * connections: a request beyond them would only wait inside the server for one (ARCHITECTURE.md, "Overload").
 */
const DEFAULT_MAX_CONCURRENCY = { sqlite: 16, postgres: PG_POOL_SIZE };

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  HUIFANG_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // Checked in full (common passwords, the admin's own words) when the first company is created: bootstrap.ts.
  HUIFANG_ADMIN_PASSWORD: z
    .string()
    .refine((v) => basicPasswordProblem(v) === null, {
      message: `must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters and no blanks at either end`,
    })
    .optional(),
  HUIFANG_ADMIN_MUST_CHANGE: flag,
  HUIFANG_DEMO: flag,
  HUIFANG_COMPANY_NAME: z.string().min(1).default('默认物业公司'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HUIFANG_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  HUIFANG_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  HUIFANG_LOGIN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(5),
  HUIFANG_LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  HUIFANG_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  HUIFANG_COOKIE_SECURE: flag,
  HUIFANG_TRUST_PROXY: flag,
  HUIFANG_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  HUIFANG_SCRYPT_COST: z.coerce.number().int().min(1024).default(2 ** 15),
  HUIFANG_VISIT_MAX_FAILED_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  HUIFANG_IMPORT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  HUIFANG_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(200_000),
  HUIFANG_EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_048_000, 'must be at most 1048000 (an Excel sheet holds 1,048,576 rows)').default(1_000_000),
  HUIFANG_LIST_COUNT_BOUND: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  HUIFANG_EXPORT_BATCH_ROWS: z.coerce.number().int().min(1).max(50_000).default(500),
  HUIFANG_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  HUIFANG_OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(600).default(5),
  HUIFANG_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  adminMustChange: boolean;
  demo: boolean;
  companyName: string;
  logLevel: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginMaxFailuresPerUser: number;
  loginMaxFailuresPerIp: number;
  loginWindowMs: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  bodyLimit: number;
  /** scrypt N parameter; 2^15 in production (≈32 MiB per hash), lowered only by tests. */
  scryptCost: number;
  /** failed contact attempts after which a visit task becomes unreachable */
  visitMaxFailedAttempts: number;
  /** largest roster file accepted for import, in bytes */
  importMaxBytes: number;
  /** most spreadsheet rows a roster file may have */
  importMaxRows: number;
  /** most rows an xlsx export writes; beyond it the file and the response say it was cut short */
  exportMaxRows: number;
  /** a list counts its matching rows up to this many; beyond, its total is a lower bound ("10,000+") */
  listCountBound: number;
  /** rows an export reads and writes at a time (tests make it small to cross many batches) */
  exportBatchRows: number;
  /** how often the deadline sweep (reminders, escalation) runs */
  sweepIntervalMs: number;
  /** how often queued notifications are delivered */
  outboxIntervalMs: number;
  /** requests this instance handles at once; more are answered 503 overloaded */
  maxConcurrency: number;
  version: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, version = '0.0.0'): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most deployment tools.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.HUIFANG_SCRYPT_COST & (e.HUIFANG_SCRYPT_COST - 1)) !== 0) {
    throw new ConfigError('Invalid configuration:\n  HUIFANG_SCRYPT_COST: must be a power of two');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.HUIFANG_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.HUIFANG_ADMIN_PASSWORD,
    adminMustChange: e.HUIFANG_ADMIN_MUST_CHANGE,
    demo: e.HUIFANG_DEMO,
    companyName: e.HUIFANG_COMPANY_NAME,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.HUIFANG_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.HUIFANG_SESSION_ABSOLUTE_HOURS * 3_600_000,
    loginMaxFailuresPerUser: e.HUIFANG_LOGIN_MAX_FAILURES_PER_USER,
    loginMaxFailuresPerIp: e.HUIFANG_LOGIN_MAX_FAILURES_PER_IP,
    loginWindowMs: e.HUIFANG_LOGIN_WINDOW_MINUTES * 60_000,
    cookieSecure: e.HUIFANG_COOKIE_SECURE,
    trustProxy: e.HUIFANG_TRUST_PROXY,
    bodyLimit: e.HUIFANG_BODY_LIMIT_BYTES,
    scryptCost: e.HUIFANG_SCRYPT_COST,
    visitMaxFailedAttempts: e.HUIFANG_VISIT_MAX_FAILED_ATTEMPTS,
    importMaxBytes: Math.round(e.HUIFANG_IMPORT_MAX_MB * 1024 * 1024),
    importMaxRows: e.HUIFANG_IMPORT_MAX_ROWS,
    exportMaxRows: e.HUIFANG_EXPORT_MAX_ROWS,
    listCountBound: e.HUIFANG_LIST_COUNT_BOUND,
    exportBatchRows: e.HUIFANG_EXPORT_BATCH_ROWS,
    sweepIntervalMs: e.HUIFANG_SWEEP_INTERVAL_SECONDS * 1000,
    outboxIntervalMs: e.HUIFANG_OUTBOX_INTERVAL_SECONDS * 1000,
    maxConcurrency: e.HUIFANG_MAX_CONCURRENCY ?? DEFAULT_MAX_CONCURRENCY[e.DATABASE_URL ? 'postgres' : 'sqlite'],
    version,
  };
}
