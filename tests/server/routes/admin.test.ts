import { describe, expect, it } from 'vitest'
import { BACKENDS } from '../../helpers/server/backends'
import { useWorldApp, type World } from '../../helpers/server/world'

describe.each(BACKENDS)('admin routes on $name', (backend) => {
  const t = useWorldApp(backend)
  const post = (who: keyof World['users'], url: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: t.auth[who], payload })
  const newUser = (communityId: string | null, role = 'worker') => ({
    username: `new-${role}`, password: 'long-enough-1', displayName: '新人', role, communityId, phone: '',
  })

  describe('POST /api/admin/users', () => {
    it('creates a worker in the admin community and lets her log in', async () => {
      const res = await post('aa', '/api/admin/users', newUser(t.world.communityA))
      expect(res.statusCode).toBe(201)
      expect(res.json()).toMatchObject({ username: 'new-worker', role: 'worker', gridIds: [] })
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'new-worker', password: 'long-enough-1' } })
      expect(login.statusCode).toBe(200)
      expect((await t.store.listAudit(5)).map((a) => a.action)).toContain('user-create')
    })
    it('refuses short passwords, taken names, other communities and non-admins', async () => {
      expect((await post('aa', '/api/admin/users', { ...newUser(t.world.communityA), password: 'short' })).statusCode).toBe(400)
      expect((await post('aa', '/api/admin/users', { ...newUser(t.world.communityA), username: 'wa1' })).statusCode).toBe(409)
      expect((await post('aa', '/api/admin/users', newUser(t.world.communityB))).statusCode).toBe(403)
      expect((await post('sa', '/api/admin/users', newUser(t.world.communityA))).statusCode).toBe(403)
      expect((await post('wa1', '/api/admin/users', newUser(t.world.communityA))).statusCode).toBe(403)
      expect(await t.store.findUserByUsername('new-worker')).toBeNull()
    })
  })

  describe('POST /api/admin/grids and assign', () => {
    it('creates a grid and assigns it to a worker of the community', async () => {
      const res = await post('aa', '/api/admin/grids', { communityId: t.world.communityA, name: '第五网格' })
      expect(res.statusCode).toBe(201)
      const gridId = res.json<{ id: string }>().id
      const assign = await post('sa', `/api/admin/grids/${gridId}/assign`, { workerId: t.world.users.wa1.id })
      expect(assign.statusCode).toBe(200)
      expect((await t.store.getGrid(gridId))?.workerId).toBe(t.world.users.wa1.id)
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: t.auth.wa1 })
      expect(me.json<{ gridIds: string[] }>().gridIds).toContain(gridId)
    })
    it('refuses a worker of another community and grids of another community', async () => {
      expect((await post('aa', `/api/admin/grids/${t.world.grids.a1.id}/assign`, { workerId: t.world.users.wb1.id })).statusCode).toBe(404)
      expect((await post('aa', `/api/admin/grids/${t.world.grids.b1.id}/assign`, { workerId: t.world.users.wa1.id })).statusCode).toBe(404)
      expect((await post('wa1', `/api/admin/grids/${t.world.grids.a1.id}/assign`, { workerId: t.world.users.wa2.id })).statusCode).toBe(403)
      expect((await post('aa', '/api/admin/grids', { communityId: t.world.communityB, name: 'x' })).statusCode).toBe(403)
      expect((await t.store.getGrid(t.world.grids.a1.id))?.workerId).toBe(t.world.users.wa1.id)
    })
  })

  describe('POST /api/admin/users/:id/disable', () => {
    it('refuses users of another community', async () => {
      expect((await post('aa', `/api/admin/users/${t.world.users.wb1.id}/disable`)).statusCode).toBe(404)
      expect((await t.store.getUser(t.world.users.wb1.id))?.disabled).toBe(false)
    })
  })

  describe('GET /api/conflicts', () => {
    it('is refused to workers', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/conflicts', headers: t.auth.wa1 })
      expect(res.statusCode).toBe(403)
    })
  })
})
