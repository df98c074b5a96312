import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { MutationResult } from '@/shared'
import { closeDb, getDb } from '@/db/db'
import { createAssessment } from '@/features/assessments/assessments-repository'
import { useAuthStore } from '@/features/auth/auth-store'
import { recordAudit } from '@/features/supervisor/audit-repository'
import SyncDetailsPage from '@/features/sync/SyncDetailsPage.vue'
import { useSyncStore } from '@/features/sync/sync-store'
import { createVisit } from '@/features/visits/visits-repository'
import { createWish } from '@/features/wishes/wishes-repository'
import { i18n } from '@/i18n'
import { setTransport } from '@/sync/transport'
import { GRID_ID, actor, seedHousehold, visitInput, wishInput } from '../../../helpers/app/factories'
import { json, pullReply, pushAnswering } from '../../sync/sync-test-kit'
import { authServer, publicUser } from '../auth/auth-test-kit'

let server: ReturnType<typeof authServer>

beforeEach(async () => {
  setActivePinia(createPinia())
  localStorage.clear()
  closeDb()
  i18n.global.locale.value = 'zh-CN'
  server = authServer({ 'demo-worker-1': publicUser() })
  server.on('POST', '/api/sync/pull', () => json(pullReply()))
  setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
  await useAuthStore().login('demo-worker-1', 'gridsister-demo')
})
afterEach(() => {
  setTransport()
  vi.restoreAllMocks()
})

async function mountPage() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)', component: SyncDetailsPage }] })
  await router.push('/sync')
  return mount(SyncDetailsPage, { global: { plugins: [i18n, router] } })
}

/** A push answering visits with an out-of-scope refusal, as the server words it (English). */
function refuseVisits() {
  server.on('POST', '/api/sync/push', async (req) => {
    const reply = await pushAnswering((m) => (m.name === 'visit.create' ? 'rejected' : 'applied'))(req)
    const body = (await reply.json()) as { results: MutationResult[] }
    for (const r of body.results) if (r.status === 'rejected') Object.assign(r, { code: 'out-of-scope', message: 'grid is not in your scope' })
    return json(body)
  })
}

describe('SyncDetailsPage', () => {
  it('explains a refused change in Chinese (what, why, what to do), never the server English, and dismisses it', async () => {
    refuseVisits()
    const h = await seedHousehold(getDb(), { headName: '赵桂芝' })
    await createVisit(getDb(), visitInput(h.id, { visitedAt: '2026-12-01T02:00:00.000Z' }), actor)
    const sync = useSyncStore()
    sync.attach()
    await sync.syncNow()
    const wrapper = await mountPage()
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="rejection"]')).toHaveLength(1))
    const card = wrapper.find('[data-testid="rejection"]').text()
    expect(card).toContain('赵桂芝的走访记录')
    expect(card).toContain('未被接受')
    expect(card).toContain('这户已经不在您负责的网格里了')
    expect(card).toContain('请联系妇联主席')
    expect(wrapper.text()).not.toMatch(/scope|grid is|→/)
    await wrapper.find('[data-testid="rejection-dismiss"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="rejection"]')).toHaveLength(0))
  })

  it('counts her records, not mutations, lists them, and syncs on 立即同步', async () => {
    server.on('POST', '/api/sync/push', pushAnswering())
    const db = getDb()
    const h = await seedHousehold(db, { headName: '钱秀兰' })
    await db.outbox.clear()
    await createVisit(db, visitInput(h.id), actor)
    await createWish(db, wishInput(h.id, { title: '想学用智能手机' }), actor)
    await createAssessment(db, { householdId: h.id, templateId: 'needs-v1', assessedAt: '2026-12-01T00:00:00.000Z', answers: {} }, actor)
    // Looking at a record writes an audit entry: not a record of hers to upload.
    await recordAudit(db, { action: 'view', recordKind: 'household', recordId: h.id, gridId: GRID_ID, detail: '' })
    const sync = useSyncStore()
    sync.attach()
    const wrapper = await mountPage()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="sync-pending"]').text()).toBe('3 条记录待上传'))
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="pending-record"]')).toHaveLength(3))
    const listed = wrapper.findAll('[data-testid="pending-record"]').map((r) => r.text()).join('\n')
    expect(listed).toContain('钱秀兰 · 走访记录')
    expect(listed).toContain('想学用智能手机')
    expect(listed).toContain('待上传')
    await wrapper.find('[data-testid="sync-bar"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="sync-pending"]').text()).toContain('全部已上传'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="sync-last"]').text()).toContain('上次同步'))
    expect(wrapper.text()).toContain('所有记录都已上传')
  })

  it('offline reads calm (no red) and 立即同步 says why it cannot run', async () => {
    await seedHousehold(getDb())
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const sync = useSyncStore()
    sync.attach()
    const wrapper = await mountPage()
    await wrapper.find('[data-testid="sync-bar"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(document.body.textContent).toContain('现在没有网络，不能同步'))
    expect(wrapper.find('[data-testid="sync-last"]').text()).toContain('没有网络：记录都存在手机上')
    expect(wrapper.find('.sync-bar').classes()).toContain('sync-bar--offline')
    expect(wrapper.find('.sync-bar--warn').exists()).toBe(false)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(server.requests.some((r) => r.path === '/api/sync/push')).toBe(false)
  })
})
