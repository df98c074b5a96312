import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteStore } from '../../../sync-server/storage/sqlite-store'
import { communityDates, communityPhrases, saveCommunitySettings } from '../../../src/features/community/community-settings-repository'
import type { CommunityDate } from '../../../src/shared'
import { closeServers } from '../../sim/sim-servers'
import { createDevice, type SimDevice } from '../../sim/sim-device'
import { createSimNetwork, prng } from '../../sim/sim-network'
import { createWorld, type SimWorld } from '../../sim/sim-world'

/**
 * The community settings' journey through the real sync client and the real server: the
 * supervisor's phone saves them offline and syncs, the worker's phone receives them with
 * her next sync and reads them offline; a worker's own attempt is refused and undone.
 */

const neighbourDay: CommunityDate = { name: '社区邻里节', when: { kind: 'yearly', month: 9, day: 20 }, groups: ['elderly-alone'], prepare: '提前通知到户' }

describe('community settings between phones', () => {
  let world: SimWorld | null = null
  afterEach(async () => {
    if (world) await closeServers(world)
    world = null
  })

  async function setup(): Promise<{ w: SimWorld; sup: SimDevice; worker: SimDevice }> {
    const store = createSqliteStore(':memory:')
    await store.migrate()
    const w = await createWorld(store)
    world = w
    const net = createSimNetwork(() => w.app, prng(7))
    return { w, sup: createDevice(w, net, 'sup', 'sup'), worker: createDevice(w, net, 'w1', 'w1') }
  }

  it("reaches the worker's phone with her next sync, and an edit reaches it again", async () => {
    const { w, sup, worker } = await setup()
    expect((await worker.client.syncOnce()).state).toBe('idle')
    expect(await communityPhrases(worker.db, 'seen')).toEqual([])
    await saveCommunitySettings(sup.db, w.communityId, { seen: ['老人精神很好', '家中整洁'], dates: [neighbourDay] })
    expect((await sup.client.syncOnce()).state).toBe('idle')
    expect(await sup.db.outbox.count()).toBe(0)
    await worker.client.syncOnce()
    expect(await communityPhrases(worker.db, 'seen')).toEqual(['老人精神很好', '家中整洁'])
    expect(await communityDates(worker.db)).toEqual([neighbourDay])
    // The supervisor reorders one list: only that list travels, and the worker gets it.
    await saveCommunitySettings(sup.db, w.communityId, { seen: ['家中整洁', '老人精神很好'] })
    await sup.client.syncOnce()
    await worker.client.syncOnce()
    expect(await communityPhrases(worker.db, 'seen')).toEqual(['家中整洁', '老人精神很好'])
    expect(await communityDates(worker.db)).toEqual([neighbourDay])
  })

  it("refuses a worker's own settings, tells her why, and puts the supervisor's back on her phone", async () => {
    const { w, sup, worker } = await setup()
    await saveCommunitySettings(sup.db, w.communityId, { asked: ['想理发'] })
    await sup.client.syncOnce()
    await worker.client.syncOnce()
    await saveCommunitySettings(worker.db, w.communityId, { asked: ['随便写写'] })
    await worker.client.syncOnce()
    const [rejection] = await worker.db.rejections.toArray()
    expect(rejection).toMatchObject({ code: 'forbidden' })
    expect(rejection?.message).toContain('主席')
    expect(await communityPhrases(worker.db, 'asked')).toEqual(['想理发'])
    expect((await w.store.getRecord('communitySettings', w.communityId))?.data).toMatchObject({ asked: ['想理发'] })
  })
})
