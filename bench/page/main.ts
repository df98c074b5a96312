import './idb-counter'
import { v7 as uuidv7 } from 'uuid'
import type { Visit } from '@/shared'
import { openUserDb, type GridSisterDb } from '@/db/db'
import { createSyncClient } from '@/sync/sync-client'
import { createVisit } from '@/features/visits/visits-repository'
import { ensurePinyin } from '@/db/derive'
import { gzip } from '@/sync/http'
import { repairSearchText } from '@/features/households/search-text-repository'
import type { BenchApi, SyncRun } from './bench-api'
import { pouchPull, pouchPush, pouchWriteVisits } from './pouch'
import { idbCounts, resetIdbCounts } from './idb-counter'

/**
 * The benchmark device: the app's real sync engine and repositories over the app's
 * real Dexie database, without the UI. Built by vite from src/ like the app.
 */

async function counts(db: GridSisterDb): Promise<Record<string, number>> {
  const tables = ['households', 'persons', 'visits', 'wishes', 'assessments', 'reviews', 'outbox'] as const
  const out: Record<string, number> = {}
  for (const t of tables) out[t] = await db[t].count()
  return out
}

function client(db: GridSisterDb, token: string, onPush?: (done: number, total: number | null) => void) {
  return createSyncClient({
    db,
    baseUrl: '',
    getToken: () => token,
    locks: null,
    onProgress: (p) => {
      if (p.phase === 'push') onPush?.(p.done, p.total)
    },
  })
}

interface FloorBody {
  households: object[]
  persons: object[]
  visits: object[]
  wishes: object[]
  assessments: object[]
  reviews: object[]
}

const api: BenchApi = {
  async ourSync({ token, userId }) {
    const db = openUserDb(userId)
    resetIdbCounts()
    const t0 = performance.now()
    // As the app does (sync store): the pinyin dictionary loads alongside the first
    // pages; households stored before it arrived get their search text completed after
    // the pull. Both are in the time, so "stored" means searchable.
    const dictionary = ensurePinyin()
    const out = await client(db, token).syncOnce()
    await dictionary
    await repairSearchText(db)
    const ms = performance.now() - t0
    const idb = idbCounts()
    return { ms, state: out.state, message: out.message, pulled: out.pulled, stored: await counts(db), idb }
  },

  // The ideal floor: one compressed response with every record, one bulkPut per table
  // in one transaction. No cursors, no derived columns, no paging, no validation.
  async floor({ userId, url }): Promise<SyncRun> {
    const db = openUserDb(userId)
    resetIdbCounts()
    const t0 = performance.now()
    const body = (await (await fetch(url)).json()) as FloorBody
    await db.transaction('rw', [db.households, db.persons, db.visits, db.wishes, db.assessments, db.reviews], async () => {
      await db.households.bulkPut(body.households as never[])
      await db.persons.bulkPut(body.persons as never[])
      await db.visits.bulkPut(body.visits as never[])
      await db.wishes.bulkPut(body.wishes as never[])
      await db.assessments.bulkPut(body.assessments as never[])
      await db.reviews.bulkPut(body.reviews as never[])
    })
    const ms = performance.now() - t0
    const idb = idbCounts()
    const pulled = Object.values(body).reduce((n, l: object[]) => n + l.length, 0)
    return { ms, state: 'idle', message: null, pulled, stored: await counts(db), idb }
  },

  async writeVisits({ userId, inputs, actor }) {
    const db = openUserDb(userId)
    for (const input of inputs) await createVisit(db, input, actor)
    return db.outbox.count()
  },

  async ourPush({ token, userId }) {
    const db = openUserDb(userId)
    let pushMs = 0
    const t0 = performance.now()
    const out = await client(db, token, (done, total) => {
      if (total !== null && done >= total) pushMs = performance.now() - t0
    }).syncOnce()
    const totalMs = performance.now() - t0
    return { pushMs, totalMs, pushed: out.pushed, pulled: out.pulled, state: out.state }
  },

  async pushFloor({ url, visits }) {
    const t0 = performance.now()
    const body = await gzip(JSON.stringify(visits))
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-gridsister-floor' }, body })
    const { received } = (await res.json()) as { received: number }
    return { ms: performance.now() - t0, received }
  },

  async saveTimings({ userId, inputs, actor, batch }) {
    const db = openUserDb(userId)
    const repository: number[] = []
    const bare: number[] = []
    const rows: number[] = []
    // The page's clock ticks in 0.1 ms steps, about a tenth of a bare put: each sample
    // is the mean of `batch` writes in a row. The three kinds alternate batch by batch,
    // so all see the same machine load and the same database size.
    const timed = async (out: number[], each: (k: number) => Promise<unknown>) => {
      const t0 = performance.now()
      for (let k = 0; k < batch; k++) await each(k)
      out.push((performance.now() - t0) / batch)
    }
    const mutation = async () => (await db.outbox.orderBy('seq').last())?.mutation
    for (let i = 0; i + batch <= inputs.length; i += batch) {
      const saved: Visit[] = []
      await timed(repository, async (k) => saved.push(await createVisit(db, inputs[i + k]!, actor)))
      await timed(bare, (k) => db.visits.put({ ...saved[k]!, id: uuidv7() }))
      // The save's own rows with none of its logic: in one transaction, read the
      // household and the outbox counters, write the visit, the household, an outbox row
      // and the counters. (Outbox rows far past the device's own numbers, under their own
      // meta keys, deleted at the end: nothing the device would push.)
      const template = (await mutation())!
      await timed(rows, (k) => {
        const again = { ...saved[k]!, id: uuidv7() }
        return db.transaction('rw', [db.visits, db.households, db.outbox, db.meta], async () => {
          const [household] = await Promise.all([db.households.get(again.householdId), db.meta.bulkGet(['bench.a', 'bench.b', 'bench.c'])])
          await Promise.all([
            db.visits.add(again),
            db.households.put({ ...household!, lastVisitAt: again.visitedAt }),
            db.outbox.add({ seq: 1e9 + i + k, mutation: { ...template, args: again } as typeof template, attempts: 0 }),
            db.meta.bulkPut([{ key: 'bench.a', value: i }, { key: 'bench.b', value: k }]),
          ])
        })
      })
    }
    await db.outbox.where('seq').aboveOrEqual(1e9).delete()
    return { repository, bare, rows }
  },

  pouchPull,
  pouchWriteVisits,
  pouchPush,
}

window.gsBench = api
document.getElementById('status')!.textContent = 'ready'
