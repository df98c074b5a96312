import { z } from 'zod'
import { createPgStore } from './storage/pg-store'
import { createSqliteStore } from './storage/sqlite-store'
import type { Store } from './storage/store'

/** Server configuration from the environment, checked once at start. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().trim().optional(),
  /** 1/true: demo mode (demo accounts on the login screen); unset: demo when the DB is empty. */
  GRIDSISTER_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  GRIDSISTER_STATIC_DIR: z.string().default('dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }

export interface ServerConfig {
  port: number
  host: string
  database: DatabaseConfig
  /** Undefined: decide from the database (empty or already holding the demo). */
  demo: boolean | undefined
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
    demo: e.GRIDSISTER_DEMO === undefined ? undefined : e.GRIDSISTER_DEMO === '1' || e.GRIDSISTER_DEMO === 'true',
    staticDir: e.GRIDSISTER_STATIC_DIR,
    logLevel: e.LOG_LEVEL,
  }
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
