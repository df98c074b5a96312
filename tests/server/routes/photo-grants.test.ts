import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { PhotoRef } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { householdPut, TestDevice, visitArgs, wishArgs } from '../../helpers/server/factories'
import { useWorldApp, type World } from '../../helpers/server/world'

/**
 * Photos are granted per (photo, grid) pair: the bytes are stored once, but every grid
 * whose visit or wish names them may read them, whoever uploaded them first.
 */

const image = () => {
  const bytes = randomBytes(1024)
  const ref: PhotoRef = { sha256: createHash('sha256').update(bytes).digest('hex'), mime: 'image/jpeg', size: bytes.length }
  return { bytes, ref }
}

describe.each(BACKENDS)('photo grants on $name', (backend) => {
  const t = useWorldApp(backend)
  type Who = keyof World['users']

  const put = (who: Who, ref: PhotoRef, bytes: Buffer, gridId: string) =>
    t.app.inject({ method: 'PUT', url: `/api/photos/${ref.sha256}`, headers: { ...t.auth[who], 'content-type': ref.mime, 'x-grid-id': gridId }, payload: bytes })
  const get = (who: Who, sha: string) => t.app.inject({ method: 'GET', url: `/api/photos/${sha}`, headers: t.auth[who] })

  /** Pushes, as `who`, a household and a visit in `gridId` whose photos are `photos`. */
  async function pushVisit(who: Who, gridId: string, photos: PhotoRef[]) {
    const device = new TestDevice()
    const hh = householdPut(gridId)
    const visit = visitArgs(gridId, hh.id, t.world.users[who].id, { photos })
    const body = device.push([device.m('household.put', hh), device.m('visit.create', visit)])
    const res = await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth[who], payload: body })
    expect(res.statusCode).toBe(200)
    expect(res.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(['applied', 'applied'])
    return { hh, visit }
  }

  it('serves a photo to a second grid whose visit names bytes another grid uploaded first', async () => {
    const { bytes, ref } = image()
    expect((await put('wa1', ref, bytes, t.world.grids.a1.id)).statusCode).toBe(201)
    await pushVisit('wa2', t.world.grids.a2.id, [ref])
    const res = await get('wa2', ref.sha256)
    expect(res.statusCode).toBe(200)
    expect(Buffer.compare(res.rawPayload, bytes)).toBe(0)
    // The second grid's upload finds the bytes there and changes nothing about them.
    expect((await put('wa2', ref, bytes, t.world.grids.a2.id)).statusCode).toBe(200)
    expect(await t.store.photoGrids(ref.sha256)).toEqual([t.world.grids.a1.id, t.world.grids.a2.id].sort())
  })

  it('grants bytes already stored to the second grid that uploads them', async () => {
    const { bytes, ref } = image()
    await put('wa1', ref, bytes, t.world.grids.a1.id)
    expect((await get('wa2', ref.sha256)).statusCode).toBe(404)
    expect((await put('wa2', ref, bytes, t.world.grids.a2.id)).statusCode).toBe(200)
    expect((await get('wa2', ref.sha256)).statusCode).toBe(200)
    expect((await get('wb1', ref.sha256)).statusCode).toBe(404)
  })

  it('grants a wish proof photo to the wish grid', async () => {
    const { bytes, ref } = image()
    await put('wa1', ref, bytes, t.world.grids.a1.id)
    const gridId = t.world.grids.a2.id
    const d = new TestDevice()
    const hh = householdPut(gridId)
    const wish = wishArgs(gridId, hh.id, t.world.users.wa2.id)
    const step = { id: wish.id, gridId, closedReason: null, note: '' }
    const mutations = [
      d.m('household.put', hh),
      d.m('wish.create', wish),
      d.m('wish.transition', { ...step, expected: 'registered', to: 'claimed', claimedBy: { name: '张师傅', kind: 'volunteer', phone: '' }, fulfilment: null }),
      d.m('wish.transition', { ...step, expected: 'claimed', to: 'fulfilled', claimedBy: null, fulfilment: { date: '2026-12-01', whatWasDone: '上门理发', feedback: '', photo: ref } }),
    ]
    expect((await get('wa2', ref.sha256)).statusCode).toBe(404)
    const res = await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth.wa2, payload: d.push(mutations) })
    expect(res.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied'])
    expect((await get('wa2', ref.sha256)).statusCode).toBe(200)
  })

  it('still hides the photo from callers outside every grid that names it', async () => {
    const { bytes, ref } = image()
    await put('wa1', ref, bytes, t.world.grids.a1.id)
    await pushVisit('wa2', t.world.grids.a2.id, [ref])
    for (const who of ['wb1', 'sb'] as const) {
      const res = await get(who, ref.sha256)
      expect(res.statusCode).toBe(404)
      expect(res.rawPayload.includes(bytes.subarray(0, 16))).toBe(false)
    }
    expect((await get('sa', ref.sha256)).statusCode).toBe(200)
  })

  it('follows a reassigned grid to its new owner and away from the old one', async () => {
    const { bytes, ref } = image()
    await pushVisit('wa1', t.world.grids.a1.id, [ref])
    await put('wa1', ref, bytes, t.world.grids.a1.id)
    await t.store.assignGrid(t.world.grids.a1.id, t.world.users.wa2.id)
    expect((await get('wa2', ref.sha256)).statusCode).toBe(200)
    expect((await get('wa1', ref.sha256)).statusCode).toBe(404)
  })

  it('gives a grid nothing for naming a photo only in a visit it may not write', async () => {
    const { bytes, ref } = image()
    await put('wa1', ref, bytes, t.world.grids.a1.id)
    // wb1 names the bytes in a visit of grid a2, which is not hers: refused, nothing granted.
    const device = new TestDevice()
    const visit = visitArgs(t.world.grids.a2.id, randomUUID(), t.world.users.wb1.id, { photos: [ref] })
    await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth.wb1, payload: device.push([device.m('visit.create', visit)]) })
    expect(await t.store.photoGrids(ref.sha256)).toEqual([t.world.grids.a1.id])
    expect((await get('wa2', ref.sha256)).statusCode).toBe(404)
    expect((await get('wb1', ref.sha256)).statusCode).toBe(404)
  })

  it('takes the photo of a visit accepted before the grid moved from its former holder, and grants her nothing', async () => {
    const { bytes, ref } = image()
    // Offline in a1: the visit arrives after the move (accepted: made while a1 was hers), its photo after that.
    await pushVisit('wa1', t.world.grids.a1.id, [ref])
    await t.store.assignGrid(t.world.grids.a1.id, t.world.users.wa2.id)
    expect((await put('wa1', ref, bytes, t.world.grids.a1.id)).statusCode).toBe(201)
    const res = await get('wa2', ref.sha256)
    expect(res.statusCode).toBe(200)
    expect(Buffer.compare(res.rawPayload, bytes)).toBe(0)
    expect((await get('wa1', ref.sha256)).statusCode).toBe(404)
    // Bytes no record of the grid names, and anyone from another community: refused.
    const other = image()
    expect((await put('wa1', other.ref, other.bytes, t.world.grids.a1.id)).statusCode).toBe(403)
    expect((await put('wb1', ref, bytes, t.world.grids.a1.id)).statusCode).toBe(403)
  })
})
