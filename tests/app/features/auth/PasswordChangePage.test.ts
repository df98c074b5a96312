import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import PasswordChangePage from '@/features/auth/PasswordChangePage.vue'
import { useAuthStore } from '@/features/auth/auth-store'
import { loadSession, saveSession } from '@/features/auth/session-storage'
import { setTransport } from '@/sync/transport'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'
import { error, json, scriptedServer, type ScriptedServer } from '../../sync/sync-test-kit'

describe('PasswordChangePage', () => {
  let app: TestApp
  let server: ScriptedServer
  beforeEach(async () => {
    localStorage.clear()
    app = await setupApp()
    const auth = useAuthStore()
    auth.token = 'tok_test_session_token_0001'
    auth.user = { ...app.user, mustChangePassword: true }
    saveSession({ token: auth.token, user: auth.user, expiresAt: new Date(Date.now() + 86_400_000).toISOString() })
    server = scriptedServer()
    server.on('POST', '/api/auth/password', (req) => {
      const body = req.body as { currentPassword: string; newPassword: string }
      if (body.currentPassword !== 'admin-set-pass-1') return error(400, 'bad-request', '当前密码不对')
      return json({ ...app.user, mustChangePassword: false })
    })
    setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
  })
  afterEach(() => setTransport())

  const fill = async (w: Awaited<ReturnType<TestApp['mountPage']>>, current: string, next: string, again = next) => {
    await w.find('[data-testid="password-current"] input').setValue(current)
    await w.find('[data-testid="password-next"] input').setValue(next)
    await w.find('[data-testid="password-again"] input').setValue(again)
    await w.find('form').trigger('submit')
  }

  it('says why it is shown when an admin set the password', async () => {
    const w = await app.mountPage(PasswordChangePage, { path: '/password' })
    expect(w.find('[data-testid="password-forced"]').text()).toContain('管理员为你设置了密码')
    w.unmount()
  })

  it('refuses a common password with the shared rule before asking the server', async () => {
    const w = await app.mountPage(PasswordChangePage, { path: '/password' })
    await fill(w, 'admin-set-pass-1', '12345678')
    await until(() => expect(w.find('[data-testid="password-error"]').text()).toContain('太常见'))
    await fill(w, 'admin-set-pass-1', 'limei-at-home')
    await until(() => expect(w.find('[data-testid="password-error"]').text()).toContain('用户名'))
    expect(server.requests.filter((r) => r.path === '/api/auth/password')).toEqual([])
    w.unmount()
  })

  it('refuses two different new passwords', async () => {
    const w = await app.mountPage(PasswordChangePage, { path: '/password' })
    await fill(w, 'admin-set-pass-1', 'lamp-river-42-ochre', 'lamp-river-42-ochra')
    await until(() => expect(w.find('[data-testid="password-error"]').text()).toContain('不一样'))
    w.unmount()
  })

  it("shows the server's reason when it refuses", async () => {
    const w = await app.mountPage(PasswordChangePage, { path: '/password' })
    await fill(w, 'wrong-current-pass', 'lamp-river-42-ochre')
    await until(() => expect(w.find('[data-testid="password-error"]').text()).toBe('当前密码不对'))
    expect(useAuthStore().user?.mustChangePassword).toBe(true)
    w.unmount()
  })

  it('changes it, ends the forced state and keeps the session saved on the phone', async () => {
    const w = await app.mountPage(PasswordChangePage, { path: '/password' })
    await fill(w, 'admin-set-pass-1', 'lamp-river-42-ochre')
    await until(() => expect(app.router.currentRoute.value.path).toBe('/settings'))
    expect(useAuthStore().user?.mustChangePassword).toBe(false)
    expect(loadSession()?.user.mustChangePassword).toBe(false)
    expect(loadSession()?.token).toBe('tok_test_session_token_0001')
    const sent = server.requests.find((r) => r.path === '/api/auth/password')
    expect(sent?.headers.authorization).toBe('Bearer tok_test_session_token_0001')
    w.unmount()
  })
})
