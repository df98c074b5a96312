import { MIN_SCHEMA_VERSION, type MutationResult, type PushReply, type PushRequest } from '../../src/shared'
import { upgradeRequired } from '../errors'
import type { Store, UserRow } from '../storage/store'
import { applyMutation } from './apply-mutation'

/**
 * Push (SYNC.md): the whole batch of one client is applied in ONE transaction together
 * with the client's `lastSeq`, so a crash leaves all or nothing and a replay is a no-op.
 *
 * - seq <= lastSeq: already processed → `duplicate`, nothing written
 * - seq  > lastSeq + 1: a gap (an earlier mutation has not arrived) → this and every later
 *   one `skipped`, to be resent
 * - otherwise the rule decides; a refused mutation is still marked processed (else the
 *   device would be stuck on it forever) and reported `rejected` with its code.
 */
export async function pushMutations(store: Store, user: UserRow, req: PushRequest, now: number): Promise<Omit<PushReply, 'serverHlc'>> {
  // Older clients are refused before anything is written (SYNC.md guarantee 8).
  if (req.schemaVersion < MIN_SCHEMA_VERSION || req.mutations.some((m) => m.schemaVersion < MIN_SCHEMA_VERSION)) {
    throw upgradeRequired()
  }
  const mutations = [...req.mutations].sort((a, b) => a.seq - b.seq)
  return store.transaction(async (tx) => {
    let lastSeq = await tx.getClientSeq(req.clientId, user.id)
    const startSeq = lastSeq
    const results: MutationResult[] = []
    let gap = false
    for (const m of mutations) {
      const base = { mutationId: m.mutationId, seq: m.seq }
      if (m.seq <= lastSeq) results.push({ ...base, status: 'duplicate' })
      else if (gap || m.seq !== lastSeq + 1) {
        gap = true
        results.push({ ...base, status: 'skipped', message: `waiting for seq ${lastSeq + 1}` })
      } else {
        results.push(await applyMutation(tx, user, m, now))
        lastSeq = m.seq
      }
    }
    if (lastSeq !== startSeq) await tx.setClientSeq(req.clientId, user.id, lastSeq)
    return { results, lastSeq }
  })
}
