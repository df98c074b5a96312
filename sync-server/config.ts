import { z } from 'zod'
import { DEFAULT_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from './audit/audit-retention'
import { createPgStore } from './storage/pg-store'
import { createSqliteStore } from './storage/sqlite-store'
import type { Store } from './storage/store'

/** Server configuration from the environment, checked once at start. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().trim().optional(),
  /** 1/true: demo; 0/false: production; unset: production when NODE_ENV=production, else demo. */
  GRIDSISTER_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  NODE_ENV: z.string().optional(),
  /** Fastify trustProxy: 1/true trusts X-Forwarded-For; or the proxy's addresses/CIDRs, comma-separated. */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(0|1|true|false|([0-9a-fA-F.:]+(\/\d{1,3})?)(\s*,\s*[0-9a-fA-F.:]+(\/\d{1,3})?)*)$/, '0, 1, or the proxies\' IP addresses/CIDRs, comma-separated')
    .optional(),
  /** 1/true: send Strict-Transport-Security (the site is served over HTTPS). */
  HSTS: z.enum(['0', '1', 'true', 'false']).default('0'),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(MIN_AUDIT_RETENTION_DAYS).default(DEFAULT_AUDIT_RETENTION_DAYS),
  GRIDSISTER_STATIC_DIR: z.string().default('dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }

export interface ServerConfig {
  port: number
  host: string
  database: DatabaseConfig
  /**
   * Demo (the README's quick start: the demo community is loaded into an empty database
   * and its accounts are listed on the login screen) or production (never).
   */
  demo: boolean
  trustProxy: boolean | string
  hsts: boolean
  auditRetentionDays: number
  staticDir: string
  logLevel: z.infer<typeof Env>['LOG_LEVEL']
}

export const DEFAULT_SQLITE_FILE = './data/gridsister.db'

/** Parses the environment; throws a readable error on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    throw new Error(`bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL),
    demo: e.GRIDSISTER_DEMO === undefined ? e.NODE_ENV !== 'production' : isOn(e.GRIDSISTER_DEMO),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    hsts: isOn(e.HSTS),
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    staticDir: e.GRIDSISTER_STATIC_DIR,
    logLevel: e.LOG_LEVEL,
  }
}

const isOn = (v: string) => v === '1' || v === 'true'

/** Unset/0/false: trust no proxy; 1/true: trust X-Forwarded-For; else the proxies' addresses. */
export function parseTrustProxy(v: string | undefined): boolean | string {
  if (!v || v === '0' || v === 'false') return false
  if (v === '1' || v === 'true') return true
  return v
}

/** Absent: the SQLite file under ./data; postgres://…: PostgreSQL; sqlite:PATH or a path: that SQLite file. */
export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (!url) return { kind: 'sqlite', file: DEFAULT_SQLITE_FILE }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url }
  return { kind: 'sqlite', file: url.replace(/^sqlite:(\/\/)?/, '') }
}

/** Opens (and migrates) the configured store. */
export async function openStore(db: DatabaseConfig): Promise<Store> {
  const store = db.kind === 'postgres' ? createPgStore(db.url) : createSqliteStore(db.file)
  await store.migrate()
  return store
}
