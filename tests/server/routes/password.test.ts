import { describe, expect, it } from 'vitest'
import { PublicUser, SCHEMA_VERSION } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { TEST_PASSWORD, useWorldApp, type World } from '../../helpers/server/world'

const NEW_PASSWORD = 'lamp-river-42-ochre'

describe.each(BACKENDS)('password routes on $name', (backend) => {
  const t = useWorldApp(backend)
  const post = (who: keyof World['users'] | null, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, headers: who ? t.auth[who] : {} })
  const login = (username: string, password: string) => post(null, '/api/auth/login', { username, password })
  const change = (who: keyof World['users'], currentPassword: string, newPassword: string) =>
    post(who, '/api/auth/password', { currentPassword, newPassword })

  describe('POST /api/auth/password', () => {
    it('changes her own password: the new one logs in, the old one no longer does', async () => {
      const res = await change('wa1', TEST_PASSWORD, NEW_PASSWORD)
      expect(res.statusCode).toBe(200)
      expect(PublicUser.parse(res.json())).toMatchObject({ username: 'wa1', mustChangePassword: false })
      expect((await login('wa1', NEW_PASSWORD)).statusCode).toBe(200)
      expect((await login('wa1', TEST_PASSWORD)).statusCode).toBe(401)
      expect((await t.store.queryAudit({ action: 'password-change', limit: 5 })).map((e) => e.userId)).toEqual([t.world.users.wa1.id])
    })

    it('keeps the session that changed it and ends her other sessions', async () => {
      const other = { authorization: `Bearer ${(await login('wa1', TEST_PASSWORD)).json<{ token: string }>().token}` }
      expect((await change('wa1', TEST_PASSWORD, NEW_PASSWORD)).statusCode).toBe(200)
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: t.auth.wa1 })).statusCode).toBe(200)
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: other })).statusCode).toBe(401)
    })

    it('refuses a wrong current password with 400 and changes nothing', async () => {
      const res = await change('wa1', 'not-my-password', NEW_PASSWORD)
      expect(res.statusCode).toBe(400)
      expect(res.json<{ message: string }>().message).toBe('当前密码不对')
      expect((await login('wa1', TEST_PASSWORD)).statusCode).toBe(200)
    })

    it('counts wrong current passwords like failed logins and stops checking them', async () => {
      const codes: number[] = []
      for (let i = 0; i < 7; i++) codes.push((await change('wa1', `not-mine-${i}`, NEW_PASSWORD)).statusCode)
      expect(codes.slice(0, 6)).toEqual([400, 400, 400, 400, 400, 400])
      expect(codes[6]).toBe(429)
      expect((await change('wa1', TEST_PASSWORD, NEW_PASSWORD)).statusCode).toBe(429)
    })

    it.each([
      ['12345678', '太常见'],
      ['password', '太常见'],
      ['gridsister-demo', '演示密码'],
      ['my-wa1-password', '用户名'],
      ['short', '至少 8 个字符'],
    ])('refuses %s with a Chinese reason and changes nothing', async (weak, reason) => {
      const res = await change('wa1', TEST_PASSWORD, weak)
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ code: 'bad-request' })
      expect(res.json<{ message: string }>().message).toContain(reason)
      expect((await login('wa1', TEST_PASSWORD)).statusCode).toBe(200)
    })
  })

  describe('POST /api/admin/users/:id/password', () => {
    const reset = (who: keyof World['users'], target: string, newPassword = NEW_PASSWORD) =>
      post(who, `/api/admin/users/${target}/password`, { newPassword })

    it('sets a password that must be changed before anything else, and ends her sessions', async () => {
      const res = await reset('aa', t.world.users.wa1.id)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ mustChangePassword: true })
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: t.auth.wa1 })).statusCode).toBe(401)

      const session = await login('wa1', NEW_PASSWORD)
      expect(session.json<{ user: PublicUser }>().user.mustChangePassword).toBe(true)
      const auth = { authorization: `Bearer ${session.json<{ token: string }>().token}` }
      const pull = await t.app.inject({ method: 'POST', url: '/api/sync/pull', headers: auth, payload: { clientId: t.world.users.wa1.id, schemaVersion: SCHEMA_VERSION, cursors: {} } })
      expect(pull.statusCode).toBe(403)
      expect(pull.json()).toMatchObject({ code: 'password-change-required' })
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth })).json()).toMatchObject({ mustChangePassword: true })

      const changed = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: auth, payload: { currentPassword: NEW_PASSWORD, newPassword: 'second-lamp-river-9' } })
      expect(changed.json()).toMatchObject({ mustChangePassword: false })
      const after = await t.app.inject({ method: 'POST', url: '/api/sync/pull', headers: auth, payload: { clientId: t.world.users.wa1.id, schemaVersion: SCHEMA_VERSION, cursors: {} } })
      expect(after.statusCode).not.toBe(403)
    })

    it('is audited under the target community, so her supervisor sees it', async () => {
      await reset('district', t.world.users.wa1.id)
      const [entry] = await t.store.queryAudit({ communityId: t.world.communityA, action: 'password-reset', limit: 5 })
      expect(entry).toMatchObject({ userId: t.world.users.district.id, detail: { targetId: t.world.users.wa1.id } })
    })

    it('answers 404 for an account of another community and 403 for a supervisor', async () => {
      expect((await reset('aa', t.world.users.wb1.id)).statusCode).toBe(404)
      expect((await reset('sa', t.world.users.wa1.id)).statusCode).toBe(403)
      expect((await login('wb1', TEST_PASSWORD)).statusCode).toBe(200)
    })

    it('checks the new password with the same rule', async () => {
      const res = await reset('aa', t.world.users.wa1.id, 'qwertyuiop')
      expect(res.statusCode).toBe(400)
      expect((await login('wa1', TEST_PASSWORD)).statusCode).toBe(200)
    })
  })

  describe('POST /api/admin/users', () => {
    const newUser = (password: string) => ({ username: 'new-worker', password, displayName: '新人', role: 'worker', communityId: t.world.communityA, phone: '' })

    it('refuses a common password and the username as password', async () => {
      expect((await post('aa', '/api/admin/users', newUser('password1'))).statusCode).toBe(400)
      expect((await post('aa', '/api/admin/users', newUser('new-worker-1'))).statusCode).toBe(400)
      expect(await t.store.findUserByUsername('new-worker')).toBeNull()
    })

    it('refuses a demo- username outside demo mode (a production server would no longer start)', async () => {
      const res = await post('aa', '/api/admin/users', { ...newUser(NEW_PASSWORD), username: 'demo-worker-9' })
      expect(res.statusCode).toBe(400)
      expect(await t.store.findUserByUsername('demo-worker-9')).toBeNull()
    })

    it('makes the new account change its admin-set password at first login', async () => {
      expect((await post('aa', '/api/admin/users', newUser(NEW_PASSWORD))).statusCode).toBe(201)
      expect((await login('new-worker', NEW_PASSWORD)).json<{ user: PublicUser }>().user.mustChangePassword).toBe(true)
    })
  })
})
