import { compareHlc, mutationTarget, type Conflict, type Household, type Mutation, type MutationResult, type Wish } from '../../src/shared'
import { isWishEdge } from '../../src/shared/rules/wish'
import { createDevice, type SimDevice } from './sim-device'
import type { SimNetwork } from './sim-network'
import { derivedMismatches, firstDifference, snapshot, type Snapshot } from './sim-snapshot'
import { gridsOf, type SimWorld, type UserKey } from './sim-world'

/**
 * The end-of-run check of every guarantee of docs/sync.md, after the network healed and
 * every device synced until idle. The server's view of a user's scope is what a brand
 * new device of that user pulls from scratch; the sequential model is built from the
 * log of every push answer the server gave (heard by the device or not).
 */

interface Processed {
  mutation: Mutation
  result: MutationResult
  clientId: string
}

function processedMutations(net: SimNetwork, out: string[]): Map<string, Processed> {
  const map = new Map<string, Processed>()
  for (const entry of net.log) {
    for (const result of entry.results) {
      if (result.status === 'duplicate' || result.status === 'skipped') continue
      const mutation = entry.mutations.find((m) => m.mutationId === result.mutationId)!
      const seen = map.get(result.mutationId)
      // A retried rejection is answered with the original rejection: the same answer twice
      // is a replayed reply, not a second effect.
      const replayedRejection = seen?.result.status === 'rejected' && result.status === 'rejected' && seen.result.code === result.code
      if (seen && !replayedRejection) out.push(`G2 exactly once: mutation ${mutation.name} ${result.mutationId} processed twice`)
      if (seen) continue
      map.set(result.mutationId, { mutation, result, clientId: entry.clientId })
    }
  }
  return map
}

async function freshView(world: SimWorld, net: SimNetwork, user: UserKey): Promise<Snapshot> {
  const fresh = createDevice(world, net, `fresh-${user}`, user)
  const outcome = await fresh.client.syncOnce()
  if (outcome.state !== 'idle') throw new Error(`fresh ${user} device could not sync: ${outcome.state} ${outcome.message}`)
  const snap = await snapshot(fresh.db)
  fresh.db.close()
  return snap
}


async function checkDevice(world: SimWorld, net: SimNetwork, dev: SimDevice, view: Snapshot, processed: Map<string, Processed>, out: string[]) {
  const pending = await dev.db.outbox.count()
  if (pending > 0) out.push(`G1 device ${dev.name}: ${pending} mutations still unsent after healing`)
  const gaps = checkRejectionsShown(net, dev, processed, (await dev.db.meta.get('clientId'))?.value, new Set((await dev.db.rejections.toArray()).map((r) => r.mutationId)))
  out.push(...gaps)
  const refused = (await dev.db.rejections.toArray()).map((r) => mutationTarget(r.mutation)?.id).filter((id): id is string => !!id)
  const diff = firstDifference(await snapshot(dev.db), view, new Set(refused))
  if (diff) out.push(`G4 convergence, device ${dev.name}: ${diff}`)
  for (const m of await derivedMismatches(dev.db)) out.push(`derived columns, device ${dev.name}: ${m}`)
  const scope = await gridsOf(world, dev.user)
  const stray = [...(await dev.db.households.toArray()), ...(await dev.db.visits.toArray()), ...(await dev.db.photos.toArray())].filter((r) => !scope.has(r.gridId))
  if (stray.length) out.push(`G6 scope, device ${dev.name}: ${stray.length} rows of grids out of scope`)
}

function checkRejectionsShown(net: SimNetwork, dev: SimDevice, processed: Map<string, Processed>, clientId: unknown, rejections: Set<string>): string[] {
  const out: string[] = []
  for (const p of processed.values()) {
    if (p.clientId === clientId && p.result.status === 'rejected' && !rejections.has(p.mutation.mutationId)) {
      // Even when the reply carrying the rejection was lost, the retry is answered with
      // the same rejection, so every refused change must reach the worker.
      const heard = net.heardRejections.has(p.mutation.mutationId) ? 'heard' : 'first reply lost'
      out.push(`G7 device ${dev.name}: rejected ${p.mutation.name} (${p.result.code}, ${heard}) not shown to the worker`)
    }
  }
  return out
}

/**
 * The households as the server stores them: the supervisor's view masks phones
 * (field-catalogue.ts), and the model is checked against the real values.
 */
async function storedHouseholds(world: SimWorld, view: Snapshot): Promise<Map<string, Household>> {
  const rows = await world.store.getRecords(view.households.map((h) => ({ kind: 'household' as const, id: h.id })))
  return new Map(rows.map((r) => [r.id, r.data as Household]))
}

function checkHouseholds(byId: Map<string, Household>, accepted: Processed[], conflicts: Conflict[], out: string[]) {
  const conflictIds = new Set(conflicts.map((c) => c.id))
  const best = new Map<string, { hlc: string; value: unknown }>()
  for (const { mutation: m, result } of accepted) {
    if (m.name !== 'household.put' && m.name !== 'household.delete') continue
    const h = byId.get(m.args.id)
    if (!h) {
      out.push(`G1 household ${m.args.id} acknowledged but missing on the server`)
      continue
    }
    if (m.name === 'household.delete' && !h.deleted) out.push(`G1 household ${h.id}: acknowledged delete lost`)
    for (const c of result.conflictIds ?? []) if (!conflictIds.has(c)) out.push(`G7 conflict ${c} of ${h.id} not in the inbox`)
    const patch = m.name === 'household.put' ? (m.args.patch as Record<string, unknown>) : { deleted: true }
    for (const [field, value] of Object.entries(patch)) {
      const key = `${h.id}:${field}`
      const prev = best.get(key)
      if (!prev || compareHlc(m.hlc, prev.hlc) > 0) best.set(key, { hlc: m.hlc, value })
    }
  }
  // The sequential model: per field, the accepted write with the highest HLC wins.
  for (const [key, { value }] of best) {
    const [id, field] = key.split(':') as [string, string]
    const actual = (byId.get(id) as unknown as Record<string, unknown>)[field]
    if (JSON.stringify(actual) !== JSON.stringify(value)) {
      out.push(`G1/model household ${id}.${field} is ${JSON.stringify(actual)}, model says ${JSON.stringify(value)}`)
    }
  }
}

function checkEvents(view: Snapshot, accepted: Processed[], out: string[]) {
  const visits = new Map(view.visits.map((v) => [v.id, v]))
  const wishes = new Map((view.wishes as Wish[]).map((w) => [w.id, w]))
  const moves = new Map<string, number>()
  let acceptedVisits = 0
  for (const { mutation: m } of accepted) {
    if (m.name === 'visit.create') {
      acceptedVisits += 1
      if (JSON.stringify(visits.get(m.args.id)) !== JSON.stringify(m.args)) out.push(`G1 visit ${m.args.id} acknowledged but not stored as sent`)
    }
    if (m.name === 'wish.create' && !wishes.has(m.args.id)) out.push(`G1 wish ${m.args.id} acknowledged but missing`)
    if (m.name === 'wish.transition') moves.set(m.args.id, (moves.get(m.args.id) ?? 0) + 1)
  }
  if (acceptedVisits !== visits.size) out.push(`G2 the server holds ${visits.size} visits, ${acceptedVisits} were accepted`)
  for (const w of wishes.values()) {
    const states = w.history.map((e) => e.state)
    if (states.length !== 1 + (moves.get(w.id) ?? 0)) out.push(`G2 wish ${w.id}: history ${states.join('>')} vs ${moves.get(w.id) ?? 0} accepted moves`)
    for (let i = 1; i < states.length; i++) {
      if (!isWishEdge(states[i - 1]!, states[i]!)) out.push(`model wish ${w.id}: illegal ${states[i - 1]} > ${states[i]}`)
    }
    if (states.at(-1) !== w.state) out.push(`model wish ${w.id}: state ${w.state} but history ends ${states.at(-1)}`)
  }
}

async function conflictsOf(world: SimWorld): Promise<Conflict[]> {
  const res = await world.app.inject({ method: 'GET', url: '/api/conflicts', headers: { authorization: `Bearer ${world.tokens.sup}` } })
  return res.json<Conflict[]>()
}

/** Returns every violated guarantee (empty when all hold). */
export async function checkGuarantees(world: SimWorld, net: SimNetwork, devices: SimDevice[]): Promise<string[]> {
  const out: string[] = []
  const processed = processedMutations(net, out)
  const views = new Map<UserKey, Snapshot>()
  for (const key of ['w1', 'w2', 'sup'] as UserKey[]) views.set(key, await freshView(world, net, key))
  for (const dev of devices) await checkDevice(world, net, dev, views.get(dev.user)!, processed, out)
  const accepted = [...processed.values()].filter((p) => p.result.status === 'applied' || p.result.status === 'merged')
  const community = views.get('sup')!
  checkHouseholds(await storedHouseholds(world, community), accepted, await conflictsOf(world), out)
  checkEvents(community, accepted, out)
  return out
}
