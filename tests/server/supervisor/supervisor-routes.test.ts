import { describe, expect, it } from 'vitest'
import type { Conflict, PushReply } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { householdPut, nextHlc, TestDevice } from '../../helpers/server/factories'
import { useWorldApp, type World } from '../../helpers/server/world'

describe.each(BACKENDS)('supervisor routes on $name', (backend) => {
  const t = useWorldApp(backend)

  const push = (who: keyof World['users'], body: object) => t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth[who], payload: body })
  const resolve = (who: keyof World['users'] | null, id: string, choice = 'loser') =>
    t.app.inject({ method: 'POST', url: `/api/conflicts/${id}/resolve`, headers: who ? t.auth[who] : {}, payload: { choice } })

  /** Makes a real conflict in grid a1: two devices change the household's notes concurrently (a supervisor may not change its phone). */
  async function makeConflict(): Promise<Conflict> {
    const hh = householdPut(t.world.grids.a1.id)
    const d1 = new TestDevice()
    const created = nextHlc()
    await push('wa1', d1.push([d1.m('household.put', hh, created)]))
    const base = Object.fromEntries(Object.keys(hh.patch).map((k) => [k, created]))
    const d2 = new TestDevice()
    const older = nextHlc('a')
    await push('sa', d2.push([d2.m('household.put', { ...hh, patch: { notes: '111' }, base }, nextHlc('b'))]))
    const reply = (await push('wa1', d1.push([d1.m('household.put', { ...hh, patch: { notes: '222' }, base }, older)]))).json<PushReply>()
    const id = reply.results[0]?.conflictIds?.[0]
    if (!id) throw new Error('no conflict made')
    return (await t.store.getConflict(id))!
  }

  describe('GET /api/supervisor/community', () => {
    it('returns the supervisor\'s own community and nothing of another', async () => {
      const a = await t.app.inject({ method: 'GET', url: '/api/supervisor/community', headers: t.auth.sa })
      expect(a.statusCode).toBe(200)
      expect(a.json()).toMatchObject({ id: t.world.communityA, name: 'A' })
      const b = await t.app.inject({ method: 'GET', url: '/api/supervisor/community', headers: t.auth.sb })
      expect(b.json()).toMatchObject({ id: t.world.communityB, name: 'B' })
    })

    it('is refused to workers and to callers without a session, and is 404 for an admin with no community', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/api/supervisor/community', headers: t.auth.wa1 })).statusCode).toBe(403)
      expect((await t.app.inject({ method: 'GET', url: '/api/supervisor/community' })).statusCode).toBe(401)
      const district = await t.app.inject({ method: 'GET', url: '/api/supervisor/community', headers: t.auth.district })
      expect(district.statusCode).toBe(404)
      expect(district.json()).toMatchObject({ code: 'not-found' })
    })
  })

  describe('POST /api/conflicts/:id/resolve', () => {
    it('marks the conflict resolved for a supervisor of its community and audits it', async () => {
      const c = await makeConflict()
      const res = await resolve('sa', c.id)
      expect(res.statusCode).toBe(200)
      const inbox = (await t.app.inject({ method: 'GET', url: '/api/conflicts', headers: t.auth.sa })).json<Conflict[]>()
      expect(inbox.find((x) => x.id === c.id)?.resolvedAt).toBe(res.json<{ resolvedAt: string }>().resolvedAt)
      const audit = await t.store.listAudit(10)
      expect(audit[0]).toMatchObject({ userId: t.world.users.sa.id, action: 'conflict-resolve', detail: { conflictId: c.id, choice: 'loser' } })
    })

    it('keeps the first resolution time when resolved twice', async () => {
      const c = await makeConflict()
      const first = (await resolve('sa', c.id)).json<{ resolvedAt: string }>().resolvedAt
      const second = (await resolve('aa', c.id, 'winner')).json<{ resolvedAt: string }>().resolvedAt
      expect(second).toBe(first)
    })

    it('answers 404 to a supervisor or admin of another community and leaves the conflict open', async () => {
      const c = await makeConflict()
      const res = await resolve('sb', c.id)
      expect(res.statusCode).toBe(404)
      expect(res.json()).toMatchObject({ code: 'not-found' })
      expect((await t.store.getConflict(c.id))?.resolvedAt).toBeNull()
      const inboxB = (await t.app.inject({ method: 'GET', url: '/api/conflicts', headers: t.auth.sb })).json<Conflict[]>()
      expect(inboxB).toEqual([])
    })

    it('refuses workers (403), anonymous callers (401), unknown ids (404) and bad bodies (400)', async () => {
      const c = await makeConflict()
      expect((await resolve('wa1', c.id)).statusCode).toBe(403)
      expect((await resolve(null, c.id)).statusCode).toBe(401)
      expect((await resolve('sa', '01900000-0000-7000-8000-000000000000')).statusCode).toBe(404)
      expect((await resolve('sa', c.id, 'both')).statusCode).toBe(400)
      expect((await resolve('sa', 'not-a-uuid')).statusCode).toBe(400)
      expect((await t.store.getConflict(c.id))?.resolvedAt).toBeNull()
    })
  })
})
