import { codeForVersion, ErrorCode, MIN_SCHEMA_VERSION, type Mutation, type MutationResult, type PushReply, type PushRequest } from '../../src/shared'
import { upgradeRequired } from '../errors'
import type { Store, StoreOps, UserRow } from '../storage/store'
import { applyMutation } from './apply-mutation'
import { createBatchView } from './batch-view'

/**
 * Push (docs/sync.md): the whole batch of one client is applied in ONE transaction together
 * with the client's `lastSeq`, so a crash leaves all or nothing and a replay is a no-op.
 *
 * - seq <= lastSeq: already processed → `duplicate`, nothing written — unless it was
 *   rejected, then the same rejection again (its first reply may have been lost)
 * - seq  > lastSeq + 1: a gap (an earlier mutation has not arrived) → this and every later
 *   one `skipped`, to be resent
 * - otherwise the rule decides; a refused mutation is still marked processed (else the
 *   device would be stuck on it forever) and reported `rejected` with its code.
 *
 * The mutations to apply go through a batch view (batch-view.ts): their grids and
 * records are read in a few queries after their communities' counters are locked, the
 * rules run in order on that view (a later mutation sees an earlier one's writes), and
 * the writes go out together at the end. `req` must have been parsed by `PushRequest`.
 */
export type PushOutcome = Omit<PushReply, 'serverHlc'> & {
  /** The newest HLC stored in the communities this push wrote to (for the server clock). */
  newestHlc: string | null
}

export async function pushMutations(store: Store, user: UserRow, req: PushRequest, now: number): Promise<PushOutcome> {
  // Older clients are refused before anything is written (docs/sync.md, guarantee 8).
  if (req.schemaVersion < MIN_SCHEMA_VERSION || req.mutations.some((m) => m.schemaVersion < MIN_SCHEMA_VERSION)) {
    throw upgradeRequired()
  }
  const mutations = [...req.mutations].sort((a, b) => a.seq - b.seq)
  return store.transaction(async (tx) => {
    const startSeq = await tx.getClientSeq(req.clientId, user.id)
    const plan = planBatch(mutations, startSeq)
    const toApply = plan.filter((p) => p.status === 'apply').map((p) => p.m)
    const view = createBatchView(tx, req.clientId, req.heard)
    if (toApply.length) await view.prefetch(toApply, user)
    const applied = new Map<Mutation, MutationResult>()
    for (const m of toApply) applied.set(m, await applyMutation(view, user, m, now))
    await view.flush()
    const lastSeq = toApply.at(-1)?.seq ?? startSeq
    const results = plan.map(({ m, status }): MutationResult => {
      const base = { mutationId: m.mutationId, seq: m.seq }
      if (status === 'duplicate') return { ...base, status }
      if (status === 'skipped') return { ...base, status, message: `waiting for seq ${lastSeq + 1}` }
      return applied.get(m)!
    })
    await rememberRejections(tx, req.clientId, user.id, [...applied.values()])
    if (lastSeq !== startSeq) await tx.setClientSeq(req.clientId, user.id, lastSeq)
    const replies = await replayRejections(tx, req.clientId, user.id, results)
    return { results: replies.map((r) => readableBy(r, req.schemaVersion)), lastSeq, newestHlc: view.newestHlc() }
  })
}

/**
 * What happens to each mutation (sorted by seq): at or below the processed seq a
 * duplicate, the next seq applied, and from the first gap on everything skipped.
 */
function planBatch(sorted: Mutation[], startSeq: number): { m: Mutation; status: 'duplicate' | 'skipped' | 'apply' }[] {
  let lastSeq = startSeq
  let gap = false
  return sorted.map((m) => {
    if (m.seq <= lastSeq) return { m, status: 'duplicate' }
    if (gap || m.seq !== lastSeq + 1) {
      gap = true
      return { m, status: 'skipped' }
    }
    lastSeq = m.seq
    return { m, status: 'apply' }
  })
}

/** Stores the reasons of the mutations this push rejected (all newly processed). */
async function rememberRejections(tx: StoreOps, clientId: string, userId: string, results: MutationResult[]) {
  const rejected = results.filter((r) => r.status === 'rejected')
  await tx.saveRejections(
    rejected.map((r) => ({ clientId, userId, seq: r.seq, mutationId: r.mutationId, code: r.code ?? 'bad-request', message: r.message ?? '' })),
  )
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

/** A result an installed app of this version can parse (docs/sync.md, guarantee 8). */
function readableBy(r: MutationResult, schemaVersion: number): MutationResult {
  return r.code ? { ...r, code: codeForVersion(r.code, schemaVersion) } : r
}
