import type { GridSisterDb } from './db'
import type { LatestVisit } from './derive'

/** Typed key-value settings of the device database (client id, clock, cursors…). */
export interface MetaValues {
  clientId: string
  hlc: string
  nextSeq: number
  cursors: Record<string, number>
  /** The seq of the community settings this device holds (0: none yet). */
  communityCursor: number
  lastSyncAt: string | null
  persistRequested: boolean
  /** Persistence asked for again once the app ran installed (browsers grant it to apps). */
  persistRequestedInstalled: boolean
  /**
   * The first download of the user's scope: records stored so far and the total the
   * server announced (null before its first page said). Absent on a device that synced
   * before this was kept (`lastSyncAt` set): its first sync is long done.
   */
  firstSync: FirstSyncProgress
  /**
   * Households whose derived columns wait for the end of the pull that stored their
   * records (see `settlePulledHouseholds`): null for a full recompute, or the newest
   * pulled visit when visits were only appended.
   */
  householdsToSettle: Record<string, LatestVisit | null>
  /** Bytes the phone may spend on photos (see photos-repository.ts). */
  photoBudget: number
  /**
   * Grids this phone heard it lost: the highest seq it had handed out then, and when
   * (epoch ms). Sent with every push for a month (src/sync/push.ts).
   */
  heardLosses: Record<string, { seq: number; at: number }>
  /**
   * Her own 常用语 of the visit form and how often she used each, per text field
   * (features/visits/phrases-repository.ts). Kept on this phone only.
   */
  visitPhrases: VisitPhrasePrefs
}

/** Per text field of the visit form: her phrases (absent: the built-in list) and their use. */
export interface VisitPhrasePrefs {
  own: Record<string, string[]>
  usage: Record<string, Record<string, number>>
}

export interface FirstSyncProgress {
  done: number
  total: number | null
  /** Every page stored and the households' derived columns settled. */
  complete: boolean
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

/** Several meta values with one IndexedDB request (the save path reads three per write). */
export async function getMetas<K extends keyof MetaValues>(
  db: GridSisterDb,
  keys: readonly K[],
): Promise<Partial<Pick<MetaValues, K>>> {
  const rows = await db.meta.bulkGet([...keys])
  const out: Partial<Record<K, unknown>> = {}
  rows.forEach((row, i) => {
    if (row) out[keys[i] as K] = row.value
  })
  return out as Partial<Pick<MetaValues, K>>
}

/** Several meta values with one IndexedDB request. */
export async function setMetas(db: GridSisterDb, values: Partial<MetaValues>): Promise<void> {
  await db.meta.bulkPut(Object.entries(values).map(([key, value]) => ({ key, value })))
}
