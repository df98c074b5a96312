import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import SettingsPage from '@/features/settings/SettingsPage.vue'
import { useSettingsStore } from '@/features/settings/settings-store'
import { useAuthStore } from '@/features/auth/auth-store'
import { i18n } from '@/i18n'
import { getPhotoBudget, storeDownloadedPhoto } from '@/db/photo-budget-repository'
import { GRID_ID } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

describe('SettingsPage', () => {
  let app: TestApp
  beforeEach(async () => {
    localStorage.clear()
    app = await setupApp()
  })

  it('shows the photos on the phone against the budget, and changes the budget', async () => {
    const blob = new Blob([new Uint8Array(3 * 1024 * 1024)], { type: 'image/jpeg' })
    const ref = { sha256: 'a'.repeat(64), mime: 'image/jpeg' as const, size: blob.size }
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
