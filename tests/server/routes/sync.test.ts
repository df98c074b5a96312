import { describe, expect, it } from 'vitest'
import { MAX_PUSH_MUTATIONS, PullReply, type PushReply } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { householdFields, householdPut, nextHlc, TestDevice, visitArgs, wishArgs } from '../../helpers/server/factories'
import { useWorldApp, type World } from '../../helpers/server/world'

describe.each(BACKENDS)('sync routes on $name', (backend) => {
  const t = useWorldApp(backend)

  const push = async (who: keyof World['users'], body: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth[who], payload: body as object })
  const pull = async (who: keyof World['users'], body: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/sync/pull', headers: t.auth[who], payload: body as object })

  describe('POST /api/sync/push', () => {
    it('applies a batch and reports lastSeq', async () => {
      const d = new TestDevice()
      const hh = householdPut(t.world.grids.a1.id)
      const res = await push('wa1', d.push([d.m('household.put', hh), d.m('visit.create', visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id))]))
      expect(res.statusCode).toBe(200)
      const body = res.json<PushReply>()
      expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied'])
      expect(body.lastSeq).toBe(2)
      expect(await t.store.getRecord('household', hh.id)).toMatchObject({ gridId: t.world.grids.a1.id })
    })

    it('answers a replayed batch with duplicates and writes nothing more', async () => {
      const d = new TestDevice()
      const body = d.push([d.m('household.put', householdPut(t.world.grids.a1.id))])
      await push('wa1', body)
      const before = await t.store.countRecords()
      const again = (await push('wa1', body)).json<PushReply>()
      expect(again.results[0]?.status).toBe('duplicate')
      expect(await t.store.countRecords()).toBe(before)
    })

    it('answers a retried rejected mutation with its original rejection, not a bare duplicate', async () => {
      const d = new TestDevice()
      const body = d.push([d.m('household.put', householdPut(t.world.grids.b1.id))])
      const first = (await push('wa1', body)).json<PushReply>()
      expect(first.results[0]).toMatchObject({ status: 'rejected', code: 'out-of-scope' })
      // The first reply was lost: the device sends the same mutation again.
      const again = (await push('wa1', body)).json<PushReply>()
      expect(again.results[0]).toMatchObject({ status: 'rejected', code: 'out-of-scope', message: first.results[0]?.message })
      expect(again.lastSeq).toBe(1)
    })

    it('skips everything after a gap in seq', async () => {
      const d = new TestDevice()
      const m1 = d.m('household.put', householdPut(t.world.grids.a1.id))
      const m2 = d.m('household.put', householdPut(t.world.grids.a1.id))
      const m3 = d.m('household.put', householdPut(t.world.grids.a1.id))
      const res = (await push('wa1', d.push([m1, m3]))).json<PushReply>()
      expect(res.results.map((r) => r.status)).toEqual(['applied', 'skipped'])
      expect(res.lastSeq).toBe(1)
      const res2 = (await push('wa1', d.push([m2, m3]))).json<PushReply>()
      expect(res2.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    })

    it('rejects a mutation for a grid outside the worker scope, marks it processed, writes nothing', async () => {
      const d = new TestDevice()
      const hh = householdPut(t.world.grids.b1.id)
      const res = (await push('wa1', d.push([d.m('household.put', hh)]))).json<PushReply>()
      expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'out-of-scope' })
      expect(res.lastSeq).toBe(1)
      expect(await t.store.getRecord('household', hh.id)).toBeNull()
    })

    it('merges concurrent edits per field and files the loser as a conflict', async () => {
      const hh = householdPut(t.world.grids.a1.id)
      const d1 = new TestDevice()
      const created = nextHlc()
      await push('wa1', d1.push([d1.m('household.put', hh, created)]))
      const base = Object.fromEntries(Object.keys(hh.patch).map((k) => [k, created]))
      const d2 = new TestDevice()
      const older = nextHlc('a')
      const newer = nextHlc('b')
      // Notes, not the phone: a supervisor may not write the phone (field-catalogue.ts).
      await push('sa', d2.push([d2.m('household.put', { ...hh, patch: { notes: '111' }, base }, newer)]))
      const res = (await push('wa1', d1.push([d1.m('household.put', { ...hh, patch: { notes: '222', careLevel: 3 }, base }, older)]))).json<PushReply>()
      expect(res.results[0]).toMatchObject({ status: 'merged' })
      expect(res.results[0]?.conflictIds).toHaveLength(1)
      const stored = (await t.store.getRecord('household', hh.id))?.data as { notes: string; careLevel: number }
      expect(stored).toMatchObject({ notes: '111', careLevel: 3 })
      const inbox = await t.app.inject({ method: 'GET', url: '/api/conflicts', headers: t.auth.sa })
      expect(inbox.json()).toEqual([expect.objectContaining({ field: 'notes', winnerValue: '111', loserValue: '222', loserUserId: t.world.users.wa1.id })])
    })

    it('answers 426 to an old schema version and writes nothing', async () => {
      const d = new TestDevice()
      const body = { ...d.push([d.m('household.put', householdPut(t.world.grids.a1.id))]), schemaVersion: 0 }
      const res = await push('wa1', body)
      expect(res.statusCode).toBe(426)
      expect(res.json()).toMatchObject({ code: 'upgrade-required' })
      expect(await t.store.countRecords()).toBe(0)
    })

    it('refuses a second claim of a wish with stale-state naming the claimant', async () => {
      const d = new TestDevice()
      const hh = householdPut(t.world.grids.a1.id)
      const wish = wishArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id)
      await push('wa1', d.push([d.m('household.put', hh), d.m('wish.create', wish)]))
      const claim = (name: string) => ({
        id: wish.id, gridId: wish.gridId, expected: 'registered' as const, to: 'claimed' as const,
        claimedBy: { name, kind: 'volunteer' as const, phone: '' }, fulfilment: null, closedReason: null, note: '',
      })
      const first = (await push('wa1', d.push([d.m('wish.transition', claim('张师傅'))]))).json<PushReply>()
      expect(first.results[0]?.status).toBe('applied')
      const other = new TestDevice()
      const second = (await push('sa', other.push([other.m('wish.transition', claim('李阿姨'))]))).json<PushReply>()
      expect(second.results[0]).toMatchObject({ status: 'rejected', code: 'stale-state' })
      expect(second.results[0]?.message).toContain('张师傅')
    })

    it('returns a visit to the worker and marks the review resubmitted by her correction', async () => {
      const d = new TestDevice()
      const hh = householdPut(t.world.grids.a1.id)
      const visit = visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id)
      await push('wa1', d.push([d.m('household.put', hh), d.m('visit.create', visit)]))
      const s = new TestDevice()
      const review = { recordKind: 'visit' as const, recordId: visit.id, gridId: visit.gridId, decision: 'returned' as const, comment: '请补充' }
      expect((await push('sa', s.push([s.m('review.set', review)]))).json<PushReply>().results[0]?.status).toBe('applied')
      const pulled = (await pull('wa1', d.pull())).json<PullReply>()
      expect(pulled.changes.find((c) => c.kind === 'review')?.record).toMatchObject({ state: 'returned', comment: '请补充' })
      const fix = visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id, { correctsId: visit.id })
      await push('wa1', d.push([d.m('visit.create', fix)]))
      expect((await t.store.getRecord('review', visit.id))?.data).toMatchObject({ state: 'resubmitted', resubmittedBy: fix.id })
      const mine = (await push('wa1', d.push([d.m('review.set', { ...review, decision: 'approved', comment: '' })]))).json<PushReply>()
      expect(mine.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' })
    })

    it('lets a delete win over a later edit and only a supervisor restore', async () => {
      const d = new TestDevice()
      const hh = householdPut(t.world.grids.a1.id)
      await push('wa1', d.push([d.m('household.put', hh), d.m('household.delete', { id: hh.id, gridId: hh.gridId })]))
      const edit = (await push('wa1', d.push([d.m('household.put', { ...hh, patch: { phone: '1' } })]))).json<PushReply>()
      expect(edit.results[0]).toMatchObject({ status: 'rejected', code: 'conflict' })
      const restore = { kind: 'household' as const, id: hh.id, gridId: hh.gridId }
      expect((await push('wa1', d.push([d.m('record.restore', restore)]))).json<PushReply>().results[0]?.code).toBe('forbidden')
      const s = new TestDevice()
      expect((await push('sa', s.push([s.m('record.restore', restore)]))).json<PushReply>().results[0]?.status).toBe('applied')
      expect((await t.store.getRecord('household', hh.id))?.data).toMatchObject({ deleted: false })
    })

    it('refuses a visit under an existing id with a different body', async () => {
      const d = new TestDevice()
      const hh = householdPut(t.world.grids.a1.id)
      const visit = visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id)
      await push('wa1', d.push([d.m('household.put', hh), d.m('visit.create', visit)]))
      const res = (await push('wa1', d.push([d.m('visit.create', visit), d.m('visit.create', { ...visit, seen: 'rewritten' })]))).json<PushReply>()
      expect(res.results.map((r) => r.status)).toEqual(['duplicate', 'rejected'])
      expect((await t.store.getRecord('visit', visit.id))?.data).toMatchObject({ seen: visit.seen })
    })

    it('rejects a mutation stamped far in the future with clock-drift', async () => {
      const d = new TestDevice()
      const future = `${String(Date.now() + 3 * 24 * 3600 * 1000).padStart(15, '0')}-00000-test`
      const res = (await push('wa1', d.push([d.m('household.put', householdPut(t.world.grids.a1.id), future)]))).json<PushReply>()
      expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'clock-drift' })
    })

    it('applies a full batch of MAX_PUSH_MUTATIONS and refuses one more mutation with bad-request, writing nothing', async () => {
      const d = new TestDevice()
      const hh = householdPut(t.world.grids.a1.id)
      const visit = () => d.m('visit.create', visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id))
      const full = (await push('wa1', d.push([d.m('household.put', hh), ...Array.from({ length: MAX_PUSH_MUTATIONS - 1 }, visit)]))).json<PushReply>()
      expect(full.results.filter((r) => r.status === 'applied')).toHaveLength(MAX_PUSH_MUTATIONS)
      expect(full.lastSeq).toBe(MAX_PUSH_MUTATIONS)
      const before = await t.store.countRecords()
      const res = await push('wa1', d.push(Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, visit)))
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ code: 'bad-request' })
      expect(await t.store.countRecords()).toBe(before)
    }, 60_000)

    it('requires a session', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/sync/push', payload: new TestDevice().push([]) })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ code: 'unauthorized' })
    })
  })

  describe('POST /api/sync/pull', () => {
    it('returns the changes of the worker grids only, with cursors', async () => {
      const d = new TestDevice()
      const mine = householdPut(t.world.grids.a1.id)
      const theirs = householdPut(t.world.grids.a2.id)
      await push('wa1', d.push([d.m('household.put', mine)]))
      const d2 = new TestDevice()
      await push('wa2', d2.push([d2.m('household.put', theirs)]))
      const res = (await pull('wa1', d.pull())).json<PullReply>()
      expect(res.changes.map((c) => c.record.id)).toEqual([mine.id])
      expect(res.grids.map((g) => g.id)).toEqual([t.world.grids.a1.id])
      expect(res.cursors[t.world.grids.a1.id]).toBe(res.changes[0]?.seq)
      const sup = (await pull('sa', new TestDevice().pull())).json<PullReply>()
      expect(sup.changes.map((c) => c.record.id).sort()).toEqual([mine.id, theirs.id].sort())
      const again = (await pull('wa1', d.pull(res.cursors))).json<PullReply>()
      expect(again.changes).toEqual([])
    })

    it('sends every record exactly as its schema reads it, whatever mutation wrote it', async () => {
      const d = new TestDevice()
      const hh = householdPut(t.world.grids.a1.id, undefined, householdFields())
      const visit = visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id)
      const wish = wishArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id)
      const claim = {
        id: wish.id, gridId: wish.gridId, expected: 'registered' as const, to: 'claimed' as const,
        claimedBy: { name: '张师傅', kind: 'volunteer' as const, phone: '' }, fulfilment: null, closedReason: null, note: '',
      }
      const edit = householdPut(t.world.grids.a1.id, hh.id, { phone: '13911112222' }, { phone: nextHlc() })
      const mutations = [d.m('household.put', hh), d.m('visit.create', visit), d.m('wish.create', wish), d.m('wish.transition', claim), d.m('household.put', edit)]
      // The edit's base is older than the household's fields: merged per field.
      expect((await push('wa1', d.push(mutations))).json<PushReply>().results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'merged'])
      const s = new TestDevice()
      await push('sa', s.push([s.m('review.set', { recordKind: 'visit', recordId: visit.id, gridId: visit.gridId, decision: 'returned', comment: '请补充' })]))
      const res = await pull('wa1', d.pull())
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
      const body = res.json<PullReply>()
      expect(body.changes.map((c) => c.kind).sort()).toEqual(['household', 'review', 'visit', 'wish'])
      // Nothing the schema would drop or change: the spliced text is the checked reply.
      expect(PullReply.parse(body)).toStrictEqual(body)
    })

    it('pages with hasMore and loses a reassigned grid', async () => {
      const d = new TestDevice()
      const ms = Array.from({ length: 5 }, () => d.m('household.put', householdPut(t.world.grids.a1.id, undefined, householdFields())))
      await push('wa1', d.push(ms))
      const p1 = (await pull('wa1', d.pull({}, 3))).json<PullReply>()
      expect(p1.changes).toHaveLength(3)
      expect(p1.hasMore).toBe(true)
      const p2 = (await pull('wa1', d.pull(p1.cursors, 3))).json<PullReply>()
      expect(p2.changes).toHaveLength(2)
      expect(p2.hasMore).toBe(false)
      const assign = await t.app.inject({
        method: 'POST', url: `/api/admin/grids/${t.world.grids.a1.id}/assign`, headers: t.auth.aa, payload: { workerId: t.world.users.wa2.id },
      })
      expect(assign.statusCode).toBe(200)
      const lost = (await pull('wa1', d.pull(p2.cursors))).json<PullReply>()
      expect(lost.gridsLost).toEqual([t.world.grids.a1.id])
      expect(lost.changes).toEqual([])
      const gained = (await pull('wa2', new TestDevice().pull({ [t.world.grids.a2.id]: 0 }))).json<PullReply>()
      expect(gained.changes.filter((c) => c.record.gridId === t.world.grids.a1.id)).toHaveLength(5)
    })
  })
})
