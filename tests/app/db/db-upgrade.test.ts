import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { GridSisterDb } from '@/db/db'
import { getMeta } from '@/db/meta-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { preparePhoto } from '@/db/photos-repository'
import { createWish } from '@/features/wishes/wishes-repository'
import { createAssessment } from '@/features/assessments/assessments-repository'
import { GRID_ID, actor, makeDb, photoBlob, review, seedHousehold, visitInput, wishInput } from '../../helpers/app/factories'

/**
 * Local data must survive a Dexie schema upgrade: a phone holding a week of unsynced
 * visits installs a new app version that declares a new schema version. This builds a
 * database exactly as version 1 of the app left it (a Dexie instance that declares only
 * version 1, under the same name), fills it with every kind of row the app writes, then
 * opens it with the current GridSisterDb.
 */

/** Frozen copy of `version(1)` in src/db/db.ts: what phones in the field have. */
const V1_STORES = {
  households: 'id, gridId, *keyGroups, lastVisitAt, careLevel',
  persons: 'id, householdId, gridId, *keyGroups, birthMonthDay',
  visits: 'id, [householdId+visitedAt], gridId, visitedAt, correctsId',
  wishes: 'id, householdId, gridId, state, [state+updatedAt]',
  assessments: 'id, [householdId+assessedAt], gridId',
  reviews: 'id, recordId, gridId, state',
  grids: 'id',
  outbox: 'seq, mutation.mutationId',
  rejections: 'mutationId, dismissed',
  photos: 'sha256, uploaded, gridId',
  meta: 'key',
}
const TABLES = Object.keys(V1_STORES) as (keyof typeof V1_STORES)[]
type Snapshot = Record<string, unknown[]>

const opened: Dexie[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

/** Rows of every kind, written through the app's own repositories into a scratch database. */
async function appRows(): Promise<Snapshot> {
  const scratch = makeDb()
  opened.push(scratch)
  const h1 = await seedHousehold(scratch, { keyGroups: ['elderly-alone'] }, [{ name: '王秀英', keyGroups: ['elderly-alone'] }])
  const h2 = await seedHousehold(scratch, { headName: '李建国' })
  const photo = await preparePhoto(photoBlob('stairwell'))
  const due = await createVisit(scratch, { ...visitInput(h1.id, { visitedAt: '2026-05-20T08:00:00.000Z', nextVisitOn: '2026-06-01' }), photos: [photo] }, actor)
  await createVisit(scratch, { ...visitInput(h2.id, { visitedAt: '2026-05-21T08:00:00.000Z', nextVisitOn: '2026-09-01' }), photos: [] }, actor)
  await createVisit(scratch, { ...visitInput(h2.id), photos: [] }, actor)
  await createWish(scratch, wishInput(h1.id), actor)
  await createAssessment(
    scratch,
    { householdId: h1.id, templateId: 'needs-v1', assessedAt: '2026-05-02T03:00:00.000Z', answers: {} },
    actor,
  )
  await scratch.reviews.add(review(due.id))
  await scratch.grids.put({ id: GRID_ID, communityId: GRID_ID, name: '一网格', code: 'G1', estates: ['黄龙小区'], workerId: actor.id })
  const first = (await scratch.outbox.orderBy('seq').first())!
  await scratch.rejections.add({
    mutationId: first.mutation.mutationId,
    seq: first.seq,
    mutation: first.mutation,
    code: 'out-of-scope',
    message: 'household is outside your grids',
    rejectedAt: '2026-05-03T00:00:00.000Z',
    dismissed: 0,
  })
  const snapshot: Snapshot = {}
  for (const t of TABLES) snapshot[t] = await scratch.table(t).toArray()
  return snapshot
}

/** Creates `name` as version 1 of the app would have, with `rows` in it. */
async function createV1Database(name: string, rows: Snapshot): Promise<void> {
  const v1 = new Dexie(name)
  v1.version(1).stores(V1_STORES)
  await v1.open()
  expect(v1.verno).toBe(1)
  // Version 1 knew no `promisedOn`: the upgrade to version 3 derives it from the visits.
  const oldHousehold = (h: unknown) => {
    const { promisedOn: _derivedLater, ...rest } = h as Record<string, unknown>
    return rest
  }
  await v1.transaction('rw', v1.tables, async () => {
    for (const t of TABLES) await v1.table(t).bulkAdd(t === 'households' ? rows[t]!.map(oldHousehold) : rows[t]!)
  })
  v1.close()
}

describe('GridSisterDb schema upgrade', () => {
  it('keeps every row of a version-1 database and derives each household\'s promised visit', async () => {
    const rows = await appRows()
    // Every kind of row the app writes is present, or the test proves nothing.
    for (const t of TABLES) expect(rows[t]!.length, `rows in ${t}`).toBeGreaterThan(0)

    // Version 1 photo rows had no `usedAt`; version 4 gives them one.
    rows.photos = rows.photos!.map((p) => {
      const { usedAt: _usedAt, ...v1 } = p as { usedAt: number }
      return v1
    })
    const name = `upgrade-${Date.now()}`
    await createV1Database(name, rows)
    const db = new GridSisterDb(name)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(6)
    // v5 adds the drafts table, v6 the community's settings: empty after an upgrade.
    expect(await db.drafts.count()).toBe(0)
    expect(await db.communitySettings.count()).toBe(0)

    // Equal to the rows the current app writes, `promisedOn` included.
    // Compared as objects: the upgrade adds `promisedOn` last, the app elsewhere.
    const primaryKey = (t: string) => db.table(t).schema.primKey.keyPath as string
    for (const t of TABLES) {
      const byKey = (a: unknown, b: unknown) => {
        const k = primaryKey(t)
        return String((a as Record<string, unknown>)[k]).localeCompare(String((b as Record<string, unknown>)[k]))
      }
      let after = await db.table(t).toArray()
      if (t === 'photos') {
        expect(after.every((p: { usedAt?: unknown }) => typeof p.usedAt === 'number')).toBe(true)
        after = after.map(({ usedAt: _usedAt, ...p }: { usedAt: number }) => p)
      }
      expect([...after].sort(byKey), `table ${t}`).toEqual([...rows[t]!].sort(byKey))
    }
    // (Blob bytes are not compared: fake-indexeddb does not clone Blobs; the browser
    // journey in tests/e2e reads a stored photo back from real IndexedDB.)
    const [photoRow] = rows.photos as { sha256: string; size: number }[]
    expect(await db.photos.get(photoRow!.sha256)).toMatchObject({ size: photoRow!.size, uploaded: 0 })

    // h2's promise was superseded by its later visit, which promised nothing.
    const dueByJune = await db.households.where('promisedOn').belowOrEqual('2026-06-30').toArray()
    expect(dueByJune.map((h) => h.promisedOn)).toEqual(['2026-06-01'])
    expect(await db.households.where('promisedOn').above('').count()).toBe(1)
  })

  it('continues the outbox after the upgrade: new writes get the next seq and the old ones stay pending', async () => {
    const rows = await appRows()
    const name = `upgrade-seq-${Date.now()}`
    await createV1Database(name, rows)
    const db = new GridSisterDb(name)
    opened.push(db)
    const before = rows.outbox!.length
    const nextSeq = await getMeta(db, 'nextSeq')
    const householdId = (rows.households![0] as { id: string }).id
    await createVisit(db, { ...visitInput(householdId, { visitedAt: '2026-06-20T08:00:00.000Z', nextVisitOn: '2026-07-01' }), photos: [] }, actor)
    const seqs = (await db.outbox.orderBy('seq').toArray()).map((r) => r.seq)
    expect(seqs).toHaveLength(before + 1)
    expect(seqs.at(-1)).toBe(nextSeq)
    expect(new Set(seqs).size).toBe(seqs.length)
    expect(await db.households.where('promisedOn').equals('2026-07-01').count()).toBe(1)
  })

  it('opens an empty new database directly at the current version', async () => {
    const db = new GridSisterDb(`fresh-${Date.now()}`)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(6)
    expect(await db.households.where('promisedOn').above('').count()).toBe(0)
  })
})
