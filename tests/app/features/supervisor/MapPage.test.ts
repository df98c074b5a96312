import { describe, expect, it } from 'vitest'
import MapPage from '@/features/supervisor/MapPage.vue'
import { responsibilityCards } from '@/features/supervisor/reports/responsibility'
import { setupSupervisor, until } from './supervisor-kit'

describe('MapPage', { timeout: 30_000 }, () => {
  it('shows each grid with its worker, phone, buildings and counts, and reassigns through the API', async () => {
    const calls: { url: string; body: string }[] = []
    let users: unknown[] = []
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = String(input)
      if (url.endsWith('/api/admin/users')) return new Response(JSON.stringify(users), { status: 200 })
      if (url.endsWith('/assign')) {
        calls.push({ url, body: String(init?.body) })
        return new Response('{}', { status: 200 })
      }
      return new Response(JSON.stringify({ code: 'not-found', message: '' }), { status: 404 })
    }
    const kit = await setupSupervisor({ households: 40, fetch })
    users = kit.demo.users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, communityId: u.communityId, gridIds: u.gridIds, phone: u.phone }))
    await kit.store.refreshDirectory()
    const w = await kit.mountAt(MapPage, '/supervisor/map')
    const g = kit.demo.grids[0]!
    const card = () => w.get(`[data-testid="map-grid-${g.code}"]`)
    const worker = kit.demo.users.find((u) => u.id === g.workerId)!
    await until(() => expect(card().text()).toContain(worker.displayName))
    expect(card().text()).toContain(worker.phone)
    const expected = responsibilityCards(kit.demo.grids, kit.demo.households, [])[0]!
    expect(expected.households).toBe(kit.demo.households.filter((h) => h.gridId === g.id).length)
    expect(card().text()).toContain(`${expected.households} 户数`)
    expect(card().text()).toContain(`${expected.keyHouseholds} 重点户`)
    const other = kit.demo.users.find((u) => u.role === 'worker' && u.id !== g.workerId)!
    await card().get('[data-testid="assign-start"]').trigger('click')
    await card().get('[data-testid="assign-select"]').setValue(other.id)
    await card().get('[data-testid="assign-save"]').trigger('click')
    await until(() => expect(calls).toHaveLength(1))
    expect(calls[0]!.url).toContain(`/api/admin/grids/${g.id}/assign`)
    expect(JSON.parse(calls[0]!.body)).toEqual({ workerId: other.id })
  })
})
