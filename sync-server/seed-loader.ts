import type { RecordKind } from '../src/shared'
import { hashPassword } from './auth/passwords'
import type { DemoData } from './seed/generate-demo'
import type { Store, StoredRecord } from './storage/store'

/**
 * Loads a generated demo community into an empty store in ONE transaction (a crash
 * mid-load leaves the database empty, so the next start loads it again). Passwords are
 * hashed before the transaction opens; records go in with bulk inserts, and the planner's
 * statistics are refreshed once they are in.
 */
export async function loadDemo(store: Store, data: DemoData): Promise<{ records: number }> {
  const hashes = await Promise.all(data.users.map((u) => hashPassword(u.password)))
  const communityOf = new Map(data.grids.map((g) => [g.id, g.communityId]))
  const rows: Omit<StoredRecord, 'seq'>[] = []
  const add = (kind: RecordKind, list: { id: string; gridId: string }[]) => {
    for (const r of list) {
      const communityId = communityOf.get(r.gridId)
      if (!communityId) throw new Error(`demo ${kind} ${r.id} names unknown grid ${r.gridId}`)
      rows.push({ kind, id: r.id, gridId: r.gridId, communityId, data: r })
    }
  }
  add('household', data.households)
  add('person', data.persons)
  add('assessment', data.assessments)
  add('visit', data.visits)
  add('wish', data.wishes)
  add('review', data.reviews)
  const createdAt = Date.now()
  await store.transaction(async (tx) => {
    await tx.insertCommunity(data.community)
    for (const g of data.grids) await tx.insertGrid(g)
    for (const [i, u] of data.users.entries()) {
      await tx.insertUser({
        id: u.id, username: u.username, displayName: u.displayName, role: u.role, communityId: u.communityId,
        phone: u.phone, passwordHash: hashes[i] ?? '', disabled: false, createdAt,
      })
    }
    await tx.bulkInsertRecords(rows)
    await tx.audit({ userId: null, action: 'demo-load', detail: { records: rows.length } })
  })
  // Before the first push: lookups planned without statistics scan a whole kind.
  await store.analyze()
  return { records: rows.length }
}

/** True when the store holds no account yet (a first start). */
export async function isEmpty(store: Store): Promise<boolean> {
  return (await store.countUsers()) === 0
}
