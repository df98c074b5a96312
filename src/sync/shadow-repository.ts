import type { GridSisterDb } from '@/db/db'
import { refreshHouseholdsDerived } from '@/db/households-derived-repository'
import { mutationTarget, type Mutation, type RecordByKind, type RecordKind, type RecordRef } from '@/shared'
import { putLocal } from './local-records-repository'
import { rebase, refKey } from './rebase'

/**
 * Shadows: the last server copy of a record the device is showing rebased. When a pull
 * brings a record that has pending mutations, the device shows server copy + pending
 * edits and keeps the server copy here. Once the server has answered every pending
 * mutation of that record, whatever the answer, the row goes back to the shadow; an
 * accepted edit then comes back with the next pull as the server's merged copy. This
 * is what makes a device converge when its edit lost a merge or was refused: without
 * the shadow it would keep showing its own edit, and no later pull would correct it,
 * because its cursor is already past the server copy (docs/sync.md, guarantee 4).
 * Shadows live in `meta` under `shadow:<kind>:<id>`; callers hold the transaction.
 */

interface Shadow {
  kind: RecordKind
  record: RecordByKind[RecordKind]
}

const PREFIX = 'shadow:'
const keyOf = (ref: RecordRef) => `${PREFIX}${refKey(ref)}`

export async function saveShadow<K extends RecordKind>(db: GridSisterDb, kind: K, record: RecordByKind[K]): Promise<void> {
  const value: Shadow = { kind, record }
  await db.meta.put({ key: keyOf({ kind, id: record.id }), value })
}

/** Puts records whose pending mutations were all answered back to their server copy. */
export async function restoreShadows(db: GridSisterDb, answered: Mutation[]): Promise<void> {
  const keys = new Set<string>()
  for (const m of answered) {
    const ref = mutationTarget(m)
    if (ref) keys.add(keyOf(ref))
  }
  if (keys.size === 0) return
  // The keys of all shadows in one request (there are few: only records edited on the
  // device while a pull brought them), rather than a lookup per answered record.
  const present = (await db.meta.where('key').startsWith(PREFIX).primaryKeys()).filter((k) => keys.has(k))
  if (present.length === 0) return
  const shadows = (await db.meta.bulkGet(present)).filter((row) => row !== undefined)
  if (shadows.length === 0) return
  const pending = new Map<string, Mutation[]>()
  for (const { mutation } of await db.outbox.orderBy('seq').toArray()) {
    const t = mutationTarget(mutation)
    if (!t) continue
    const list = pending.get(keyOf(t))
    if (list) list.push(mutation)
    else pending.set(keyOf(t), [mutation])
  }
  const touched = new Set<string>()
  for (const row of shadows) {
    const shadow = row.value as Shadow
    const still = pending.get(row.key) ?? []
    for (const id of await putLocal(db, shadow.kind, rebase(shadow.kind, shadow.record, still))) touched.add(id)
    if (still.length === 0) await db.meta.delete(row.key)
  }
  await refreshHouseholdsDerived(db, [...touched])
}

/** Forgets the shadows of records in lost grids. */
export async function dropShadows(db: GridSisterDb, gridIds: string[]): Promise<void> {
  const lost = new Set(gridIds)
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray()
  await db.meta.bulkDelete(rows.filter((r) => lost.has((r.value as Shadow).record.gridId)).map((r) => r.key))
}
