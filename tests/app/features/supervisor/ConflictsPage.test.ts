import { describe, expect, it } from 'vitest'
import type { Conflict } from '@/shared'
import ConflictsPage from '@/features/supervisor/ConflictsPage.vue'
import { setupSupervisor, until } from './supervisor-kit'

interface Call { method: string; url: string; body: string | null }

/** A server double at the fetch seam: answers the conflict list and records every call. */
function fakeServer(conflicts: Conflict[]) {
  const calls: Call[] = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = String(input)
    calls.push({ method: init?.method ?? 'GET', url, body: typeof init?.body === 'string' ? init.body : null })
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
    if (url.endsWith('/api/conflicts')) return json(conflicts)
    if (url.includes('/resolve')) return json({ id: 'x', resolvedAt: new Date().toISOString() })
    return json({ code: 'not-found', message: 'no' }, 404)
  }
  return { fetch, calls }
}

describe('ConflictsPage', { timeout: 30_000 }, () => {
  it('shows both values and who lost, and choosing the other value writes a household.put and resolves', async () => {
    let server = fakeServer([])
    const kit = await setupSupervisor({ households: 10, fetch: (i, o) => server.fetch(i, o) })
    const h = kit.demo.households[0]!
    const worker = kit.demo.users.find((u) => u.role === 'worker')!
    const conflict: Conflict = {
      id: '0190a000-0000-7000-8000-0000000000c1', kind: 'household', recordId: h.id, gridId: h.gridId, field: 'notes',
      winnerValue: '独居', winnerHlc: '001773000000000-00000-aa', loserValue: '老人耳背，要大声说话', loserHlc: '001772000000000-00000-bb',
      loserUserId: worker.id, createdAt: '2026-03-01T00:00:00.000Z', resolvedAt: null,
    }
    server = fakeServer([conflict, { ...conflict, id: '0190a000-0000-7000-8000-0000000000c2', resolvedAt: '2026-03-02T00:00:00.000Z' }])
    const w = await kit.mountAt(ConflictsPage, '/supervisor/conflicts')
    await until(() => expect(w.findAll('article.conflict')).toHaveLength(1))
    const text = w.get(`[data-testid="conflict-${conflict.id}"]`).text()
    expect(text).toContain(h.headName)
    expect(text).toContain('独居')
    expect(text).toContain('老人耳背，要大声说话')
    expect(text).toContain(worker.displayName)
    await w.get('[data-testid="conflict-use-other"]').trigger('click')
    await until(() => expect(server.calls.some((c) => c.url.endsWith(`/api/conflicts/${conflict.id}/resolve`))).toBe(true))
    expect(JSON.parse(server.calls.find((c) => c.url.includes('/resolve'))!.body!)).toEqual({ choice: 'loser' })
    const [row] = await kit.db.outbox.toArray()
    expect(row?.mutation).toMatchObject({ name: 'household.put', args: { id: h.id, patch: { notes: '老人耳背，要大声说话' } } })
    await until(() => expect(w.find('[data-testid="conflicts-empty"]').exists()).toBe(true))
  })

  it('offers no choice on a number she holds masked: the grid worker checks it', async () => {
    let server = fakeServer([])
    const kit = await setupSupervisor({ households: 10, fetch: (i, o) => server.fetch(i, o) })
    const h = kit.demo.households[0]!
    server = fakeServer([{
      id: '0190a000-0000-7000-8000-0000000000c3', kind: 'household', recordId: h.id, gridId: h.gridId, field: 'phone',
      winnerValue: '139****5678', winnerHlc: '001773000000000-00000-aa', loserValue: '138****1234', loserHlc: '001772000000000-00000-bb',
      loserUserId: null, createdAt: '2026-03-01T00:00:00.000Z', resolvedAt: null,
    }])
    const w = await kit.mountAt(ConflictsPage, '/supervisor/conflicts')
    await until(() => expect(w.findAll('article.conflict')).toHaveLength(1))
    expect(w.find('[data-testid="conflict-use-other"]').exists()).toBe(false)
    expect(w.get('[data-testid="conflict-masked"]').text()).toContain('网格员')
  })

  it('says it needs a connection when the server cannot be reached', async () => {
    const kit = await setupSupervisor({ households: 10 })
    const w = await kit.mountAt(ConflictsPage, '/supervisor/conflicts')
    await until(() => expect(w.text()).toContain('需要联网'))
    expect(await kit.db.outbox.count()).toBe(0)
  })
})
