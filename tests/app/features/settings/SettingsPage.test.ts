import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import SettingsPage from '@/features/settings/SettingsPage.vue'
import { useSettingsStore } from '@/features/settings/settings-store'
import { useAuthStore } from '@/features/auth/auth-store'
import { i18n } from '@/i18n'
import { setTransport } from '@/sync/transport'
import { seedHousehold } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'
import { json, pullReply, pushAnswering, scriptedServer } from '../../sync/sync-test-kit'

describe('SettingsPage', () => {
  let app: TestApp
  beforeEach(async () => {
    localStorage.clear()
    app = await setupApp()
  })

  it('shows who is signed in', async () => {
    const w = await app.mountPage(SettingsPage)
    expect(w.find('[data-testid="signed-in"]').text()).toContain('李梅')
    expect(w.find('[data-testid="signed-in"]').text()).toContain('limei')
    w.unmount()
  })

  it('switches the language to English and back, and remembers it', async () => {
    const w = await app.mountPage(SettingsPage)
    await w.find('[data-testid="language"] [data-value="en"]').trigger('click')
    await until(() => expect(w.text()).toContain('Elder mode'))
    expect(i18n.global.locale.value).toBe('en')
    expect(localStorage.getItem('gridsister.locale')).toBe('en')
    await w.find('[data-testid="language"] [data-value="zh-CN"]').trigger('click')
    await until(() => expect(w.text()).toContain('长辈模式'))
    w.unmount()
  })

  it('turns elder mode on: larger text through a class on the page root, kept after restart', async () => {
    const w = await app.mountPage(SettingsPage)
    await w.find('[data-testid="elder-mode"]').trigger('click')
    await until(() => expect(document.documentElement.classList.contains('elder')).toBe(true))
    expect(localStorage.getItem('gridsister.elderMode')).toBe('1')
    expect(useSettingsStore().elderMode).toBe(true)
    w.unmount()
  })

  describe('signing out of a shared phone', () => {
    const click = (testid: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`)?.click()
    const dialogText = () => document.querySelector('[data-testid="logout-dialog"]')?.textContent ?? ''
    afterEach(() => setTransport())

    it('names what is not uploaded, and deletes it only when she says so', async () => {
      setTransport({ baseUrl: 'http://sync.test', fetch: () => Promise.reject(new TypeError('Failed to fetch')) })
      const auth = useAuthStore()
      auth.token = 'tok_offline'
      await seedHousehold(app.db)
      await seedHousehold(app.db)
      const name = app.db.name
      const w = await app.mountPage(SettingsPage, { path: '/settings' })
      await w.find('[data-testid="logout"]').trigger('click')
      await until(() => expect(dialogText()).toContain('2 户住户信息'))
      expect(dialogText()).toContain('没有网络')
      click('logout-cancel')
      await until(() => expect(auth.state).toBe('signed-in'))
      expect((await indexedDB.databases()).map((d) => d.name)).toContain(name)

      await w.find('[data-testid="logout"]').trigger('click')
      await until(() => expect(document.querySelector('[data-testid="logout-anyway"]')).not.toBeNull())
      click('logout-anyway')
      await until(() => expect(app.router.currentRoute.value.path).toBe('/login'))
      expect(auth.user).toBeNull()
      expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name)
      w.unmount()
    })

    it('uploads first; with everything uploaded it only asks to confirm, then wipes', async () => {
      const server = scriptedServer()
      server.on('POST', '/api/sync/push', pushAnswering())
      server.on('POST', '/api/sync/pull', () => json(pullReply()))
      server.on('POST', '/api/auth/logout', () => json({ ok: true }))
      setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
      const auth = useAuthStore()
      auth.token = 'tok_online'
      await seedHousehold(app.db)
      const name = app.db.name
      const w = await app.mountPage(SettingsPage, { path: '/settings' })
      await w.find('[data-testid="logout"]').trigger('click')
      await until(() => expect(document.querySelector('[data-testid="logout-wipe"]')).not.toBeNull())
      expect(server.requests.some((r) => r.path === '/api/sync/push')).toBe(true)
      expect(dialogText()).toContain('记录都已上传')
      click('logout-wipe')
      await until(() => expect(app.router.currentRoute.value.path).toBe('/login'))
      expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name)
      w.unmount()
    })
  })
})
