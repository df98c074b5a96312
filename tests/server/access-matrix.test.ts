import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Grid, Mutation, PullReply, PushReply } from '../../src/shared'
import type { Store } from '../../sync-server/storage/store'
import { BACKENDS } from '../helpers/server/backends'
import { householdPut, TestDevice, visitArgs, wishArgs } from '../helpers/server/factories'
import { worldApp, type World } from '../helpers/server/world'

/**
 * Access-control matrix: every role × every endpoint × ids of a grid or community that
 * is not hers (in URLs and inside push bodies) → refused, nothing leaked, nothing written.
 */
type Who = keyof World['users']
const ACTORS: Who[] = ['wa1', 'wa2', 'sa', 'aa', 'wb1', 'sb']

describe.each(BACKENDS)('access-control matrix on $name', (backend) => {
  let store: Store
  let app: FastifyInstance
  let world: World
  let auth: Awaited<ReturnType<typeof worldApp>>['auth']
  /** Per grid: a household, a visit, a wish, a photo stored there. */
  const data: Record<string, { hh: string; visit: string; wish: string; photo: string }> = {}

  beforeAll(async () => {
    await backend.setup()
    if (!backend.available) return
    store = await backend.open()
    ;({ app, world, auth } = await worldApp(store))
    for (const grid of Object.values(world.grids)) {
      const hh = householdPut(grid.id)
      const hhRec = { ...hh.patch, id: hh.id, gridId: grid.id, deleted: false, hlc: {}, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() }
      const visit = visitArgs(grid.id, hh.id, grid.workerId ?? randomUUID())
      const wish = wishArgs(grid.id, hh.id, grid.workerId ?? randomUUID())
      await store.putRecord('household', hh.id, grid.id, grid.communityId, hhRec)
      await store.putRecord('visit', visit.id, grid.id, grid.communityId, visit)
      await store.putRecord('wish', wish.id, grid.id, grid.communityId, wish)
      const bytes = randomBytes(64)
      const photo = createHash('sha256').update(bytes).digest('hex')
      await store.putPhoto({ sha256: photo, mime: 'image/png', size: 64, gridId: grid.id, communityId: grid.communityId, bytes })
      data[grid.id] = { hh: hh.id, visit: visit.id, wish: wish.id, photo }
    }
  })
  afterAll(backend.teardown)

  const scopeOf = (who: Who): Grid[] => {
    const u = world.users[who]
    return Object.values(world.grids).filter((g) =>
      u.role === 'worker' ? g.workerId === u.id : g.communityId === u.communityId,
    )
  }
  const foreignOf = (who: Who) => Object.values(world.grids).filter((g) => !scopeOf(who).some((s) => s.id === g.id))
  const snapshot = async () => {
    const rows = []
    for (const g of Object.values(world.grids)) rows.push(...(await store.changesForGrid(g.id, 0, 10_000)))
    return JSON.stringify({ rows, conflicts: await store.listConflicts(null), grids: await store.listGrids({}), users: await store.listUsers(null) })
  }

  /** Push bodies that reach into a foreign grid, directly or by lying about the grid id. */
  function intrusions(who: Who, own: Grid, foreign: Grid, d: TestDevice): Mutation[] {
    const f = data[foreign.id]!
    const o = data[own.id]!
    const me = world.users[who].id
    const cmd = { expected: 'registered' as const, to: 'closed' as const, claimedBy: null, fulfilment: null, closedReason: '不需要', note: '' }
    const review = { recordKind: 'visit' as const, recordId: f.visit, decision: 'approved' as const, comment: '' }
    return [
      d.m('household.put', householdPut(foreign.id)),
      d.m('household.put', householdPut(foreign.id, f.hh, { phone: '999' })),
      d.m('household.put', householdPut(own.id, f.hh, { phone: '999' })),
      d.m('household.delete', { id: f.hh, gridId: foreign.id }),
      d.m('household.delete', { id: f.hh, gridId: own.id }),
      d.m('record.restore', { kind: 'household', id: f.hh, gridId: own.id }),
      d.m('person.put', { id: randomUUID(), gridId: own.id, base: {}, patch: { householdId: f.hh, name: '某', sex: 'F', birthDate: null, relation: 'self', phone: '', idNumber: '', keyGroups: [], notes: '' } }),
      d.m('assessment.put', { id: randomUUID(), gridId: foreign.id, base: {}, patch: { householdId: f.hh } }),
      d.m('visit.create', visitArgs(foreign.id, f.hh, me)),
      d.m('visit.create', visitArgs(own.id, f.hh, me)),
      d.m('visit.create', visitArgs(own.id, o.hh, me, { correctsId: f.visit })),
      d.m('wish.create', wishArgs(own.id, f.hh, me)),
      d.m('wish.transition', { id: f.wish, gridId: foreign.id, ...cmd }),
      d.m('wish.transition', { id: f.wish, gridId: own.id, ...cmd }),
      d.m('review.set', { ...review, gridId: foreign.id }),
      d.m('review.set', { ...review, gridId: own.id }),
    ]
  }

  it.each(ACTORS)('%s: push into foreign grids is rejected and writes nothing', async (who) => {
    if (!backend.available) return
    const own = scopeOf(who)[0]!
    for (const foreign of foreignOf(who)) {
      const before = await snapshot()
      const d = new TestDevice()
      const body = d.push(intrusions(who, own, foreign, d))
      const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: auth[who], payload: body })
      expect(res.statusCode).toBe(200)
      const results = res.json<PushReply>().results
      for (const r of results) expect(r, `${who} → ${foreign.name} seq ${r.seq}`).toMatchObject({ status: 'rejected' })
      expect(results.map((r) => r.code).every((c) => c === 'out-of-scope' || c === 'forbidden')).toBe(true)
      expect(await snapshot()).toBe(before)
    }
  })

  it.each(ACTORS)('%s: pull with foreign cursors leaks nothing and reports them lost', async (who) => {
    if (!backend.available) return
    const foreign = foreignOf(who)
    const cursors = Object.fromEntries(foreign.map((g) => [g.id, 0]))
    const res = (await app.inject({ method: 'POST', url: '/api/sync/pull', headers: auth[who], payload: new TestDevice().pull(cursors) })).json<PullReply>()
    const foreignIds = new Set(foreign.map((g) => g.id))
    expect(res.changes.filter((c) => foreignIds.has(c.record.gridId))).toEqual([])
    expect(res.grids.filter((g) => foreignIds.has(g.id))).toEqual([])
    expect(res.gridsLost.sort()).toEqual([...foreignIds].sort())
  })

  it.each(ACTORS)('%s: photos of foreign grids cannot be read or written', async (who) => {
    if (!backend.available) return
    for (const foreign of foreignOf(who)) {
      const sha = data[foreign.id]!.photo
      for (const method of ['GET', 'HEAD'] as const) {
        expect((await app.inject({ method, url: `/api/photos/${sha}`, headers: auth[who] })).statusCode).toBe(404)
      }
      const bytes = randomBytes(32)
      const hash = createHash('sha256').update(bytes).digest('hex')
      const put = await app.inject({
        method: 'PUT', url: `/api/photos/${hash}`, payload: bytes,
        headers: { ...auth[who], 'content-type': 'image/png', 'x-grid-id': foreign.id },
      })
      expect(put.statusCode).toBe(403)
      expect(await store.getPhoto(hash)).toBeNull()
    }
  })

  it.each(ACTORS)('%s: admin endpoints refuse foreign ids', async (who) => {
    if (!backend.available) return
    const before = await snapshot()
    const u = world.users[who]
    const otherCommunity = u.communityId === world.communityA ? world.communityB : world.communityA
    const otherUser = Object.values(world.users).find((x) => x.communityId === otherCommunity)!
    const otherGrid = Object.values(world.grids).find((g) => g.communityId === otherCommunity)!
    const calls = [
      { url: '/api/admin/users', payload: { username: 'intruder', password: 'long-enough-1', displayName: 'x', role: 'worker', communityId: otherCommunity } },
      { url: '/api/admin/grids', payload: { communityId: otherCommunity, name: 'x' } },
      { url: `/api/admin/grids/${otherGrid.id}/assign`, payload: { workerId: null } },
      { url: `/api/admin/users/${otherUser.id}/disable`, payload: {} },
      { url: '/api/admin/communities', payload: { name: 'x' } },
      { url: `/api/records/household/${data[otherGrid.id]!.hh}/reveal`, payload: {} },
    ]
    for (const c of calls) {
      const res = await app.inject({ method: 'POST', url: c.url, headers: auth[who], payload: c.payload })
      expect([403, 404], `${who} ${c.url}`).toContain(res.statusCode)
    }
    for (const url of ['/api/admin/users', '/api/admin/grids', '/api/conflicts']) {
      const res = await app.inject({ method: 'GET', url, headers: auth[who] })
      if (res.statusCode === 200) expect(res.body).not.toContain(otherCommunity)
      else expect(res.statusCode).toBe(403)
    }
    expect(await snapshot()).toBe(before)
  })

  it('every endpoint refuses a request without a session', async () => {
    if (!backend.available) return
    const g = world.grids.a1.id
    const sha = data[g]!.photo
    const calls: [string, string][] = [
      ['POST', '/api/sync/push'], ['POST', '/api/sync/pull'], ['GET', '/api/auth/me'], ['POST', '/api/auth/logout'],
      ['GET', `/api/photos/${sha}`], ['PUT', `/api/photos/${sha}`], ['GET', '/api/conflicts'], ['POST', '/api/admin/users'],
      ['GET', '/api/admin/users'], ['POST', '/api/admin/grids'], ['GET', '/api/admin/grids'], ['POST', `/api/admin/grids/${g}/assign`],
      ['POST', `/api/admin/users/${world.users.wa1.id}/disable`], ['POST', '/api/admin/communities'],
      ['POST', `/api/records/household/${data[g]!.hh}/reveal`],
    ]
    for (const [method, url] of calls) {
      const res = await app.inject({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {} })
      expect([400, 401], `${method} ${url}`).toContain(res.statusCode)
      expect(res.json()).toMatchObject({ code: expect.stringMatching(/^(unauthorized|bad-request)$/) })
    }
  })

  it('a worker cannot review, restore or reopen even inside her grid', async () => {
    if (!backend.available) return
    const g = world.grids.a1
    const own = data[g.id]!
    const d = new TestDevice()
    const body = d.push([
      d.m('review.set', { recordKind: 'visit', recordId: own.visit, gridId: g.id, decision: 'approved', comment: '' }),
      d.m('record.restore', { kind: 'household', id: own.hh, gridId: g.id }),
    ])
    const before = await snapshot()
    const res = (await app.inject({ method: 'POST', url: '/api/sync/push', headers: auth.wa1, payload: body })).json<PushReply>()
    expect(res.results.map((r) => r.code)).toEqual(['forbidden', 'forbidden'])
    expect(await snapshot()).toBe(before)
  })
})
