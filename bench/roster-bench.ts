import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServerClock } from '../sync-server/context'
import { readRoster } from '../sync-server/import/roster-read'
import { runRoster } from '../sync-server/import/roster-service'
import { syntheticRegister } from '../sync-server/import/roster-synthetic'
import { writeRegisterXlsx } from '../sync-server/import/roster-write'
import { createPgStore } from '../sync-server/storage/pg-store'
import { createSqliteStore } from '../sync-server/storage/sqlite-store'
import type { Store } from '../sync-server/storage/store'
import { HAVE_POSTGRES, startPgCluster } from '../tests/helpers/server/pg-cluster'
import { newResult, type BenchResult } from './lib/report'

/**
 * Roster import of a 10,000-person register (.xlsx, a title row, a 合计 row, three
 * date spellings) into an empty community of four grids: read + check + plan + write in
 * one transaction, on a SQLite file and on PostgreSQL; then the same file again (every
 * row matched, nothing written). Goal: under 10 s for the import on both.
 */
const ESTATES = ['幸福小区', '和平里', '向阳小区', '城东新村', '教师小区', '惠民家园', '锦绣花园', '供电小区']
const TARGET_ROWS = 10_000

async function registerFile(): Promise<{ bytes: Buffer; rows: number }> {
  const households = syntheticRegister(7, ESTATES, Math.ceil(TARGET_ROWS / 2.1))
  let rows = 0
  const cut = households.filter((h) => (rows += h.persons.length) <= TARGET_ROWS)
  // Addresses on every row: exceljs's writer merges cells in quadratic time, and the reader never applies merges.
  return { bytes: await writeRegisterXlsx(cut, { merge: false }), rows: cut.reduce((n, h) => n + h.persons.length, 0) }
}

async function community(store: Store): Promise<string> {
  const communityId = randomUUID()
  await store.insertCommunity({ id: communityId, name: '基准社区', district: '', street: '' })
  for (let g = 0; g < 4; g++) {
    await store.insertGrid({ id: randomUUID(), communityId, name: `第${g + 1}网格`, code: '', estates: ESTATES.slice(g * 2, g * 2 + 2), workerId: null })
  }
  return communityId
}

async function timeImport(store: Store, bytes: Buffer, dryRun: boolean, communityId: string) {
  const started = performance.now()
  const cells = await readRoster('bench.xlsx', bytes)
  const report = await runRoster(store, { communityId, fileName: 'bench.xlsx', cells, mode: 'clean', dryRun, hlc: createServerClock(Date.now), now: Date.now() })
  return { seconds: (performance.now() - started) / 1000, report }
}

export async function rosterBench(): Promise<BenchResult> {
  const r = newResult('roster')
  const file = await registerFile()
  r.note(`register: ${file.rows} persons, ${(file.bytes.length / 1024).toFixed(0)} KiB xlsx`)
  const measure = async (backend: string, store: Store) => {
    const communityId = await community(store)
    const first = await timeImport(store, file.bytes, false, communityId)
    const again = await timeImport(store, file.bytes, false, communityId)
    // A synthetic register may hold the same name and birth date twice: matched, not created.
    const { persons } = first.report
    if (persons.create + persons.existing !== file.rows || first.report.errorRows > 0 || again.report.persons.create !== 0) {
      throw new Error(`${backend}: unexpected counts ${JSON.stringify([first.report.persons, again.report.persons])}`)
    }
    r.figure(backend, 'import 10k rows', first.seconds, 's')
    r.figure(backend, 're-import (all matched)', again.seconds, 's')
    r.ratio(`roster import ${file.rows} rows, ${backend}: seconds`, first.seconds, { max: 10 })
  }
  const dir = mkdtempSync(join(tmpdir(), 'roster-bench-'))
  try {
    const sqlite = createSqliteStore(join(dir, 'bench.db'))
    await sqlite.migrate()
    await measure('sqlite', sqlite).finally(() => sqlite.close())
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  if (!HAVE_POSTGRES) {
    r.note('PostgreSQL binaries not found: the PostgreSQL half was SKIPPED')
    return r
  }
  const cluster = await startPgCluster()
  try {
    const pgStore = createPgStore(await cluster.createDatabase())
    await pgStore.migrate()
    await measure('postgres', pgStore).finally(() => pgStore.close())
  } finally {
    cluster.stop()
  }
  return r
}
