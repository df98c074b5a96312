import { randomUUID } from 'node:crypto'
import type { Grid, Household } from '../../src/shared'
import { DEFAULT_SESSION_POLICY, createSession } from '../../sync-server/auth/sessions'
import { DUMMY_HASH } from '../../sync-server/auth/passwords'
import type { Store } from '../../sync-server/storage/store'
import type { WorkerDataset } from './dataset'

/**
 * A county at 8 a.m.: `communities` communities of `workersPer` grid workers each, one
 * grid per worker holding a few of the demo's households. Every worker gets a session
 * made directly (no login round, no scrypt). Returns what each simulated device needs.
 */
export interface SimWorker {
  userId: string
  displayName: string
  token: string
  grid: Grid
  households: Household[]
}

export async function seedManyWorkers(store: Store, ds: WorkerDataset, communities: number, workersPer: number, householdsPer: number): Promise<SimWorker[]> {
  const now = Date.now()
  const workers: Omit<SimWorker, 'token'>[] = []
  let next = 0
  await store.transaction(async (tx) => {
    for (let c = 0; c < communities; c++) {
      const communityId = randomUUID()
      await tx.insertCommunity({ id: communityId, name: `社区${c + 1}`, district: '黄龙县', street: '石堡镇' })
      const rows = []
      for (let w = 0; w < workersPer; w++) {
        const userId = randomUUID()
        const displayName = `网格员${c + 1}-${w + 1}`
        await tx.insertUser({
          id: userId, username: `sim-${c}-${w}`, displayName, role: 'worker', communityId, phone: '',
          passwordHash: DUMMY_HASH, disabled: false, createdAt: now,
        })
        const grid: Grid = { id: randomUUID(), communityId, name: `第${w + 1}网格`, code: `S${c}-${w}`, estates: [], workerId: userId }
        await tx.insertGrid(grid)
        const households: Household[] = []
        for (let h = 0; h < householdsPer; h++) {
          const src = ds.demo.households[next++ % ds.demo.households.length]!
          const household = { ...src, id: randomUUID(), gridId: grid.id }
          households.push(household)
          rows.push({ kind: 'household' as const, id: household.id, gridId: grid.id, communityId, data: household })
        }
        workers.push({ userId, displayName, grid, households })
      }
      await tx.bulkInsertRecords(rows)
    }
  })
  const out: SimWorker[] = []
  for (const w of workers) out.push({ ...w, token: (await createSession(store, w.userId, now, DEFAULT_SESSION_POLICY)).token })
  return out
}
