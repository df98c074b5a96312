import { mutationTarget, type Conflict, type Household, type Mutation, type MutationResult, type Wish } from '../../src/shared'
import { isWishEdge } from '../../src/shared/rules/wish'
import { createDevice, type SimDevice } from './sim-device'
import type { SimNetwork } from './sim-network'
import { derivedMismatches, firstDifference, snapshot, type Snapshot } from './sim-snapshot'
import { gridsOf, holderAt, type SimWorld, type UserKey } from './sim-world'

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
  // Deleted, not only closed: fake-indexeddb keeps every database in memory.
  await fresh.db.delete()
  return snap
}


async function checkDevice(world: SimWorld, net: SimNetwork, dev: SimDevice, view: Snapshot, processed: Map<string, Processed>, out: string[]) {
  const pending = await dev.db.outbox.count()
  if (pending > 0) out.push(`G1 device ${dev.name}: ${pending} mutations still unsent after healing`)
  const gaps = checkRejectionsShown(net, dev, processed, (await dev.db.meta.get('clientId'))?.value, new Set((await dev.db.rejections.toArray()).map((r) => r.mutationId)))
  out.push(...gaps)
  // Only refused changes: an edit that lost a merge is kept in view too, but was taken,
  // and its record must converge like any other.
  const refused = (await dev.db.rejections.toArray())
    .filter((r) => processed.get(r.mutationId)?.result.status !== 'merged')
    .map((r) => mutationTarget(r.mutation)?.id)
    .filter((id): id is string => !!id)
  const diff = firstDifference(await snapshot(dev.db), view, new Set(refused))
  if (diff) out.push(`G4 convergence, device ${dev.name}: ${diff}`)
  for (const m of await derivedMismatches(dev.db)) out.push(`derived columns, device ${dev.name}: ${m}`)
  const scope = await gridsOf(world, dev.user)
  // A photo not yet uploaded stays like an outbox row (its upload may still be refused).
  const photos = (await dev.db.photos.toArray()).filter((p) => p.uploaded === 1)
  const tables = { households: await dev.db.households.toArray(), visits: await dev.db.visits.toArray(), photos }
  for (const [table, rows] of Object.entries(tables)) {
    const stray = rows.filter((r) => !scope.has(r.gridId))
    if (stray.length) out.push(`G6 scope, device ${dev.name}: ${stray.length} ${table} rows of grids out of scope`)
  }
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

/**
 * The sequential model of households, in the order the server processed the writes: per
 * field, every accepted write replaces the value, except one the server reported as the
 * losing side of a concurrent edit (a conflict naming it, field and HLC, as the loser).
 */
function checkHouseholds(byId: Map<string, Household>, accepted: Processed[], conflicts: Conflict[], out: string[]) {
  const conflictById = new Map(conflicts.map((c) => [c.id, c]))
  const model = new Map<string, unknown>()
  for (const { mutation: m, result } of accepted) {
    if (m.name !== 'household.put' && m.name !== 'household.delete') continue
    const h = byId.get(m.args.id)
    if (!h) {
      out.push(`G1 household ${m.args.id} acknowledged but missing on the server`)
      continue
    }
    if (m.name === 'household.delete' && !h.deleted) out.push(`G1 household ${h.id}: acknowledged delete lost`)
    const lost = new Set<string>()
    for (const id of result.conflictIds ?? []) {
      const c = conflictById.get(id)
      if (!c) out.push(`G7 conflict ${id} of ${h.id} not in the inbox`)
      else if (c.loserHlc === m.hlc) lost.add(c.field)
    }
    const patch = m.name === 'household.put' ? (m.args.patch as Record<string, unknown>) : { deleted: true }
    for (const [field, value] of Object.entries(patch)) if (!lost.has(field)) model.set(`${h.id}:${field}`, value)
  }
  for (const [key, value] of model) {
    const [id, field] = key.split(':') as [string, string]
    const actual = (byId.get(id) as unknown as Record<string, unknown>)[field]
    if (JSON.stringify(actual) !== JSON.stringify(value)) {
      out.push(`G1/model household ${id}.${field} is ${JSON.stringify(actual)}, model says ${JSON.stringify(value)}`)
    }
  }
}

/**
 * `duplicate` is the answer to a replay of a processed mutation, never to a first
 * delivery: a mutation answered only `duplicate` was acknowledged with no effect.
 */
function checkDuplicates(net: SimNetwork, processed: Map<string, Processed>, out: string[]) {
  for (const entry of net.log) {
    for (const r of entry.results) {
      if (r.status === 'duplicate' && !processed.has(r.mutationId)) out.push(`G1 mutation ${r.mutationId} answered duplicate but never processed`)
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

/**
 * Guarantee 6 for a grid that moved: no change its worker made while the grid was hers
 * (by the sim's own log of moves, at the real time the device made it, whatever its
 * clock said) may be refused as out of scope.
 */
async function checkMovedGrids(world: SimWorld, devices: SimDevice[], processed: Map<string, Processed>, out: string[]) {
  const userOf = new Map<unknown, string>()
  for (const d of devices) userOf.set((await d.db.meta.get('clientId'))?.value, world.users[d.user].id)
  for (const { mutation: m, result, clientId } of processed.values()) {
    if (result.status !== 'rejected' || result.code !== 'out-of-scope') continue
    const user = userOf.get(clientId)
    const madeAt = world.madeAt.get(m.mutationId)
    if (user && madeAt !== undefined && holderAt(world, m.args.gridId, madeAt) === user) {
      out.push(`G6 moved grid: ${m.name} ${m.mutationId} made while the grid was hers was refused (${result.message})`)
    }
  }
}

/**
 * Photos (guarantee 8): every photo of an accepted visit reached the server, and every
 * phone holds the photos of the visits it holds (the queue fetched them after healing).
 */
async function checkPhotos(world: SimWorld, devices: SimDevice[], accepted: Processed[], out: string[]) {
  for (const { mutation: m } of accepted) {
    if (m.name !== 'visit.create') continue
    for (const ref of m.args.photos) {
      if (!(await world.store.getPhoto(ref.sha256))) out.push(`G8 photo ${ref.sha256.slice(0, 8)} of accepted visit ${m.args.id} never reached the server`)
    }
  }
  for (const dev of devices) {
    for (const visit of await dev.db.visits.toArray()) {
      // The queue leaves the photos of a deleted household for when someone opens them.
      if ((await dev.db.households.get(visit.householdId))?.deleted !== false) continue
      for (const ref of visit.photos) {
        if (!(await dev.db.photos.get(ref.sha256))) out.push(`G8 device ${dev.name}: photo ${ref.sha256.slice(0, 8)} of visit ${visit.id} not on the phone`)
      }
    }
  }
}

/** Returns every violated guarantee (empty when all hold). */
export async function checkGuarantees(world: SimWorld, net: SimNetwork, devices: SimDevice[]): Promise<string[]> {
  const out: string[] = []
  const processed = processedMutations(net, out)
  await checkMovedGrids(world, devices, processed, out)
  checkDuplicates(net, processed, out)
  const views = new Map<UserKey, Snapshot>()
  for (const key of ['w1', 'w2', 'sup'] as UserKey[]) views.set(key, await freshView(world, net, key))
  for (const dev of devices) await checkDevice(world, net, dev, views.get(dev.user)!, processed, out)
  // In the order the server committed them (the model replays the server's order, CommitLog).
  const at = (p: Processed) => world.commits.at.get(p.mutation.mutationId) ?? Number.MAX_SAFE_INTEGER
  const accepted = [...processed.values()].filter((p) => p.result.status === 'applied' || p.result.status === 'merged').sort((a, b) => at(a) - at(b))
  const community = views.get('sup')!
  checkHouseholds(await storedHouseholds(world, community), accepted, await conflictsOf(world), out)
  checkEvents(community, accepted, out)
  await checkPhotos(world, devices, accepted, out)
  return out
}
