import { describe, expect, it } from 'vitest'
import type { PushReply, Visit } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { householdPut, TestDevice, visitArgs } from '../../helpers/server/factories'
import { useWorldApp, type World } from '../../helpers/server/world'

/** A visit's outcome on the server: the shape of apps installed before it existed, and the refusal's note. */
describe.each(BACKENDS)('POST /api/sync/push visit outcome on $name', (backend) => {
  const t = useWorldApp(backend)
  const push = async (who: keyof World['users'], body: unknown) =>
    (await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth[who], payload: body as object })).json<PushReply>()

  /** A visit as an app from before the outcome sends it: no `outcome` key at all. */
  function oldShapeVisit(householdId: string): Visit {
    const { outcome, ...old } = visitArgs(t.world.grids.a1.id, householdId, t.world.users.wa1.id)
    expect(outcome).toBe('met')
    // The type states what new apps send; the wire still carries what old ones do.
    return old as Visit
  }

  it('applies an old-shape visit as met, answers its replayed batch duplicate and the same body again applied', async () => {
    const d = new TestDevice()
    const hh = householdPut(t.world.grids.a1.id)
    await push('wa1', d.push([d.m('household.put', hh)]))
    const visit = oldShapeVisit(hh.id)
    expect(Object.keys(visit)).not.toContain('outcome')
    const batch = d.push([d.m('visit.create', visit)])

    expect((await push('wa1', batch)).results[0]).toMatchObject({ status: 'applied' })
    expect((await t.store.getRecord('visit', visit.id))?.data).toMatchObject({ id: visit.id, outcome: 'met' })
    const before = await t.store.countRecords()
    expect((await push('wa1', batch)).results[0]).toMatchObject({ status: 'duplicate' })
    // Under a new seq (an outbox retried after a lost reply) the same old body is the stored record, not a rewrite.
    expect((await push('wa1', d.push([d.m('visit.create', visit)]))).results[0]).toMatchObject({ status: 'applied' })
    expect(await t.store.countRecords()).toBe(before)
  })

  it('refuses a refusal with no note with invalid-value and stores nothing; with a note it is applied', async () => {
    const d = new TestDevice()
    const hh = householdPut(t.world.grids.a1.id)
    await push('wa1', d.push([d.m('household.put', hh)]))
    const bare = visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id, { outcome: 'refused', seen: '', asked: '', done: '' })
    const noted = visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id, { outcome: 'refused', seen: '家属说老人在休息，不方便', asked: '', done: '' })
    const res = await push('wa1', d.push([d.m('visit.create', bare), d.m('visit.create', noted)]))
    expect(res.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'invalid-value'], ['applied', undefined]])
    expect(await t.store.getRecord('visit', bare.id)).toBeNull()
  })

  it('applies a nobody-home attempt with no text', async () => {
    const d = new TestDevice()
    const hh = householdPut(t.world.grids.a1.id)
    const attempt = visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id, { outcome: 'not-home', seen: '', asked: '', done: '' })
    const res = await push('wa1', d.push([d.m('household.put', hh), d.m('visit.create', attempt)]))
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect((await t.store.getRecord('visit', attempt.id))?.data).toMatchObject({ outcome: 'not-home' })
  })
})
