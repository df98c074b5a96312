import Database from 'better-sqlite3'
import pg from 'pg'
import { randomUUID } from 'node:crypto'
import { MAX_PUSH_MUTATIONS, type Visit } from '../src/shared'
import { createPgStore } from '../sync-server/storage/pg-store'
import { loadDemo } from '../sync-server/seed-loader'
import type { Store } from '../sync-server/storage/store'
import { HAVE_POSTGRES, startPgCluster } from '../tests/helpers/server/pg-cluster'
import { WORKER, loadedSqlite, reopenedCopy, workerDataset, type WorkerDataset } from './lib/dataset'
import { newVisits, visitMutations } from './lib/new-visits'
import { startOurServer } from './lib/our-server'
import { postPush, pushBodies } from './lib/push-client'
import { newResult, type BenchResult } from './lib/report'

/**
 * Benchmark 2: 10,000 visit mutations pushed over HTTP to the real server, in the app's
 * batch size (gzip bodies, prepared before timing), against the same rows inserted
 * directly (better-sqlite3 in one transaction; pg in 1,000-row INSERTs in one
 * transaction) into a database holding the same demo community. Ratio = our overhead.
 */

const N = 10_000

interface RawRow {
  id: string
  gridId: string
  data: Visit
}

async function timeHttpPush(store: Store, ds: WorkerDataset, visits: Visit[]): Promise<{ ms: number; applied: number }> {
  const server = await startOurServer({ store, staticDir: null })
  try {
    const { token } = await server.login(WORKER)
    const clientId = randomUUID()
    const bodies = pushBodies(clientId, visitMutations(visits, clientId, 1), MAX_PUSH_MUTATIONS)
    let applied = 0
    const t0 = performance.now()
    for (const body of bodies) {
      const reply = await postPush(server.url, token, body)
      applied += reply.results.filter((x) => x.status === 'applied').length
    }
    return { ms: performance.now() - t0, applied }
  } finally {
    await server.close()
  }
}

function rawSqliteInsert(file: string, communityId: string, rows: RawRow[]): number {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  try {
    const insert = db.prepare('INSERT INTO records (kind, id, grid_id, community_id, data, seq) VALUES (?, ?, ?, ?, ?, ?)')
    const base = Number((db.prepare('SELECT MAX(seq) AS s FROM records').get() as { s: number }).s)
    const t0 = performance.now()
    db.transaction(() => {
      rows.forEach((r, i) => insert.run('visit', r.id, r.gridId, communityId, JSON.stringify(r.data), base + i + 1))
    })()
    return performance.now() - t0
  } finally {
    db.close()
  }
}

async function rawPgInsert(url: string, communityId: string, rows: RawRow[]): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const base = Number((await client.query<{ s: string }>('SELECT MAX(seq) AS s FROM records')).rows[0]?.s ?? 0)
    const t0 = performance.now()
    await client.query('BEGIN')
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000)
      const values = chunk.map((_, j) => `($${j * 6 + 1}, $${j * 6 + 2}, $${j * 6 + 3}, $${j * 6 + 4}, $${j * 6 + 5}, $${j * 6 + 6})`).join(', ')
      const params = chunk.flatMap((r, j) => ['visit', r.id, r.gridId, communityId, JSON.stringify(r.data), base + i + j + 1])
      await client.query(`INSERT INTO records (kind, id, grid_id, community_id, data, seq) VALUES ${values}`, params)
    }
    await client.query('COMMIT')
    return performance.now() - t0
  } finally {
    await client.end()
  }
}

export async function pushBench(): Promise<BenchResult> {
  const r = newResult('push')
  const ds = workerDataset()
  const communityId = ds.demo.community.id
  const visits = newVisits(ds, N, 7).records
  const rows: RawRow[] = visits.map((v) => ({ id: v.id, gridId: v.gridId, data: v }))
  r.note(`${N} visit.create mutations in batches of ${MAX_PUSH_MUTATIONS}, into a database holding the ${ds.demo.households.length}-household demo`)

  // SQLite: two identical files (loaded once, then copied), one behind the server, one for the raw insert.
  const raw = await loadedSqlite(ds.demo)
  await raw.store.close()
  const served = await reopenedCopy(raw.file)
  try {
    const http = await timeHttpPush(served.store, ds, visits)
    const rawMs = rawSqliteInsert(raw.file, communityId, rows)
    if (http.applied !== N) r.note(`sqlite: only ${http.applied} of ${N} applied`)
    r.ratio('push 10k over HTTP / raw better-sqlite3 insert (SQLite)', http.ms / rawMs, { max: 5 })
    r.figure('sqlite', 'HTTP push', http.ms / 1000, `s (${((N / http.ms) * 1000).toFixed(0)} mutations/s)`)
    r.figure('sqlite', 'raw insert, one transaction', rawMs / 1000, 's')
    r.details.sqlite = { httpMs: http.ms, rawMs, applied: http.applied }
  } finally {
    await served.cleanup()
    await raw.cleanup()
  }

  if (!HAVE_POSTGRES) {
    r.note('PostgreSQL binaries not found: the PostgreSQL half was SKIPPED')
    return r
  }
  const cluster = await startPgCluster()
  try {
    // Loaded once; the second database is a copy (CREATE DATABASE … TEMPLATE).
    const bUrl = await cluster.createDatabase()
    const loading = createPgStore(bUrl)
    await loading.migrate()
    await loadDemo(loading, ds.demo)
    await loading.close()
    const admin = new pg.Client({ connectionString: cluster.url() })
    await admin.connect()
    const aName = `bench_push_${process.pid}`
    await admin.query(`CREATE DATABASE ${aName} TEMPLATE ${new URL(bUrl).pathname.slice(1)}`)
    await admin.end()
    const a = { url: cluster.url(aName), store: createPgStore(cluster.url(aName)) }
    const b = { url: bUrl }
    const http = await timeHttpPush(a.store, ds, visits)
    await a.store.close()
    const rawMs = await rawPgInsert(b.url, communityId, rows)
    if (http.applied !== N) r.note(`postgres: only ${http.applied} of ${N} applied`)
    r.ratio('push 10k over HTTP / raw pg batched insert (PostgreSQL)', http.ms / rawMs, { max: 5 })
    r.figure('postgres', 'HTTP push', http.ms / 1000, `s (${((N / http.ms) * 1000).toFixed(0)} mutations/s)`)
    r.figure('postgres', 'raw insert, 1,000-row batches, one transaction', rawMs / 1000, 's')
    r.details.postgres = { httpMs: http.ms, rawMs, applied: http.applied }
  } finally {
    cluster.stop()
  }
  return r
}

