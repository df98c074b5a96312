import { randomUUID } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ArgsOf, Assessment, AssessmentFields, Household, PullReply, PushReply } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { householdPut, nextHlc, TestDevice } from '../../helpers/server/factories'
import { appOver, useWorldStore, type WorldTest } from '../../helpers/server/world'

/**
 * A needs assessment and the care level it sets are one change (rules/care-level.ts):
 * the household's care level still reaches every device, but the write that names its
 * assessment keeps the household's `updatedAt`, so the supervisor's queue shows the
 * change on the assessment only. Older apps' writes (no link) move it as before.
 */
describe.each(BACKENDS)('assessment care-level write on $name', (backend) => {
  const t = useWorldStore(backend) as WorldTest
  // The server's clock moves only when a test says so: every push has a time of its own.
  let clock = Date.now()
  beforeEach(async () => {
    if (backend.available) Object.assign(t, await appOver(t.store, t.world, { now: () => clock }))
  })
  const push = async (d: TestDevice, ms: ReturnType<TestDevice['m']>[]) => {
    clock += 60_000
    const res = await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth.wa1, payload: d.push(ms) })
    return res.json<PushReply>().results.map((r) => r.status)
  }
  const stored = async (id: string) => (await t.store.getRecord('household', id))?.data as Household

  /** A household at care level 2 and an assessment of it that raises it to 3. */
  async function householdAndAssessment(d: TestDevice) {
    const hh = householdPut(t.world.grids.a1.id)
    const created = nextHlc()
    await push(d, [d.m('household.put', hh, created)])
    const fields: AssessmentFields = {
      householdId: hh.id, templateId: 'needs-v1', assessedAt: new Date(clock).toISOString(), assessorId: t.world.users.wa1.id,
      answers: { health: { level: 3, notes: '行动不便', extra: {} } }, careLevel: 3, cadenceDays: 14, score: null,
      careLevelChange: { from: 2, to: 3 },
    }
    const assessment: ArgsOf<'assessment.put'> = { id: randomUUID(), gridId: hh.gridId, patch: fields, base: {} }
    const base = { careLevel: created, visitCadenceDays: created }
    const write = (patch: Record<string, unknown>, assessmentId?: string): ArgsOf<'household.put'> =>
      ({ id: hh.id, gridId: hh.gridId, patch, base, ...(assessmentId ? { assessmentId } : {}) })
    return { hh, assessment, write, before: await stored(hh.id) }
  }

  it("keeps the household's time for the assessment's own write, and every device still gets the new care level", async () => {
    const d = new TestDevice()
    const { hh, assessment, write, before } = await householdAndAssessment(d)
    const statuses = await push(d, [d.m('assessment.put', assessment), d.m('household.put', write({ careLevel: 3, visitCadenceDays: 14 }, assessment.id))])
    expect(statuses).toEqual(['applied', 'applied'])
    const after = await stored(hh.id)
    expect(after).toMatchObject({ careLevel: 3, visitCadenceDays: 14 })
    expect(after.updatedAt).toBe(before.updatedAt)
    // The supervisor's device receives both: the household's new level, the assessment's change.
    const pulled = (await t.app.inject({ method: 'POST', url: '/api/sync/pull', headers: t.auth.sa, payload: new TestDevice().pull() })).json<PullReply>()
    const record = <K extends 'household' | 'assessment'>(kind: K, id: string) => pulled.changes.find((c) => c.kind === kind && c.record.id === id)?.record
    expect(record('household', hh.id)).toMatchObject({ careLevel: 3, updatedAt: before.updatedAt })
    expect((record('assessment', assessment.id) as Assessment).careLevelChange).toEqual({ from: 2, to: 3 })
  })

  it('refuses an assessment whose care-level change does not end at its level, and stores nothing', async () => {
    const d = new TestDevice()
    const { assessment } = await householdAndAssessment(d)
    const res = await t.app.inject({
      method: 'POST', url: '/api/sync/push', headers: t.auth.wa1,
      payload: d.push([d.m('assessment.put', { ...assessment, patch: { ...assessment.patch, careLevelChange: { from: 2, to: 1 } } })]),
    })
    expect(res.json<PushReply>().results[0]).toMatchObject({ status: 'rejected', code: 'invalid-value' })
    expect(await t.store.getRecord('assessment', assessment.id)).toBeNull()
  })

  it('moves the household\'s time for a write from an older app, which names no assessment', async () => {
    const d = new TestDevice()
    const { hh, assessment, write, before } = await householdAndAssessment(d)
    const { careLevelChange: _dropped, ...oldFields } = assessment.patch
    expect(await push(d, [d.m('assessment.put', { ...assessment, patch: oldFields }), d.m('household.put', write({ careLevel: 3, visitCadenceDays: 14 }))])).toEqual(['applied', 'applied'])
    const after = await stored(hh.id)
    expect(after.careLevel).toBe(3)
    expect(after.updatedAt).not.toBe(before.updatedAt)
  })

  it('moves it when the write carries more than the result, or not that result', async () => {
    const d = new TestDevice()
    const { hh, assessment, write } = await householdAndAssessment(d)
    await push(d, [d.m('assessment.put', assessment)])
    // Each write on top of what is stored (its base: the stored clocks).
    const onTop = async (patch: Record<string, unknown>) => {
      const { hlc } = await stored(hh.id)
      return { ...write(patch, assessment.id), base: Object.fromEntries(Object.keys(patch).map((k) => [k, hlc[k] ?? null])) }
    }
    let last = (await stored(hh.id)).updatedAt
    // A name changed alongside the care level is the household's own change.
    expect(await push(d, [d.m('household.put', await onTop({ careLevel: 3, headName: '李桂兰' }))])).toEqual(['applied'])
    expect((await stored(hh.id)).updatedAt).not.toBe(last)
    last = (await stored(hh.id)).updatedAt
    // A level the assessment did not give is not its write.
    expect(await push(d, [d.m('household.put', await onTop({ careLevel: 1 }))])).toEqual(['applied'])
    expect((await stored(hh.id)).updatedAt).not.toBe(last)
  })

  it('moves it when the named assessment is missing or belongs to another household', async () => {
    const d = new TestDevice()
    const { assessment, write } = await householdAndAssessment(d)
    const other = householdPut(t.world.grids.a1.id)
    await push(d, [d.m('household.put', other), d.m('assessment.put', assessment)])
    const before = await stored(other.id)
    const foreign: ArgsOf<'household.put'> = { ...write({ careLevel: 3 }, assessment.id), id: other.id, base: { careLevel: (before.hlc.careLevel ?? null) } }
    expect(await push(d, [d.m('household.put', foreign)])).toEqual(['applied'])
    expect((await stored(other.id)).updatedAt).not.toBe(before.updatedAt)
    const missing = { ...write({ careLevel: 2 }, randomUUID()), id: other.id, base: { careLevel: (await stored(other.id)).hlc.careLevel ?? null } }
    const last = (await stored(other.id)).updatedAt
    expect(await push(d, [d.m('household.put', missing)])).toEqual(['applied'])
    expect((await stored(other.id)).updatedAt).not.toBe(last)
  })
})
