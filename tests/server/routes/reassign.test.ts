import { describe, expect, it } from 'vitest'
import { decodeHlc, encodeHlc, initialHlc, receive, tick, type PullReply, type PushReply } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { householdPut, TestDevice, visitArgs } from '../../helpers/server/factories'
import { useWorldApp, type World } from '../../helpers/server/world'

/**
 * Issue 15, finding 3 (docs/sync.md, guarantee 6): a worker records offline in her grid, the
 * grid is moved to another worker, her phone comes back. What she did while the grid
 * was hers is accepted and reaches the new owner; what she does after her phone was
 * told it lost the grid is refused with a Chinese reason.
 */
describe.each(BACKENDS)('reassigning a grid with offline changes in flight on $name', (backend) => {
  const t = useWorldApp(backend)

  const push = async (who: keyof World['users'], body: unknown) =>
    (await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth[who], payload: body as object })).json<PushReply>()
  const pull = async (who: keyof World['users'], body: unknown) =>
    (await t.app.inject({ method: 'POST', url: '/api/sync/pull', headers: t.auth[who], payload: body as object })).json<PullReply>()
  const assign = async (gridId: string, workerId: string) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/admin/grids/${gridId}/assign`, headers: t.auth.aa, payload: { workerId } })
    expect(res.statusCode).toBe(200)
  }

  it('accepts what she recorded before the move, gives it to the new owner, and refuses what she did after she was told', async () => {
    const a1 = t.world.grids.a1.id
    const phone = new TestDevice()
    let clock = initialHlc('phone')
    const stamp = () => encodeHlc((clock = tick(clock, Date.now())))
    const hear = (h: string) => (clock = receive(clock, decodeHlc(h), Date.now()))
    hear((await pull('wa1', phone.pull())).serverHlc)

    // Offline in a stairwell: a new household and a visit, stamped before the move.
    const hh = householdPut(a1)
    const visit = visitArgs(a1, hh.id, t.world.users.wa1.id)
    const offline = [phone.m('household.put', hh, stamp()), phone.m('visit.create', visit, stamp())]
    await assign(a1, t.world.users.wa2.id)

    const pushed = await push('wa1', phone.push(offline))
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    hear(pushed.serverHlc)
    const newOwner = await pull('wa2', new TestDevice().pull())
    expect(newOwner.changes.map((c) => c.record.id).sort()).toEqual([hh.id, visit.id].sort())

    // Her phone pulls: it is told the grid is gone. Whatever it stamps now comes after.
    const told = await pull('wa1', phone.pull({ [a1]: 0 }))
    expect(told.gridsLost).toEqual([a1])
    hear(told.serverHlc)
    const late = await push('wa1', phone.push([phone.m('visit.create', visitArgs(a1, hh.id, t.world.users.wa1.id), stamp())]))
    expect(late.results[0]).toMatchObject({ status: 'rejected', code: 'out-of-scope' })
    expect(late.results[0]?.message).toMatch(/已于 \d{4}年\d{1,2}月\d{1,2}日 调整给其他网格员，这条修改是在调整之后做的，未被接受/)
    expect((await pull('wa2', new TestDevice().pull())).changes).toHaveLength(2)
  })

  it('accepts a change another device of hers stamped before it heard, even after one device was told', async () => {
    const a1 = t.world.grids.a1.id
    const tablet = new TestDevice()
    const phone = new TestDevice()
    const early = encodeHlc({ millis: Date.now(), counter: 0, node: 'tablet' })
    await assign(a1, t.world.users.wa2.id)
    expect((await pull('wa1', phone.pull({ [a1]: 0 }))).gridsLost).toEqual([a1])
    const res = await push('wa1', tablet.push([tablet.m('household.put', householdPut(a1), early)]))
    expect(res.results[0]?.status).toBe('applied')
  })

  it('takes by seq what a phone two hours fast made before it heard, and refuses what it made after', async () => {
    const a1 = t.world.grids.a1.id
    const phone = new TestDevice()
    const fast = () => encodeHlc({ millis: Date.now() + 2 * 3_600_000, counter: 0, node: 'fast' })
    const before = [phone.m('household.put', householdPut(a1), fast()), phone.m('household.put', householdPut(a1), fast())]
    await assign(a1, t.world.users.wa2.id)
    // Her app pulls first, saying it has handed out seqs up to 2, and hears of the move.
    const told = await pull('wa1', { ...phone.pull({ [a1]: 0 }), outboxSeq: 2 })
    expect(told.gridsLost).toEqual([a1])
    expect(fast() > told.serverHlc).toBe(true)
    const after = phone.m('household.put', householdPut(a1), fast())
    const res = await push('wa1', phone.push([...before, after]))
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected'])
  })

  it('takes what a fast phone made while the pull that told it was on the wire, by the seq it had when it heard', async () => {
    const a1 = t.world.grids.a1.id
    const phone = new TestDevice()
    const fast = () => encodeHlc({ millis: Date.now() + 2 * 3_600_000, counter: 0, node: 'fast' })
    const first = phone.m('household.put', householdPut(a1), fast())
    await assign(a1, t.world.users.wa2.id)
    // The pull leaves saying seq 1; seq 2 is made while it is on the wire; then the phone hears.
    expect((await pull('wa1', { ...phone.pull({ [a1]: 0 }), outboxSeq: 1 })).gridsLost).toEqual([a1])
    const inFlight = phone.m('household.put', householdPut(a1), fast())
    const afterHearing = phone.m('household.put', householdPut(a1), fast())
    const res = await push('wa1', { ...phone.push([first, inFlight, afterHearing]), heard: { [a1]: 2 } })
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected'])
  })

  it('takes what a fast phone made before the move when the reply that told it was lost (it names no loss)', async () => {
    const a1 = t.world.grids.a1.id
    const phone = new TestDevice()
    const fast = () => encodeHlc({ millis: Date.now() + 2 * 3_600_000, counter: 0, node: 'fast' })
    // Offline edits; its last pull left before them and reached the server after the move,
    // but its reply never came back: the server noted a notice the phone never heard.
    const offline = [phone.m('household.put', householdPut(a1), fast()), phone.m('household.put', householdPut(a1), fast())]
    await assign(a1, t.world.users.wa2.id)
    expect((await pull('wa1', { ...phone.pull({ [a1]: 0 }), outboxSeq: 0 })).gridsLost).toEqual([a1])
    const res = await push('wa1', { ...phone.push(offline), heard: {} })
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied'])
  })

  it('without the seq the phone heard at, refuses what it made while the telling pull was on the wire', async () => {
    const a1 = t.world.grids.a1.id
    const phone = new TestDevice()
    const fast = () => encodeHlc({ millis: Date.now() + 2 * 3_600_000, counter: 0, node: 'fast' })
    const first = phone.m('household.put', householdPut(a1), fast())
    await assign(a1, t.world.users.wa2.id)
    await pull('wa1', { ...phone.pull({ [a1]: 0 }), outboxSeq: 1 })
    const inFlight = phone.m('household.put', householdPut(a1), fast())
    // An app from before this protocol: the server can only go by what the pull said.
    const res = await push('wa1', phone.push([first, inFlight]))
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected'])
  })

  it('still refuses a worker who never held the grid', async () => {
    const d = new TestDevice()
    const res = await push('wa2', d.push([d.m('household.put', householdPut(t.world.grids.a1.id))]))
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'out-of-scope', message: 'this grid is not in your scope' })
  })

  it('accepts her changes again when the grid comes back to her', async () => {
    const a1 = t.world.grids.a1.id
    const phone = new TestDevice()
    await assign(a1, t.world.users.wa2.id)
    const told = await pull('wa1', phone.pull({ [a1]: 0 }))
    await assign(a1, t.world.users.wa1.id)
    const after = encodeHlc({ millis: decodeHlc(told.serverHlc).millis + 1, counter: 0, node: 'phone' })
    const res = await push('wa1', phone.push([phone.m('household.put', householdPut(a1), after)]))
    expect(res.results[0]?.status).toBe('applied')
  })
})
