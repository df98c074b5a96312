import type { GridSisterDb } from '@/db/db'
import { getMeta, setMeta } from '@/db/meta-repository'

/** Rows that would hurt to lose: pending changes and downloaded households. */
export async function storedRecordCount(db: GridSisterDb): Promise<number> {
  const [outbox, households] = await Promise.all([db.outbox.count(), db.households.count()])
  return outbox + households
}

export async function wasPersistRequested(db: GridSisterDb): Promise<boolean> {
  return (await getMeta(db, 'persistRequested')) === true
}

export async function markPersistRequested(db: GridSisterDb): Promise<void> {
  await setMeta(db, 'persistRequested', true)
}
