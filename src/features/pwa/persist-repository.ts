import type { GridSisterDb } from '@/db/db'
import { getMeta, setMeta } from '@/db/meta-repository'

/** Rows that would hurt to lose: pending changes and downloaded households. */
export async function storedRecordCount(db: GridSisterDb): Promise<number> {
  const [outbox, households] = await Promise.all([db.outbox.count(), db.households.count()])
  return outbox + households
}

/** Whether persistence was asked for already (in a tab, or since the app runs installed). */
export async function wasPersistRequested(db: GridSisterDb, installed = false): Promise<boolean> {
  return (await getMeta(db, installed ? 'persistRequestedInstalled' : 'persistRequested')) === true
}

export async function markPersistRequested(db: GridSisterDb, installed = false): Promise<void> {
  await setMeta(db, 'persistRequested', true)
  if (installed) await setMeta(db, 'persistRequestedInstalled', true)
}
