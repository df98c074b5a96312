import { ErrorCode, MIN_SCHEMA_VERSION, type MutationResult, type PushReply, type PushRequest } from '../../src/shared'
import { upgradeRequired } from '../errors'
import type { Store, StoreOps, UserRow } from '../storage/store'
import { applyMutation } from './apply-mutation'

/**
 * Push (SYNC.md): the whole batch of one client is applied in ONE transaction together
 * with the client's `lastSeq`, so a crash leaves all or nothing and a replay is a no-op.
 *
 * - seq <= lastSeq: already processed → `duplicate`, nothing written — unless it was
 *   rejected, then the same rejection again (its first reply may have been lost)
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
    await rememberRejections(tx, req.clientId, user.id, results, startSeq)
    if (lastSeq !== startSeq) await tx.setClientSeq(req.clientId, user.id, lastSeq)
    return { results: await replayRejections(tx, req.clientId, user.id, results), lastSeq }
  })
}

/** Stores the reasons of the mutations this push rejected (seq above the old lastSeq). */
async function rememberRejections(tx: StoreOps, clientId: string, userId: string, results: MutationResult[], startSeq: number) {
  for (const r of results) {
    if (r.status !== 'rejected' || r.seq <= startSeq) continue
    await tx.saveRejection({ clientId, userId, seq: r.seq, mutationId: r.mutationId, code: r.code ?? 'bad-request', message: r.message ?? '' })
  }
}

/** Answers a duplicate of a rejected mutation with its original rejection. */
async function replayRejections(tx: StoreOps, clientId: string, userId: string, results: MutationResult[]): Promise<MutationResult[]> {
  const dupSeqs = results.filter((r) => r.status === 'duplicate').map((r) => r.seq)
  if (dupSeqs.length === 0) return results
  const known = new Map((await tx.findRejections(clientId, userId, dupSeqs)).map((r) => [r.seq, r]))
  return results.map((r) => {
    const k = r.status === 'duplicate' ? known.get(r.seq) : undefined
    if (!k || k.mutationId !== r.mutationId) return r
    return { ...r, status: 'rejected', code: ErrorCode.catch('bad-request').parse(k.code), message: k.message }
  })
}
