import { describe, expect, it } from 'vitest'
import { AuditListReply } from '../../../src/shared'
import { pruneAudit, auditCutoff } from '../../../sync-server/audit/audit-retention'
import { BACKENDS } from '../../helpers/server/backends'
import { useWorldApp, type World } from '../../helpers/server/world'

const DAY = 24 * 3600 * 1000

describe.each(BACKENDS)('GET /api/audit on $name', (backend) => {
  const t = useWorldApp(backend)
  const list = async (who: keyof World['users'], query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: t.auth[who] })
    return { status: res.statusCode, body: res.statusCode === 200 ? AuditListReply.parse(res.json()) : null }
  }
  const disable = (who: keyof World['users'], id: string) =>
    t.app.inject({ method: 'POST', url: `/api/admin/users/${id}/disable`, headers: t.auth[who] })

  it('shows a supervisor who disabled, reassigned and viewed what in her community, newest first, with names', async () => {
    await disable('aa', t.world.users.wa2.id)
    await t.app.inject({ method: 'POST', url: `/api/admin/grids/${t.world.grids.a2.id}/assign`, headers: t.auth.sa, payload: { workerId: t.world.users.wa1.id } })
    await t.store.audit({ userId: t.world.users.sa.id, action: 'record-view', detail: { recordId: 'h1' }, communityId: t.world.communityA })
    const { status, body } = await list('sa')
    expect(status).toBe(200)
    expect(body?.entries.map((e) => e.action)).toEqual(['record-view', 'grid-assign', 'user-disable'])
    expect(body?.entries[2]).toMatchObject({ userName: 'ADM-A', username: 'adm-a', detail: { targetId: t.world.users.wa2.id } })
  })

  it("never shows a supervisor another community's entries", async () => {
    await disable('district', t.world.users.wb1.id)
    await t.store.audit({ userId: t.world.users.sb.id, action: 'record-export', detail: {}, communityId: t.world.communityB })
    expect((await list('sa')).body?.entries).toEqual([])
    expect((await list('sb')).body?.entries.map((e) => e.action)).toEqual(['record-export', 'user-disable'])
    expect((await list('district')).body?.entries.map((e) => e.action)).toEqual(['record-export', 'user-disable'])
  })

  it('filters by action prefix, user and time, and pages', async () => {
    const base = Date.parse('2026-06-01T00:00:00Z')
    for (let i = 0; i < 5; i++) {
      await t.store.audit({ userId: t.world.users.sa.id, action: i % 2 ? 'record-view' : 'record-export', detail: { i }, communityId: t.world.communityA, at: base + i * DAY })
    }
    await t.store.audit({ userId: t.world.users.aa.id, action: 'user-disable', detail: {}, communityId: t.world.communityA, at: base })
    expect((await list('sa', '?action=record-')).body?.entries).toHaveLength(5)
    expect((await list('sa', '?action=record-view')).body?.entries).toHaveLength(2)
    expect((await list('sa', `?userId=${t.world.users.aa.id}`)).body?.entries.map((e) => e.action)).toEqual(['user-disable'])
    const window = `?since=${new Date(base + DAY).toISOString()}&until=${new Date(base + 3 * DAY).toISOString()}`
    expect((await list('sa', window)).body?.entries.map((e) => e.detail.i)).toEqual([2, 1])
    const first = (await list('sa', '?limit=4')).body
    expect(first?.hasMore).toBe(true)
    const next = (await list('sa', `?limit=4&beforeId=${first?.entries.at(-1)?.id}`)).body
    expect(next?.hasMore).toBe(false)
    expect([...(first?.entries ?? []), ...(next?.entries ?? [])].map((e) => e.id)).toHaveLength(6)
  })

  it('is refused to workers and to anonymous callers', async () => {
    expect((await list('wa1')).status).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401)
  })

  it('answers 400 to a malformed filter', async () => {
    expect((await list('sa', '?since=yesterday')).status).toBe(400)
    expect((await list('sa', "?action=x'%20OR%201=1")).status).toBe(400)
  })
})

describe.each(BACKENDS)('audit retention on $name', (backend) => {
  const t = useWorldApp(backend)

  it('deletes entries older than the retention and never one younger than six months', async () => {
    const now = Date.parse('2027-06-30T12:00:00Z')
    const ages = [0, 30, 183, 184 - 1 / 24, 185, 400]
    for (const days of ages) await t.store.audit({ userId: null, action: 'login-failed', detail: { days }, at: now - days * DAY })
    expect(await pruneAudit(t.store, now, 184)).toBe(2)
    const left = (await t.store.queryAudit({ limit: 100 })).map((e) => e.detail.days)
    expect(left.sort((a, b) => Number(a) - Number(b))).toEqual([0, 30, 183, 184 - 1 / 24])
  })

  it('keeps a year by default', async () => {
    const now = Date.now()
    await t.store.audit({ userId: null, action: 'login', detail: {}, at: now - 300 * DAY })
    expect(await pruneAudit(t.store, now)).toBe(0)
  })

  it('refuses a retention shorter than six months', () => {
    expect(() => auditCutoff(Date.now(), 90)).toThrow(/at least 184 days/)
  })
})
