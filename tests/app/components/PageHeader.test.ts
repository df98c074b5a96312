import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import PageHeader from '@/components/PageHeader.vue'
import { setupApp, until } from '../../helpers/app/mount-page'

describe('PageHeader', () => {
  it('goes to its fallback page when opened without history', async () => {
    const app = await setupApp()
    const w = await app.mountPage(PageHeader, { path: '/settings', props: { title: '记走访', backTo: '/households' } })
    expect(w.find('h1').text()).toBe('记走访')
    await w.find('[data-testid="back"]').trigger('click')
    await flushPromises()
    await until(() => expect(app.router.currentRoute.value.path).toBe('/households'))
    w.unmount()
  })

  it('has no back button on a tab page', async () => {
    const app = await setupApp()
    const w = await app.mountPage(PageHeader, { props: { title: '今日' } })
    expect(w.find('[data-testid="back"]').exists()).toBe(false)
    w.unmount()
  })
})
