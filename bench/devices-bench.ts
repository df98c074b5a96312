import Database from 'better-sqlite3'
import pg from 'pg'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPgStore } from '../sync-server/storage/pg-store'
import { createSqliteStore } from '../sync-server/storage/sqlite-store'
import type { Store } from '../sync-server/storage/store'
import { startServer, type RunningServer } from '../tests/helpers/e2e/server'
import { HAVE_POSTGRES, startPgCluster } from '../tests/helpers/server/pg-cluster'
import { workerDataset } from './lib/dataset'
import { seedManyWorkers, type SimWorker } from './lib/many-workers'
import { newResult, quantile, type BenchResult } from './lib/report'
import { runDevice, type DeviceStats } from './lib/sim-device'

/**
 * Benchmark 3: 200 simulated devices (one per grid worker; 10 communities of 20) pushing
 * and pulling at once against real server processes: one on SQLite, then two on one
 * PostgreSQL. Afterwards the database itself is counted: every visit sent is stored
 * exactly once (its id present once; each community's change counter advanced by
 * exactly the number of visits applied, so no mutation was applied twice), each
 * device's lastSeq is what it sent, and every replayed batch came back `duplicate`.
 */

const DEVICES = 200
const COMMUNITIES = 10
const ROUNDS = 5
const BATCH = 10
const HOUSEHOLDS_PER_GRID = 6

interface Counts {
  visitIds: number
  seqTotal: number
  clientsAtLastSeq: number
}

interface Backend {
  name: string
  store: Store
  countsSql: (ids: string[], clientIds: string[]) => Promise<Counts>
  env: Record<string, string>
  servers: number
  cleanup: () => Promise<void>
}

const idList = (ids: string[]) => (ids.length ? ids.map((id) => `'${id}'`).join(',') : 'NULL')

async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'gridsister-bench-devices-'))
  const file = join(dir, 'gridsister.db')
  const store = createSqliteStore(file)
  await store.migrate()
  return {
    name: 'sqlite, 1 server', store, env: { DATABASE_URL: file }, servers: 1,
    async countsSql(ids, clientIds) {
      const db = new Database(file, { readonly: true })
      try {
        const one = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n)
        return {
          visitIds: one(`SELECT COUNT(*) AS n FROM records WHERE kind = 'visit' AND id IN (${idList(ids)})`),
          seqTotal: one('SELECT SUM(seq) AS n FROM community_seq'),
          clientsAtLastSeq: one(`SELECT COUNT(*) AS n FROM clients WHERE last_seq = ${ROUNDS * BATCH} AND client_id IN (${idList(clientIds)})`),
        }
      } finally {
        db.close()
      }
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

async function pgBackend(): Promise<Backend> {
  const cluster = await startPgCluster()
  const url = await cluster.createDatabase()
  const store = createPgStore(url)
  await store.migrate()
  return {
    name: 'postgres, 2 servers', store, env: { DATABASE_URL: url }, servers: 2,
    async countsSql(ids, clientIds) {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        const one = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0)
        return {
          visitIds: await one(`SELECT COUNT(*) AS n FROM records WHERE kind = 'visit' AND id IN (${idList(ids)})`),
          seqTotal: await one('SELECT SUM(seq) AS n FROM community_seq'),
          clientsAtLastSeq: await one(`SELECT COUNT(*) AS n FROM clients WHERE last_seq = ${ROUNDS * BATCH} AND client_id IN (${idList(clientIds)})`),
        }
      } finally {
        await client.end()
      }
    },
    cleanup: async () => cluster.stop(),
  }
}

async function runAgainst(r: ReturnType<typeof newResult>, backend: Backend): Promise<void> {
  const ds = workerDataset()
  let servers: RunningServer[] = []
  try {
    const workers: SimWorker[] = await seedManyWorkers(backend.store, ds, COMMUNITIES, DEVICES / COMMUNITIES, HOUSEHOLDS_PER_GRID)
    const seqBefore = (await backend.countsSql([], [])).seqTotal
    await backend.store.close()
    const env = { ...backend.env, GRIDSISTER_DEMO: '0', GRIDSISTER_STATIC_DIR: '/nonexistent', LOG_LEVEL: 'error' }
    servers = await Promise.all(Array.from({ length: backend.servers }, () => startServer({ env })))
    const t0 = performance.now()
    const stats: DeviceStats[] = await Promise.all(
      workers.map((worker, i) => runDevice({ url: servers[i % servers.length]!.url, worker, rounds: ROUNDS, batch: BATCH, texts: ds.scope.visits })),
    )
    const wallMs = performance.now() - t0
    for (const s of servers) await s.stop()
    servers = []
    const sent = stats.flatMap((s) => s.sent)
    const counts = await backend.countsSql(sent, stats.map((s) => s.clientId))
    const applied = stats.reduce((n, s) => n + s.applied, 0)
    const duplicates = stats.reduce((n, s) => n + s.duplicates, 0)
    const errors = stats.flatMap((s) => s.errors)
    const lat = stats.flatMap((s) => [...s.pushMs, ...s.pullMs])
    const requests = lat.length
    const exactlyOnce = counts.visitIds === sent.length && counts.seqTotal - seqBefore === sent.length && applied === sent.length
    r.ratio(`${backend.name}: errors`, errors.length, { max: 0 })
    r.ratio(`${backend.name}: visits stored / sent (exactly once)`, counts.visitIds / sent.length, { max: 1, min: 1 })
    r.ratio(`${backend.name}: change-counter advance / sent (no double apply)`, (counts.seqTotal - seqBefore) / sent.length, { max: 1 })
    r.figure(backend.name, 'throughput', (requests / wallMs) * 1000, `requests/s (${((sent.length / wallMs) * 1000).toFixed(0)} mutations/s)`)
    r.figure(backend.name, 'wall time', wallMs / 1000, `s for ${requests} requests from ${DEVICES} devices`)
    for (const [name, xs] of [['push', stats.flatMap((s) => s.pushMs)], ['pull', stats.flatMap((s) => s.pullMs)], ['all', lat]] as const) {
      r.figure(backend.name, `${name} latency p50/p95/p99`, quantile(xs, 0.5), `ms (p95 ${quantile(xs, 0.95).toFixed(0)}, p99 ${quantile(xs, 0.99).toFixed(0)})`)
    }
    r.figure(backend.name, 'mutations sent / stored / replays answered duplicate', sent.length, `sent; ${counts.visitIds} stored; ${duplicates} duplicates; ${counts.clientsAtLastSeq}/${DEVICES} devices at lastSeq ${ROUNDS * BATCH}`)
    r.details[backend.name] = { wallMs, requests, applied, duplicates, counts, seqBefore, sent: sent.length, errors: errors.slice(0, 20), exactlyOnce }
    if (errors.length) r.note(`${backend.name}: ${errors.length} errors, first: ${errors[0]}`)
  } finally {
    for (const s of servers) await s.stop()
    await backend.cleanup()
  }
}

export async function devicesBench(): Promise<BenchResult> {
  const r = newResult('devices')
  r.note(`${DEVICES} devices (${COMMUNITIES} communities × ${DEVICES / COMMUNITIES} workers), each: pull, ${ROUNDS} × (push ${BATCH} visits, pull until idle), replay its first batch`)
  await runAgainst(r, await sqliteBackend())
  if (HAVE_POSTGRES) await runAgainst(r, await pgBackend())
  else r.note('PostgreSQL binaries not found: the PostgreSQL half was SKIPPED')
  return r
}
