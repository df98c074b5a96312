import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import DemoBadge from '@/components/DemoBadge.vue'
import { i18n } from '@/i18n'
import { setTransport } from '@/sync/transport'
import { json, scriptedServer } from '../sync/sync-test-kit'

const health = (demo: boolean) => json({ ok: true, demo, schemaVersion: 1, minSchemaVersion: 1 })
const mountBadge = async () => {
  const w = mount(DemoBadge, { global: { plugins: [i18n] } })
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
  return w
}

describe('DemoBadge', () => {
  beforeEach(() => {
    localStorage.clear()
    i18n.global.locale.value = 'zh-CN'
  })
  afterEach(() => setTransport())

  it('shows 演示 when the server runs the demo, and remembers it for offline starts', async () => {
    const server = scriptedServer()
    server.on('GET', '/api/health', () => health(true))
    setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
    const w = await mountBadge()
    await vi.waitFor(() => expect(w.find('[data-testid="demo-badge"]').text()).toBe('演示'))
    expect(localStorage.getItem('gridsister.server-demo')).toBe('1')
    w.unmount()

    setTransport({ baseUrl: 'http://sync.test', fetch: () => Promise.reject(new TypeError('Failed to fetch')) })
    const offline = await mountBadge()
    expect(offline.find('[data-testid="demo-badge"]').exists()).toBe(true)
    offline.unmount()
  })

  it('shows nothing on a production server, even if the phone once saw a demo', async () => {
    localStorage.setItem('gridsister.server-demo', '1')
    const server = scriptedServer()
    server.on('GET', '/api/health', () => health(false))
    setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
    const w = await mountBadge()
    await vi.waitFor(() => expect(localStorage.getItem('gridsister.server-demo')).toBe('0'))
    await flushPromises()
    expect(w.find('[data-testid="demo-badge"]').exists()).toBe(false)
    w.unmount()
  })
})
