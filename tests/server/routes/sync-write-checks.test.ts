import { describe, expect, it } from 'vitest'
import { encodeHlc, type PushReply } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { householdFields, householdPut, nextHlc, TestDevice, visitArgs } from '../../helpers/server/factories'
import { useWorldApp, type World } from '../../helpers/server/world'

/** The shared write checks on the server: an old client's bad value is refused, never stored. */
describe.each(BACKENDS)('POST /api/sync/push write checks on $name', (backend) => {
  const t = useWorldApp(backend)
  const push = async (who: keyof World['users'], body: unknown) =>
    (await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth[who], payload: body as object })).json<PushReply>()
  const grid = () => t.world.grids.a1.id

  async function storedHousehold(d: TestDevice) {
    const hh = householdPut(grid())
    const created = nextHlc()
    await push('wa1', d.push([d.m('household.put', hh, created)]))
    return { hh, base: Object.fromEntries(Object.keys(hh.patch).map((k) => [k, created])) }
  }

  it('refuses a visit dated next year with invalid-value and stores nothing', async () => {
    const d = new TestDevice()
    const { hh } = await storedHousehold(d)
    const later = new Date(Date.now() + 180 * 86_400_000).toISOString()
    const visit = visitArgs(grid(), hh.id, t.world.users.wa1.id, { visitedAt: later })
    const res = await push('wa1', d.push([d.m('visit.create', visit)]))
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'invalid-value' })
    expect(res.results[0]?.message).toContain('visitedAt')
    expect(await t.store.getRecord('visit', visit.id)).toBeNull()
  })

  it("accepts a visit at the phone's own now when its clock runs an hour fast", async () => {
    const d = new TestDevice()
    const { hh } = await storedHousehold(d)
    const fast = Date.now() + 3_600_000
    const visit = visitArgs(grid(), hh.id, t.world.users.wa1.id, { visitedAt: new Date(fast).toISOString() })
    const res = await push('wa1', d.push([d.m('visit.create', visit, encodeHlc({ millis: fast, counter: 0, node: 'fast' }))]))
    expect(res.results[0]).toMatchObject({ status: 'applied' })
  })

  it('refuses a next visit before the visit', async () => {
    const d = new TestDevice()
    const { hh } = await storedHousehold(d)
    const visit = visitArgs(grid(), hh.id, t.world.users.wa1.id, { nextVisitOn: '2020-01-01' })
    const res = await push('wa1', d.push([d.m('visit.create', visit)]))
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'invalid-value' })
    expect(await t.store.getRecord('visit', visit.id)).toBeNull()
  })

  it('refuses the phone "123" and keeps the stored one', async () => {
    const d = new TestDevice()
    const { hh, base } = await storedHousehold(d)
    const res = await push('wa1', d.push([d.m('household.put', { ...hh, patch: { phone: '123' }, base: { phone: base.phone ?? null } })]))
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'invalid-value' })
    expect((await t.store.getRecord('household', hh.id))?.data).toMatchObject({ phone: householdFields().phone })
  })

  it('refuses a new household without an address', async () => {
    const d = new TestDevice()
    const hh = householdPut(grid(), undefined, householdFields({ address: { estate: '', building: '', unit: '', door: '' } }))
    const res = await push('wa1', d.push([d.m('household.put', hh)]))
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'invalid-value' })
    expect(await t.store.getRecord('household', hh.id)).toBeNull()
  })

  it('refuses an ID number with a wrong check digit or a future birth date', async () => {
    const d = new TestDevice()
    const { hh } = await storedHousehold(d)
    const person = (over: object) => ({
      id: crypto.randomUUID(), gridId: grid(), base: {},
      patch: { householdId: hh.id, name: '王', sex: 'F' as const, birthDate: '1949-12-31', relation: 'self' as const, phone: '', idNumber: '', keyGroups: [], notes: '', ...over },
    })
    const wrongDigit = person({ idNumber: '110105194912310021' })
    const future = person({ birthDate: '2099-01-01' })
    const fine = person({ idNumber: '11010519491231002X' })
    const res = await push('wa1', d.push([d.m('person.put', wrongDigit), d.m('person.put', future), d.m('person.put', fine)]))
    expect(res.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'invalid-value'], ['rejected', 'invalid-value'], ['applied', undefined]])
    expect(await t.store.getRecord('person', wrongDigit.id)).toBeNull()
  })

  it('accepts an edit of other fields of a row stored before the checks existed', async () => {
    const d = new TestDevice()
    const { hh, base } = await storedHousehold(d)
    const old = (await t.store.getRecord('household', hh.id))!
    // A row as an earlier version stored it: a phone that would no longer pass.
    await t.store.transaction(async (tx) => tx.putRecord('household', hh.id, grid(), t.world.communityA, { ...(old.data as object), phone: '123' }))
    const res = await push('wa1', d.push([d.m('household.put', { ...hh, patch: { notes: '老人住院了' }, base: { notes: base.notes ?? null } })]))
    expect(res.results[0]).toMatchObject({ status: 'applied' })
  })

  it('answers an installed first-release app a code it can read (it cannot parse invalid-value), with the reason kept', async () => {
    const d = new TestDevice()
    const { hh, base } = await storedHousehold(d)
    const body = { ...d.push([d.m('household.put', { ...hh, patch: { phone: '123' }, base: { phone: base.phone ?? null } })]), schemaVersion: 1 }
    const res = await push('wa1', body)
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'bad-request' })
    expect(res.results[0]?.message).toContain('phone')
    expect(FIRST_RELEASE_CODES).toContain(res.results[0]?.code)
    // Its retry (the first reply lost) is answered the same way.
    expect((await push('wa1', body)).results[0]).toMatchObject({ status: 'rejected', code: 'bad-request' })
  })
})

/** The rejection codes the first release's MutationResult schema accepted (a strict enum). */
const FIRST_RELEASE_CODES = ['bad-request', 'unauthorized', 'forbidden', 'not-found', 'out-of-scope', 'upgrade-required', 'rate-limited', 'payload-too-large', 'conflict', 'invalid-transition', 'stale-state', 'hash-mismatch', 'clock-drift', 'internal']
