import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import SettingsPage from '@/features/settings/SettingsPage.vue'
import { useSettingsStore } from '@/features/settings/settings-store'
import { useAuthStore } from '@/features/auth/auth-store'
import { i18n } from '@/i18n'
import { getPhotoBudget, storeDownloadedPhoto } from '@/db/photo-budget-repository'
import { setTransport } from '@/sync/transport'
import { GRID_ID, holdGrid, seedHousehold } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'
import { json, pullReply, pushAnswering, scriptedServer } from '../../sync/sync-test-kit'

describe('SettingsPage', () => {
  let app: TestApp
  beforeEach(async () => {
    localStorage.clear()
    app = await setupApp()
  })

  it('shows the photos on the phone against the budget, and changes the budget', async () => {
    const blob = new Blob([new Uint8Array(3 * 1024 * 1024)], { type: 'image/jpeg' })
    const ref = { sha256: 'a'.repeat(64), mime: 'image/jpeg' as const, size: blob.size }
    await holdGrid(app.db)
    await storeDownloadedPhoto(app.db, ref, GRID_ID, blob, Date.now())
    const w = await app.mountPage(SettingsPage)
    await until(() => expect(w.find('[data-testid="photo-usage"]').text()).toContain('照片 1 张 · 3 MB / 200 MB'))
    await w.find('[data-testid="photo-budget"] [data-value="' + 500 * 1024 * 1024 + '"]').trigger('click')
    await until(() => expect(w.find('[data-testid="photo-usage"]').text()).toContain('/ 500 MB'))
    expect(await getPhotoBudget(app.db)).toBe(500 * 1024 * 1024)
    w.unmount()
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
    await until(() => expect(w.text()).toContain('长辈版'))
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

describe('SettingsPage storage and install', () => {
  it('says whether the browser keeps her records for good, and how to install', async () => {
    const app = await setupApp()
    const persisted = vi.fn(async () => false)
    Object.defineProperty(navigator, 'storage', { value: { persisted }, configurable: true })
    const w = await app.mountPage(SettingsPage)
    await until(() => expect(w.find('[data-testid="storage-status"]').attributes('data-state')).toBe('denied'))
    expect(w.find('[data-testid="storage-status"]').text()).toContain('浏览器可能清掉还没上传的记录')
    expect(w.find('[data-testid="settings-install"]').text()).toContain('添加到主屏幕')
    w.unmount()
    persisted.mockResolvedValue(true)
    const again = await app.mountPage(SettingsPage)
    await until(() => expect(again.find('[data-testid="storage-status"]').text()).toContain('已开启长期保存'))
    again.unmount()
  })
})
