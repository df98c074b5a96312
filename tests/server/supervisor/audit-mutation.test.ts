import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ArgsOf, PushReply } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { TestDevice } from '../../helpers/server/factories'
import { useWorldApp, type World } from '../../helpers/server/world'

describe.each(BACKENDS)('audit.record through POST /api/sync/push on $name', (backend) => {
  const t = useWorldApp(backend)

  const audit = (gridId: string, over: Partial<ArgsOf<'audit.record'>> = {}): ArgsOf<'audit.record'> => ({
    id: randomUUID(), gridId, action: 'view', recordKind: 'household', recordId: randomUUID(), detail: 'review household', ...over,
  })
  const push = async (who: keyof World['users'], d: TestDevice, args: ArgsOf<'audit.record'>[]) =>
    (await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth[who], payload: d.push(args.map((a) => d.m('audit.record', a))) })).json<PushReply>()

  it('stores a supervisor\'s view in the audit log (who, when, what) and writes no record', async () => {
    const a = audit(t.world.grids.a1.id)
    const reply = await push('sa', new TestDevice(), [a])
    expect(reply.results[0]).toMatchObject({ status: 'applied' })
    const [entry] = await t.store.listAudit(5)
    expect(entry).toMatchObject({
      userId: t.world.users.sa.id, action: 'record-view',
      detail: { eventId: a.id, communityId: t.world.communityA, gridId: a.gridId, recordKind: 'household', recordId: a.recordId, detail: 'review household' },
    })
    expect(entry!.at).toBeGreaterThan(0)
    expect(await t.store.countRecords()).toBe(0)
  })

  it('stores an admin\'s export once, even when the push is replayed', async () => {
    const d = new TestDevice()
    const a = audit(t.world.grids.a2.id, { action: 'export', recordKind: null, recordId: null, detail: 'monthly-xlsx 2026-03 full' })
    const body = d.push([d.m('audit.record', a)])
    await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth.aa, payload: body })
    const again = (await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth.aa, payload: body })).json<PushReply>()
    expect(again.results[0]?.status).toBe('duplicate')
    const entries = (await t.store.listAudit(10)).filter((e) => e.action === 'record-export')
    expect(entries).toHaveLength(1)
  })

  it('rejects a worker\'s audit entry as forbidden and another community\'s grid as out-of-scope', async () => {
    const byWorker = await push('wa1', new TestDevice(), [audit(t.world.grids.a1.id)])
    expect(byWorker.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' })
    const otherCommunity = await push('sb', new TestDevice(), [audit(t.world.grids.a1.id)])
    expect(otherCommunity.results[0]).toMatchObject({ status: 'rejected', code: 'out-of-scope' })
    expect((await t.store.listAudit(10)).filter((e) => e.action.startsWith('record-'))).toEqual([])
  })
})
