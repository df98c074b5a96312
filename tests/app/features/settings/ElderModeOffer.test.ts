import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import ElderModeOffer from '@/features/settings/ElderModeOffer.vue'
import { useSettingsStore } from '@/features/settings/settings-store'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

describe('ElderModeOffer', () => {
  let app: TestApp
  beforeEach(async () => {
    localStorage.clear()
    document.documentElement.classList.remove('elder')
    app = await setupApp()
  })

  it('offers 长辈版 once; taking it turns it on and the offer is not made again', async () => {
    const w = await app.mountPage(ElderModeOffer)
    expect(w.find('[data-testid="elder-offer"]').text()).toContain('要不要用长辈版')
    await w.find('[data-testid="elder-offer-on"]').trigger('click')
    await until(() => expect(document.documentElement.classList.contains('elder')).toBe(true))
    expect(w.find('[data-testid="elder-offer"]').exists()).toBe(false)
    expect(localStorage.getItem('gridsister.elderMode')).toBe('1')
    expect(localStorage.getItem('gridsister.elderOffered')).toBe('1')
    w.unmount()
    // The next start of the app (a fresh store) remembers both.
    setActivePinia(createPinia())
    expect(useSettingsStore().elderOffered).toBe(true)
    expect(useSettingsStore().elderMode).toBe(true)
  })

  it('declining keeps the standard sizes and also ends the offer', async () => {
    const w = await app.mountPage(ElderModeOffer)
    await w.find('[data-testid="elder-offer-off"]').trigger('click')
    await until(() => expect(w.find('[data-testid="elder-offer"]').exists()).toBe(false))
    expect(document.documentElement.classList.contains('elder')).toBe(false)
    expect(localStorage.getItem('gridsister.elderOffered')).toBe('1')
    w.unmount()
  })
})
