import { describe, expect, it } from 'vitest'
import type { MutationResult } from '@/shared'
import type { Store, StoreOps } from '../../sync-server/storage/store'
import { notingCommits, type CommitLog } from './sim-world'

/**
 * The simulation's model replays accepted writes in the order the server committed them.
 * That order is taken under the community lock, not from when a commit is heard: on
 * PostgreSQL with two processes, a push that waited on the lock can finish before the
 * one it waited for is heard to have committed (a descheduled backend under load). Heard
 * order once made the model replay two writes swapped (run 780, now in regressions/).
 */

const applied = (mutationId: string): MutationResult => ({ mutationId, status: 'applied' }) as MutationResult

/** A store whose first transaction's commit is heard only after the second one's. */
function lateFirstCommit(): Store {
  let lock: Promise<void> = Promise.resolve()
  let n = 0
  return {
    async transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T> {
      const mine = n++
      const held = lock
      let release!: () => void
      lock = new Promise((r) => (release = r))
      await held
      const out = await fn({} as StoreOps)
      release()
      // The first commit is heard late: the second transaction runs and is heard first.
      if (mine === 0) await new Promise((r) => setTimeout(r, 20))
      return out
    },
  } as Store
}

describe('the commit order the simulation model replays', () => {
  it('is the order of the lock, even when the first commit is heard last', async () => {
    const commits: CommitLog = { next: 0, at: new Map() }
    const store = notingCommits(lateFirstCommit(), commits)
    const heard: string[] = []
    const push = (id: string) => store.transaction(async () => ({ results: [applied(id)] })).then(() => heard.push(id))
    await Promise.all([push('fast-clock-edit'), push('edit-on-top')])
    expect(heard).toEqual(['edit-on-top', 'fast-clock-edit'])
    expect(commits.at.get('fast-clock-edit')).toBeLessThan(commits.at.get('edit-on-top')!)
  })

  it('notes nothing for a replay answered duplicate, and keeps a mutation at its first place', async () => {
    const commits: CommitLog = { next: 0, at: new Map() }
    const store = notingCommits(lateFirstCommit(), commits)
    await store.transaction(async () => ({ results: [applied('a'), { mutationId: 'b', status: 'duplicate' } as MutationResult] }))
    await store.transaction(async () => ({ results: [applied('c'), applied('a')] }))
    expect([...commits.at]).toEqual([['a', 0], ['c', 1]])
  })
})
