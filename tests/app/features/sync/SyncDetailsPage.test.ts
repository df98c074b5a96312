import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { closeDb, getDb } from '@/db/db'
import { useAuthStore } from '@/features/auth/auth-store'
import SyncDetailsPage from '@/features/sync/SyncDetailsPage.vue'
import { useSyncStore } from '@/features/sync/sync-store'
import { createVisit } from '@/features/visits/visits-repository'
import { i18n } from '@/i18n'
import { setTransport } from '@/sync/transport'
import { actor, seedHousehold, visitInput } from '../../../helpers/app/factories'
import { json, pullReply, pushAnswering } from '../../sync/sync-test-kit'
import { authServer, publicUser } from '../auth/auth-test-kit'

let server: ReturnType<typeof authServer>

beforeEach(async () => {
  setActivePinia(createPinia())
  localStorage.clear()
  closeDb()
  i18n.global.locale.value = 'zh-CN'
  server = authServer({ 'demo-worker-1': publicUser() })
  server.on('POST', '/api/sync/push', pushAnswering((m) => (m.name === 'visit.create' ? 'rejected' : 'applied')))
  server.on('POST', '/api/sync/pull', () => json(pullReply()))
  setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
  await useAuthStore().login('demo-worker-1', 'gridsister-demo')
})
afterEach(() => setTransport())

async function mountPage() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)', component: SyncDetailsPage }] })
  await router.push('/sync')
  return mount(SyncDetailsPage, { global: { plugins: [i18n, router] } })
}

describe('SyncDetailsPage', () => {
  it('shows each rejected change with what it was and why, and dismisses it', async () => {
    const h = await seedHousehold(getDb())
    await createVisit(getDb(), visitInput(h.id, { seen: '楼道灯坏了' }), actor)
    const sync = useSyncStore()
    sync.attach()
    await sync.syncNow()
    const wrapper = await mountPage()
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="sync-rejection"]')).toHaveLength(1))
    const row = wrapper.find('[data-testid="sync-rejection"]')
    expect(row.text()).toContain('走访记录')
    expect(row.text()).toContain('楼道灯坏了')
    expect(row.text()).toContain('心愿已被别人先处理')
    await row.find('button').trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="sync-rejection"]')).toHaveLength(0))
    expect(wrapper.text()).toContain('没有被退回的修改')
  })

  it('shows the pending count in the status bar and syncs on tap', async () => {
    await seedHousehold(getDb())
    const sync = useSyncStore()
    sync.attach()
    const wrapper = await mountPage()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="sync-pending"]').text()).toContain('1 条待上传'))
    expect(wrapper.find('[data-testid="sync-last"]').text()).toContain('还没有同步过')
    await wrapper.find('[data-testid="sync-bar"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="sync-pending"]').text()).toContain('全部已上传'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="sync-last"]').text()).toContain('上次同步'))
  })
})
