import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import SettingsPage from '@/features/settings/SettingsPage.vue'
import { useSettingsStore } from '@/features/settings/settings-store'
import { useAuthStore } from '@/features/auth/auth-store'
import { i18n } from '@/i18n'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

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

  it('signs out after confirmation and goes to the login page', async () => {
    const auth = useAuthStore()
    const w = await app.mountPage(SettingsPage, { path: '/settings' })
    await w.find('[data-testid="logout"]').trigger('click')
    await flushPromises()
    const confirm = document.querySelector<HTMLButtonElement>('.van-dialog__confirm')
    expect(confirm).not.toBeNull()
    confirm!.click()
    await until(() => expect(app.router.currentRoute.value.path).toBe('/login'))
    expect(auth.user).toBeNull()
    expect(auth.state).toBe('signed-out')
    w.unmount()
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
