import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { LoginReply } from '../../../src/shared'
import { buildApp } from '../../../sync-server/app'
import type { Store } from '../../../sync-server/storage/store'
import { BACKENDS } from '../../helpers/server/backends'
import { seedWorld, TEST_PASSWORD, type World } from '../../helpers/server/world'

describe.each(BACKENDS)('auth routes on $name', (backend) => {
  let store: Store
  let app: FastifyInstance
  let world: World
  let clock: number
  const policy = { idleMs: 1000 * 60 * 60, absoluteMs: 1000 * 60 * 60 * 5 }
  beforeAll(backend.setup)
  afterAll(backend.teardown)
  beforeEach(async ({ skip }) => {
    if (!backend.available) skip()
    store = await backend.open()
    world = await seedWorld(store)
    clock = Date.now()
    app = await buildApp({ store, now: () => clock, sessions: policy, loginRateLimit: { max: 5, timeWindow: 60_000 } })
  })

  const login = (username: string, password = TEST_PASSWORD) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
  const me = (token: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })

  describe('POST /api/auth/login', () => {
    it('returns a token and the user with her grids', async () => {
      const res = await login('wa1')
      expect(res.statusCode).toBe(200)
      const body = LoginReply.parse(res.json())
      expect(body.user).toMatchObject({ username: 'wa1', role: 'worker', gridIds: [world.grids.a1.id] })
      expect(Buffer.from(body.token, 'base64url').length).toBeGreaterThanOrEqual(16)
      expect(res.headers['cache-control']).toBe('no-store')
    })

    it('stores only a hash of the token', async () => {
      const { token } = (await login('wa1')).json<{ token: string }>()
      expect(await store.getSession(token)).toBeNull()
    })

    it('refuses a wrong password and an unknown user alike, and audits the failure', async () => {
      const wrong = await login('wa1', 'not-the-password')
      const unknown = await login('nobody-here')
      expect(wrong.statusCode).toBe(401)
      expect(unknown.json()).toEqual(wrong.json())
      expect((await store.listAudit(5)).map((a) => a.action)).toContain('login-failed')
    })

    it('rate-limits repeated attempts with 429 rate-limited', async () => {
      const codes = []
      for (let i = 0; i < 7; i++) codes.push((await login('wa1', 'bad-password')).statusCode)
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
      const last = await login('wa1')
      expect(last.statusCode).toBe(429)
      expect(last.json()).toMatchObject({ code: 'rate-limited' })
    })

    it('rejects a malformed body with 400', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ code: 'bad-request' })
    })
  })

  describe('sessions', () => {
    it('expire after the idle time', async () => {
      const { token } = (await login('wa1')).json<{ token: string }>()
      clock += policy.idleMs - 1000
      expect((await me(token)).statusCode).toBe(200)
      clock += policy.idleMs + 1
      expect((await me(token)).statusCode).toBe(401)
    })

    it('expire at the absolute limit even when used', async () => {
      const { token } = (await login('wa1')).json<{ token: string }>()
      for (let i = 0; i < 12; i++) {
        clock += policy.idleMs / 2 + 61_000
        await me(token)
      }
      expect((await me(token)).statusCode).toBe(401)
    })

    it('end at logout', async () => {
      const { token } = (await login('wa1')).json<{ token: string }>()
      const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } })
      expect(out.statusCode).toBe(200)
      expect((await me(token)).statusCode).toBe(401)
    })

    it('logout asks the browser to clear its HTTP cache, not the storage the installed app starts from', async () => {
      const { token } = (await login('wa1')).json<{ token: string }>()
      const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } })
      expect(out.headers['clear-site-data']).toBe('"cache"')
    })

    it('logout asks the browser to delete the site storage files too when the app says nobody else is on the phone', async () => {
      const { token } = (await login('wa1')).json<{ token: string }>()
      const out = await app.inject({ method: 'POST', url: '/api/auth/logout?clear=storage', headers: { authorization: `Bearer ${token}` } })
      expect(out.statusCode).toBe(200)
      expect(out.headers['clear-site-data']).toBe('"cache", "storage"')
    })

    it('clears the site storage at the next sign-in when asked (a clear owed since an offline logout)', async () => {
      const { token } = (await login('wa1')).json<{ token: string }>()
      const res = await app.inject({ method: 'POST', url: '/api/device/clear-site-data', headers: { authorization: `Bearer ${token}` } })
      expect(res.statusCode).toBe(200)
      expect(res.headers['clear-site-data']).toBe('"cache", "storage"')
      const anonymous = await app.inject({ method: 'POST', url: '/api/device/clear-site-data' })
      expect(anonymous.statusCode).toBe(401)
      expect(anonymous.headers['clear-site-data']).toBeUndefined()
    })

    it('never sends Clear-Site-Data without a session (no other site can wipe a phone)', async () => {
      const out = await app.inject({ method: 'POST', url: '/api/auth/logout?clear=storage' })
      expect(out.statusCode).toBe(401)
      expect(out.headers['clear-site-data']).toBeUndefined()
    })

    it('end at once when the account is disabled, with 403 account-disabled', async () => {
      const { token } = (await login('wa1')).json<{ token: string }>()
      const admin = (await login('adm-a')).json<{ token: string }>().token
      const res = await app.inject({
        method: 'POST', url: `/api/admin/users/${world.users.wa1.id}/disable`, headers: { authorization: `Bearer ${admin}` },
      })
      expect(res.statusCode).toBe(200)
      const after = await me(token)
      expect(after.statusCode).toBe(403)
      expect(after.json()).toMatchObject({ code: 'account-disabled' })
      const again = await login('wa1')
      expect(again.statusCode).toBe(403)
      expect(again.json()).toMatchObject({ code: 'account-disabled' })
      // A wrong password learns nothing about the account.
      expect((await login('wa1', 'not-the-password')).json()).toMatchObject({ code: 'unauthorized' })
    })

    it('refuses a garbage token', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer nope' } })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ code: 'unauthorized' })
    })
  })

  describe('GET /api/auth/demo-accounts', () => {
    it('is 404 outside demo mode', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/auth/demo-accounts' })).statusCode).toBe(404)
    })
  })
})
