import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import AdminWatermark from '@/features/admin/AdminWatermark.vue'
import { createAdminApi } from '@/features/admin/admin-api'
import { installAdminMessages } from '@/features/admin/i18n/install'
import { useAdminStore } from '@/features/admin/admin-store'
import type { DeviceWatermark } from '@/shared/console-api'

const USER = '0190a1b2-0000-7000-8000-000000000001'

function withDevices(devices: DeviceWatermark[] | null) {
  const fetch: typeof globalThis.fetch = async (input) => {
    expect(String(input)).toBe(`/api/admin/users/${USER}/devices`)
    return devices ? Response.json(devices) : Response.json({ code: 'not-found', message: '没有这个账号' }, { status: 404 })
  }
  useAdminStore().api = createAdminApi({ fetch, getToken: () => 'token-of-the-admin-000000' })
}

async function render() {
  const w = mount(AdminWatermark, { props: { userId: USER }, global: { plugins: [i18n] } })
  await flushPromises()
  return w
}

describe('AdminWatermark', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    installAdminMessages()
  })

  it('warns when a device still had records to upload, or did not say', async () => {
    withDevices([
      { clientId: '0190a1b2-0000-7000-8000-0000000000aa', lastContactAt: '2026-12-06T08:00:00.000Z', lastPushAt: '2026-12-06T08:00:00.000Z', pending: 3 },
      { clientId: '0190a1b2-0000-7000-8000-0000000000bb', lastContactAt: '2026-12-01T08:00:00.000Z', lastPushAt: null, pending: null },
    ])
    const w = await render()
    const devices = w.findAll('[data-testid="ad-watermark-device"]').map((d) => d.text())
    expect(devices[0]).toContain('未上传记录：3 条')
    expect(devices[1]).toContain('从未成功上传')
    expect(devices[1]).toContain('设备未报告')
    expect(w.find('[role="alert"]').text()).toContain('还有记录没有上传')
  })

  it('says everything is up when every device reported nothing pending', async () => {
    withDevices([{ clientId: '0190a1b2-0000-7000-8000-0000000000aa', lastContactAt: '2026-12-06T08:00:00.000Z', lastPushAt: '2026-12-06T07:59:00.000Z', pending: 0 }])
    const w = await render()
    expect(w.text()).toContain('全部已上传')
    expect(w.find('[role="alert"]').exists()).toBe(false)
  })

  it("shows the server's reason when the devices cannot be read", async () => {
    withDevices(null)
    const w = await render()
    expect(w.text()).toContain('没有这个账号')
  })
})
