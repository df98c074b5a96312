import { describe, expect, it } from 'vitest'
import { PullReply, SETTINGS_FORBIDDEN_MESSAGE, type ArgsOf, type CommunitySettingsFields, type PushReply } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { nextHlc, TestDevice } from '../../helpers/server/factories'
import { useWorldApp, type World } from '../../helpers/server/world'

type Who = keyof World['users']

/** A `communitySettings.put` of a community's lists (base: the HLCs the device had seen). */
function settingsPut(communityId: string, patch: Partial<CommunitySettingsFields>, base: Record<string, string | null> = {}): ArgsOf<'communitySettings.put'> {
  return { id: communityId, gridId: communityId, patch, base }
}

const neighbourDay = { name: '社区邻里节', when: { kind: 'yearly' as const, month: 9, day: 20 }, groups: [], prepare: '通知各楼栋' }

describe.each(BACKENDS)('community settings over sync on $name', (backend) => {
  const t = useWorldApp(backend)
  const push = (who: Who, body: unknown) => t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth[who], payload: body as object })
  const pull = (who: Who, body: object) => t.app.inject({ method: 'POST', url: '/api/sync/pull', headers: t.auth[who], payload: body })
  const pullCommunity = async (who: Who, communityCursor = 0) => {
    const res = await pull(who, { ...new TestDevice().pull(), communityCursor })
    expect(res.statusCode).toBe(200)
    return PullReply.parse(res.json())
  }
  const setBy = async (who: Who, args: ArgsOf<'communitySettings.put'>, d = new TestDevice(), hlc?: string) =>
    (await push(who, d.push([d.m('communitySettings.put', args, hlc)]))).json<PushReply>().results[0]

  it('stores what the supervisor of the community sets, under the community', async () => {
    const result = await setBy('sa', settingsPut(t.world.communityA, { seen: ['老人精神很好'], dates: [neighbourDay] }))
    expect(result).toMatchObject({ status: 'applied' })
    const stored = await t.store.getRecord('communitySettings', t.world.communityA)
    expect(stored).toMatchObject({ gridId: t.world.communityA, communityId: t.world.communityA })
    expect(stored?.data).toMatchObject({ seen: ['老人精神很好'], dates: [neighbourDay] })
  })

  it("refuses a worker's settings with a Chinese reason and stores nothing", async () => {
    const result = await setBy('wa1', settingsPut(t.world.communityA, { seen: ['随便写写'] }))
    expect(result).toMatchObject({ status: 'rejected', code: 'forbidden', message: SETTINGS_FORBIDDEN_MESSAGE })
    expect(await t.store.getRecord('communitySettings', t.world.communityA)).toBeNull()
  })

  it("refuses another community's supervisor and a district admin", async () => {
    expect(await setBy('sb', settingsPut(t.world.communityA, { seen: ['x'] }))).toMatchObject({ status: 'rejected', code: 'forbidden' })
    expect(await setBy('district', settingsPut(t.world.communityA, { seen: ['x'] }))).toMatchObject({ status: 'rejected', code: 'forbidden' })
    expect(await setBy('aa', settingsPut(t.world.communityA, { seen: ['x'] }))).toMatchObject({ status: 'applied' })
  })

  it('refuses settings written under a grid instead of the community', async () => {
    const args = { ...settingsPut(t.world.communityA, { seen: ['x'] }), gridId: t.world.grids.a1.id }
    expect(await setBy('sa', args)).toMatchObject({ status: 'rejected', code: 'bad-request' })
  })

  it('answers a push over the limits 400 and stores nothing (the phone refuses it first)', async () => {
    const d = new TestDevice()
    const tooMany = Array.from({ length: 41 }, (_, i) => `常用语${i}`)
    const res = await push('sa', d.push([d.m('communitySettings.put', settingsPut(t.world.communityA, { seen: tooMany }))]))
    expect(res.statusCode).toBe(400)
    expect(await t.store.getRecord('communitySettings', t.world.communityA)).toBeNull()
  })

  it('reaches every worker and the supervisor of the community, once per change, and no other community', async () => {
    await setBy('sa', settingsPut(t.world.communityA, { asked: ['想理发'] }))
    for (const who of ['wa1', 'wa2', 'sa'] as const) {
      const reply = await pullCommunity(who)
      expect(reply.changes.filter((c) => c.kind === 'communitySettings').map((c) => c.record)).toMatchObject([{ id: t.world.communityA, asked: ['想理发'] }])
      expect(reply.communityCursor).toBeGreaterThan(0)
      // Pulled again from its cursor: nothing new.
      const again = await pullCommunity(who, reply.communityCursor)
      expect(again.changes.filter((c) => c.kind === 'communitySettings')).toEqual([])
      expect(again.communityCursor).toBe(reply.communityCursor)
    }
    for (const who of ['wb1', 'sb', 'district'] as const) {
      const reply = await pullCommunity(who)
      expect(reply.changes.some((c) => c.kind === 'communitySettings')).toBe(false)
    }
  })

  it('sends nothing new to an app that predates the settings (no cursor in its pull)', async () => {
    await setBy('sa', settingsPut(t.world.communityA, { asked: ['想理发'] }))
    const res = await pull('wa1', new TestDevice().pull())
    expect(res.statusCode).toBe(200)
    const body = res.json<{ changes: { kind: string }[]; communityCursor?: number }>()
    expect(body.changes.some((c) => c.kind === 'communitySettings')).toBe(false)
    expect(body.communityCursor).toBeUndefined()
  })

  it('merges two supervisors per list and files the losing list as a conflict', async () => {
    const created = nextHlc('a')
    await setBy('sa', settingsPut(t.world.communityA, { seen: ['一'], done: ['办'] }), new TestDevice(), created)
    // Both edit `seen` on top of the same copy; the admin also edits `done`.
    const first = await setBy('sa', settingsPut(t.world.communityA, { seen: ['一', '二'] }, { seen: created }), new TestDevice(), nextHlc('b'))
    const second = await setBy('aa', settingsPut(t.world.communityA, { seen: ['三'], done: ['已办'] }, { seen: created, done: created }), new TestDevice(), nextHlc('c'))
    expect(first?.status).toBe('applied')
    expect(second).toMatchObject({ status: 'merged' })
    const stored = (await t.store.getRecord('communitySettings', t.world.communityA))?.data as CommunitySettingsFields
    expect(stored).toMatchObject({ seen: ['三'], done: ['已办'] })
    const conflicts = await t.store.listConflicts(t.world.communityA)
    expect(conflicts).toMatchObject([{ kind: 'communitySettings', field: 'seen', loserValue: ['一', '二'], gridId: t.world.communityA }])
  })
})
