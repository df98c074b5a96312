import Database from 'better-sqlite3'
import pg from 'pg'
import { randomUUID } from 'node:crypto'
import { MAX_PUSH_MUTATIONS, type Visit } from '../src/shared'
import { createPgStore } from '../sync-server/storage/pg-store'
import { SQLITE_PRAGMAS } from '../sync-server/storage/sqlite-store'
import { loadDemo } from '../sync-server/seed-loader'
import type { Store } from '../sync-server/storage/store'
import { HAVE_POSTGRES, startPgCluster } from '../tests/helpers/server/pg-cluster'
import { WORKER, loadedSqlite, reopenedCopy, workerDataset, type WorkerDataset } from './lib/dataset'
import { newVisits, visitMutations } from './lib/new-visits'
import { startOurServer } from './lib/our-server'
import { postFloor, postPush, pushBodies } from './lib/push-client'
import { newResult, type BenchResult } from './lib/report'

/**
 * Benchmark 2: 10,000 visit mutations pushed over HTTP to the real server, in the app's
 * batch size (gzip bodies, prepared before timing), against the same rows inserted
 * directly (better-sqlite3 in one transaction; pg in 1,000-row INSERTs in one
 * transaction) into a database holding the same demo community. Ratio = our overhead.
 *
 * Each side runs TRIALS times, alternating, each on a fresh copy of the loaded database;
 * the ratio is median / median. One 1–2 s run moved by 2× on this shared machine (load
 * 4–8 from other work), and the first pushes also pay for compiling the server's code
 * (a running server is warm: the median is, the slowest trial usually is not). Every
 * trial is in the JSON details.
 */

const N = 10_000
const TRIALS = 5

/** The median of a few numbers. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

interface Trials {
  /** The same bodies to an endpoint that only unzips and parses them (HTTP + JSON). */
  transportMs: number[]
  httpMs: number[]
  rawMs: number[]
  httpCpuMs: number[]
  rawCpuMs: number[]
  applied: number[]
}

/** Runs the two sides alternately, TRIALS times each. */
async function alternate(http: () => Promise<Timed & { applied: number; transportMs: number }>, raw: () => Promise<Timed>): Promise<Trials> {
  const t: Trials = { transportMs: [], httpMs: [], rawMs: [], httpCpuMs: [], rawCpuMs: [], applied: [] }
  for (let i = 0; i < TRIALS; i++) {
    const h = await http()
    t.httpMs.push(h.ms)
    t.transportMs.push(h.transportMs)
    t.httpCpuMs.push(h.cpuMs)
    t.applied.push(h.applied)
    const w = await raw()
    t.rawMs.push(w.ms)
    t.rawCpuMs.push(w.cpuMs)
  }
  return t
}

/** Records the medians, the ratio and every trial. */
function report(r: ReturnType<typeof newResult>, name: 'sqlite' | 'postgres', ratioName: string, rawName: string, t: Trials) {
  const httpMs = median(t.httpMs)
  const rawMs = median(t.rawMs)
  const short = t.applied.filter((a) => a !== N)
  if (short.length) r.note(`${name}: a trial applied only ${short.join(', ')} of ${N}`)
  const transportMs = median(t.transportMs)
  r.ratio(ratioName, httpMs / rawMs, { max: 5 })
  // What no server taking JSON over HTTP avoids: the same gzip bodies posted to the same
  // server, unzipped and parsed, nothing validated or stored. The rest is our work.
  r.ratio(`${ratioName}: HTTP + JSON alone (transport floor) / raw`, transportMs / rawMs, null)
  r.ratio(`${ratioName}: push minus transport floor / raw`, (httpMs - transportMs) / rawMs, null)
  r.figure(name, `HTTP push (median of ${TRIALS})`, httpMs / 1000, `s (${((N / httpMs) * 1000).toFixed(0)} mutations/s)`)
  r.figure(name, `transport floor: same bodies unzipped + parsed only (median of ${TRIALS})`, transportMs / 1000, 's')
  r.figure(name, `${rawName} (median of ${TRIALS})`, rawMs / 1000, 's')
  // SQLite runs in this process (server, client and raw insert alike): the CPU-time
  // ratio is the same comparison with the other work on the machine taken out.
  if (name === 'sqlite') r.ratio(`${ratioName}, CPU time`, median(t.httpCpuMs) / median(t.rawCpuMs), null)
  r.details[name] = { httpMs, rawMs, trials: t }
}

interface RawRow {
  id: string
  gridId: string
  data: Visit
}

/** CPU time of this process (user + system), ms: what the load of other work barely moves. */
function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

interface Timed {
  ms: number
  cpuMs: number
}

async function timeHttpPush(store: Store, ds: WorkerDataset, visits: Visit[]): Promise<Timed & { applied: number; transportMs: number }> {
  const server = await startOurServer({ store, staticDir: null, pushFloor: true })
  try {
    const { token } = await server.login(WORKER)
    const clientId = randomUUID()
    const bodies = pushBodies(clientId, visitMutations(visits, clientId, 1), MAX_PUSH_MUTATIONS)
    // The transport floor first, on the same warm server (its parse path is Fastify's).
    const f0 = performance.now()
    for (const body of bodies) await postFloor(server.url, body)
    const transportMs = performance.now() - f0
    let applied = 0
    const t0 = performance.now()
    const c0 = cpuMs()
    for (const body of bodies) {
      const reply = await postPush(server.url, token, body)
      applied += reply.results.filter((x) => x.status === 'applied').length
    }
    return { ms: performance.now() - t0, cpuMs: cpuMs() - c0, applied, transportMs }
  } finally {
    await server.close()
  }
}

function rawSqliteInsert(file: string, communityId: string, rows: RawRow[]): Timed {
  const db = new Database(file)
  for (const p of SQLITE_PRAGMAS) db.pragma(p)
  try {
    const insert = db.prepare('INSERT INTO records (kind, id, grid_id, community_id, data, seq) VALUES (?, ?, ?, ?, ?, ?)')
    const base = Number((db.prepare('SELECT MAX(seq) AS s FROM records').get() as { s: number }).s)
    const t0 = performance.now()
    const c0 = cpuMs()
    db.transaction(() => {
      rows.forEach((r, i) => insert.run('visit', r.id, r.gridId, communityId, JSON.stringify(r.data), base + i + 1))
    })()
    return { ms: performance.now() - t0, cpuMs: cpuMs() - c0 }
  } finally {
    db.close()
  }
}

async function rawPgInsert(url: string, communityId: string, rows: RawRow[]): Promise<Timed> {
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
    // The work happens in the PostgreSQL server's processes: no CPU figure of ours.
    return { ms: performance.now() - t0, cpuMs: NaN }
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

  // SQLite: loaded once; each trial runs on its own copy of the file.
  const loaded = await loadedSqlite(ds.demo)
  await loaded.store.close()
  try {
    const t = await alternate(
      async () => {
        const served = await reopenedCopy(loaded.file)
        try {
          return await timeHttpPush(served.store, ds, visits)
        } finally {
          await served.cleanup()
        }
      },
      async () => {
        const copy = await reopenedCopy(loaded.file)
        await copy.store.close()
        try {
          return rawSqliteInsert(copy.file, communityId, rows)
        } finally {
          await copy.cleanup()
        }
      },
    )
    report(r, 'sqlite', 'push 10k over HTTP / raw better-sqlite3 insert (SQLite)', 'raw insert, one transaction', t)
  } finally {
    await loaded.cleanup()
  }

  if (!HAVE_POSTGRES) {
    r.note('PostgreSQL binaries not found: the PostgreSQL half was SKIPPED')
    return r
  }
  const cluster = await startPgCluster()
  try {
    // Loaded once; each trial runs on its own copy (CREATE DATABASE … TEMPLATE).
    const templateUrl = await cluster.createDatabase()
    const loading = createPgStore(templateUrl)
    await loading.migrate()
    await loadDemo(loading, ds.demo)
    await loading.close()
    let copies = 0
    const copy = async () => {
      const admin = new pg.Client({ connectionString: cluster.url() })
      await admin.connect()
      const name = `bench_push_${process.pid}_${++copies}`
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${new URL(templateUrl).pathname.slice(1)}`)
      await admin.end()
      return cluster.url(name)
    }
    const t = await alternate(
      async () => {
        const store = createPgStore(await copy())
        try {
          return await timeHttpPush(store, ds, visits)
        } finally {
          await store.close()
        }
      },
      async () => rawPgInsert(await copy(), communityId, rows),
    )
    report(r, 'postgres', 'push 10k over HTTP / raw pg batched insert (PostgreSQL)', 'raw insert, 1,000-row batches, one transaction', t)
  } finally {
    cluster.stop()
  }
  return r
}

