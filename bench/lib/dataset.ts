import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Assessment, Household, Person, Review, Visit, Wish } from '../../src/shared'
import { generateDemo, type DemoData, type DemoUser } from '../../sync-server/seed/generate-demo'
import { loadDemo } from '../../sync-server/seed-loader'
import { createSqliteStore } from '../../sync-server/storage/sqlite-store'
import type { Store } from '../../sync-server/storage/store'

/**
 * The data every benchmark uses: the deterministic demo community at a worker's scale.
 * 1,200 households in four grids give each of the two workers ~600 households,
 * ~1,800 persons and, at 20 visits per household per year, ~12,000 visit diaries,
 * wishes and assessments (plus the supervisor's reviews of them): the scope the issue
 * names. `now` is today's midnight (UTC), so a run is deterministic within a day and
 * the data still ends "today" for the Today screen.
 */

export const BENCH_SEED = 20240305
export const WORKER = 'demo-worker-1'

export interface ScopeRecords {
  households: Household[]
  persons: Person[]
  visits: Visit[]
  wishes: Wish[]
  assessments: Assessment[]
  reviews: Review[]
}

export interface WorkerDataset {
  demo: DemoData
  worker: DemoUser
  /** Every record of the worker's grids, by table. */
  scope: ScopeRecords
  /** Number of records in `scope`. */
  records: number
  /** Size of the scope as JSON (bytes of UTF-8). */
  jsonBytes: number
}

const cache = new Map<string, WorkerDataset>()

function today(): Date {
  const d = new Date()
  d.setUTCHours(0, 0, 0, 0)
  return d
}

/** The worker-scale demo (generated once per process) and the scope of `username`. */
export function workerDataset(username = WORKER, households = 1200, visitsPerYear = 20): WorkerDataset {
  const key = `${username}/${households}/${visitsPerYear}`
  const hit = cache.get(key)
  if (hit) return hit
  const demo = generateDemo({ seed: BENCH_SEED, households, visitsPerHouseholdPerYear: visitsPerYear, now: today() })
  const worker = demo.users.find((u) => u.username === username)
  if (!worker) throw new Error(`no demo user ${username}`)
  const grids = new Set(worker.gridIds)
  const pick = <T extends { gridId: string }>(list: T[]) => list.filter((r) => grids.has(r.gridId))
  const scope: ScopeRecords = {
    households: pick(demo.households),
    persons: pick(demo.persons),
    visits: pick(demo.visits),
    wishes: pick(demo.wishes),
    assessments: pick(demo.assessments),
    reviews: pick(demo.reviews),
  }
  const records = Object.values(scope).reduce((n, l: unknown[]) => n + l.length, 0)
  const jsonBytes = Buffer.byteLength(JSON.stringify(scope))
  const ds = { demo, worker, scope, records, jsonBytes }
  cache.set(key, ds)
  return ds
}

export interface LoadedSqlite {
  store: Store
  file: string
  cleanup: () => Promise<void>
}

/** A fresh SQLite file (WAL, like production) holding the demo community. */
export async function loadedSqlite(demo: DemoData): Promise<LoadedSqlite> {
  const dir = mkdtempSync(join(tmpdir(), 'gridsister-bench-'))
  const file = join(dir, 'gridsister.db')
  const store = createSqliteStore(file)
  await store.migrate()
  await loadDemo(store, demo)
  return {
    store,
    file,
    cleanup: async () => {
      await store.close().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A copy of a closed SQLite file, opened as a store (cheaper than loading the demo again). */
export async function reopenedCopy(file: string): Promise<LoadedSqlite> {
  const dir = mkdtempSync(join(tmpdir(), 'gridsister-bench-'))
  const copy = join(dir, 'gridsister.db')
  copyFileSync(file, copy)
  const store = createSqliteStore(copy)
  await store.migrate()
  return {
    store,
    file: copy,
    cleanup: async () => {
      await store.close().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
