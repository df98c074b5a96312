import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../../sync-server/storage/store'
import { BACKENDS } from '../../helpers/server/backends'
import { worldApp, type World } from '../../helpers/server/world'

describe.each(BACKENDS)('admin routes on $name', (backend) => {
  let store: Store
  let app: FastifyInstance
  let world: World
  let auth: Awaited<ReturnType<typeof worldApp>>['auth']
  beforeAll(backend.setup)
  afterAll(backend.teardown)
  beforeEach(async ({ skip }) => {
    if (!backend.available) skip()
    store = await backend.open()
    ;({ app, world, auth } = await worldApp(store))
  })
  const post = (who: keyof World['users'], url: string, payload: object = {}) =>
    app.inject({ method: 'POST', url, headers: auth[who], payload })
  const newUser = (communityId: string | null, role = 'worker') => ({
    username: `new-${role}`, password: 'long-enough-1', displayName: '新人', role, communityId, phone: '',
  })

  describe('POST /api/admin/users', () => {
    it('creates a worker in the admin community and lets her log in', async () => {
      const res = await post('aa', '/api/admin/users', newUser(world.communityA))
      expect(res.statusCode).toBe(201)
      expect(res.json()).toMatchObject({ username: 'new-worker', role: 'worker', gridIds: [] })
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'new-worker', password: 'long-enough-1' } })
      expect(login.statusCode).toBe(200)
      expect((await store.listAudit(5)).map((a) => a.action)).toContain('user-create')
    })
    it('refuses short passwords, taken names, other communities and non-admins', async () => {
      expect((await post('aa', '/api/admin/users', { ...newUser(world.communityA), password: 'short' })).statusCode).toBe(400)
      expect((await post('aa', '/api/admin/users', { ...newUser(world.communityA), username: 'wa1' })).statusCode).toBe(409)
      expect((await post('aa', '/api/admin/users', newUser(world.communityB))).statusCode).toBe(403)
      expect((await post('sa', '/api/admin/users', newUser(world.communityA))).statusCode).toBe(403)
      expect((await post('wa1', '/api/admin/users', newUser(world.communityA))).statusCode).toBe(403)
      expect(await store.findUserByUsername('new-worker')).toBeNull()
    })
  })

  describe('POST /api/admin/grids and assign', () => {
    it('creates a grid and assigns it to a worker of the community', async () => {
      const res = await post('aa', '/api/admin/grids', { communityId: world.communityA, name: '第五网格' })
      expect(res.statusCode).toBe(201)
      const gridId = res.json<{ id: string }>().id
      const assign = await post('sa', `/api/admin/grids/${gridId}/assign`, { workerId: world.users.wa1.id })
      expect(assign.statusCode).toBe(200)
      expect((await store.getGrid(gridId))?.workerId).toBe(world.users.wa1.id)
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: auth.wa1 })
      expect(me.json<{ gridIds: string[] }>().gridIds).toContain(gridId)
    })
    it('refuses a worker of another community and grids of another community', async () => {
      expect((await post('aa', `/api/admin/grids/${world.grids.a1.id}/assign`, { workerId: world.users.wb1.id })).statusCode).toBe(404)
      expect((await post('aa', `/api/admin/grids/${world.grids.b1.id}/assign`, { workerId: world.users.wa1.id })).statusCode).toBe(404)
      expect((await post('wa1', `/api/admin/grids/${world.grids.a1.id}/assign`, { workerId: world.users.wa2.id })).statusCode).toBe(403)
      expect((await post('aa', '/api/admin/grids', { communityId: world.communityB, name: 'x' })).statusCode).toBe(403)
      expect((await store.getGrid(world.grids.a1.id))?.workerId).toBe(world.users.wa1.id)
    })
  })

  describe('POST /api/admin/users/:id/disable', () => {
    it('refuses users of another community', async () => {
      expect((await post('aa', `/api/admin/users/${world.users.wb1.id}/disable`)).statusCode).toBe(404)
      expect((await store.getUser(world.users.wb1.id))?.disabled).toBe(false)
    })
  })

  describe('GET /api/conflicts', () => {
    it('is refused to workers', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/conflicts', headers: auth.wa1 })
      expect(res.statusCode).toBe(403)
    })
  })
})
