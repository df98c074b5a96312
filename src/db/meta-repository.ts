import type { GridSisterDb } from './db'

/** Typed key-value settings of the device database (client id, clock, cursors…). */
export interface MetaValues {
  clientId: string
  hlc: string
  nextSeq: number
  cursors: Record<string, number>
  lastSyncAt: string | null
  persistRequested: boolean
}

export async function getMeta<K extends keyof MetaValues>(
  db: GridSisterDb,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key)
  return row?.value as MetaValues[K] | undefined
}

export async function setMeta<K extends keyof MetaValues>(
  db: GridSisterDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put({ key, value })
}
