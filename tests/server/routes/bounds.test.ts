import { describe, expect, it } from 'vitest'
import type { PullReply, PushReply } from '../../../src/shared'
import { MAX_PAGE_BYTES } from '../../../sync-server/sync/pull-service'
import { BACKENDS } from '../../helpers/server/backends'
import { householdPut, TestDevice, visitArgs } from '../../helpers/server/factories'
import { useWorldApp, type World } from '../../helpers/server/world'

/** Issue 15, bounds: no stored record above 64 KB; a pull page of about 1 MB at most. */
describe.each(BACKENDS)('size bounds on $name', (backend) => {
  const t = useWorldApp(backend)
  const push = async (who: keyof World['users'], body: unknown) =>
    (await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth[who], payload: body as object })).json<PushReply>()

  it('refuses a record whose JSON is over 64 KB and stores nothing of it', async () => {
    const d = new TestDevice()
    const hh = householdPut(t.world.grids.a1.id)
    // Within every field's bound, but control characters escape to six bytes each.
    const big = visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id, { seen: '\u0001'.repeat(4000), asked: '\u0001'.repeat(4000), done: '\u0001'.repeat(4000) })
    const res = await push('wa1', d.push([d.m('household.put', hh), d.m('visit.create', big)]))
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected'])
    expect(res.results[1]).toMatchObject({ code: 'payload-too-large' })
    expect(res.results[1]?.message).toContain('64 KB')
    expect(await t.store.getRecord('visit', big.id)).toBeNull()
  })

  it('cuts pull pages at about 1 MB of UTF-8, counting Chinese text as three bytes a character', async () => {
    const d = new TestDevice()
    const hh = householdPut(t.world.grids.a1.id)
    const long = '格'.repeat(4000)
    const visits = Array.from({ length: 120 }, () => visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id, { seen: long, asked: long }))
    await push('wa1', d.push([d.m('household.put', hh), ...visits.map((v) => d.m('visit.create', v))]))
    let cursors: PullReply['cursors'] = {}
    let pages = 0
    let seen = 0
    for (let more = true; more; pages++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/sync/pull', headers: t.auth.wa1, payload: d.pull(cursors) })
      const page = res.json<PullReply>()
      const bytes = page.changes.reduce((n, c) => n + Buffer.byteLength(JSON.stringify(c.record)), 0)
      expect(bytes).toBeLessThanOrEqual(MAX_PAGE_BYTES)
      expect(page.changes.length).toBeGreaterThan(0)
      seen += page.changes.length
      cursors = page.cursors
      more = page.hasMore
    }
    expect(seen).toBe(121)
    // 120 visits of about 24 KB: at least three pages, not one page of 3 MB.
    expect(pages).toBeGreaterThanOrEqual(3)
  })
})
