import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { PhotoRef, PushReply } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { householdPut, mutation, TestDevice, visitArgs } from '../../helpers/server/factories'
import { useWorldApp } from '../../helpers/server/world'

describe.each(BACKENDS)('a disabled account on $name', (backend) => {
  const t = useWorldApp(backend)
  const disable = (id: string) => t.app.inject({ method: 'POST', url: `/api/admin/users/${id}/disable`, headers: t.auth.aa })
  const at = (ms: number) => new Date(ms).toISOString()

  it('gets 403 account-disabled on pull and every other route, not the 401 of an expired session', async () => {
    expect((await disable(t.world.users.wa1.id)).statusCode).toBe(200)
    const d = new TestDevice()
    const calls = [
      t.app.inject({ method: 'POST', url: '/api/sync/pull', headers: t.auth.wa1, payload: d.pull() }),
      t.app.inject({ method: 'GET', url: '/api/auth/me', headers: t.auth.wa1 }),
      t.app.inject({ method: 'GET', url: '/api/photos/' + 'a'.repeat(64), headers: t.auth.wa1 }),
    ]
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(403)
      expect(res.json()).toMatchObject({ code: 'account-disabled' })
    }
  })

  it('still uploads what was made before the disable, and refuses everything made after', async () => {
    const g = t.world.grids.a1.id
    const hh = householdPut(g)
    const d = new TestDevice()
    const before = d.m('household.put', hh)
    const visit = d.m('visit.create', visitArgs(g, hh.id, t.world.users.wa1.id))
    expect((await disable(t.world.users.wa1.id)).statusCode).toBe(200)
    const late = { ...mutation('visit.create', visitArgs(g, hh.id, t.world.users.wa1.id), 3), createdAt: at(Date.now() + 60_000) }
    const res = await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth.wa1, payload: d.push([before, visit, late]) })
    expect(res.statusCode).toBe(200)
    const body = res.json<PushReply>()
    expect(body.results.map((r) => [r.status, r.code ?? null])).toEqual([['applied', null], ['applied', null], ['rejected', 'account-disabled']])
    expect(await t.store.getRecord('household', hh.id)).not.toBeNull()
    expect(await t.store.getRecord('visit', (late.args as { id: string }).id)).toBeNull()
  })

  it('may end its session (the device logs out after wiping) and login stays refused', async () => {
    await disable(t.world.users.wa1.id)
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: t.auth.wa1 })
    expect(out.statusCode).toBe(200)
    const after = await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth.wa1, payload: new TestDevice().push([]) })
    expect(after.statusCode).toBe(401)
  })

  it('leaves other accounts of the community working', async () => {
    await disable(t.world.users.wa1.id)
    const res = await t.app.inject({ method: 'POST', url: '/api/sync/pull', headers: t.auth.wa2, payload: new TestDevice().pull() })
    expect(res.statusCode).toBe(200)
  })

  it('still takes the photo of a visit made before the disable, and no other', async () => {
    const g = t.world.grids.a1.id
    const photo = () => {
      const bytes = randomBytes(512)
      return { bytes, ref: { sha256: createHash('sha256').update(bytes).digest('hex'), mime: 'image/jpeg', size: bytes.length } as PhotoRef }
    }
    const kept = photo()
    const other = photo()
    const hh = householdPut(g)
    const d = new TestDevice()
    const mutations = [d.m('household.put', hh), d.m('visit.create', visitArgs(g, hh.id, t.world.users.wa1.id, { photos: [kept.ref] }))]
    await disable(t.world.users.wa1.id)
    await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth.wa1, payload: d.push(mutations) })
    const put = (p: { bytes: Buffer; ref: PhotoRef }) =>
      t.app.inject({ method: 'PUT', url: `/api/photos/${p.ref.sha256}`, headers: { ...t.auth.wa1, 'content-type': 'image/jpeg', 'x-grid-id': g }, payload: p.bytes })
    expect((await put(kept)).statusCode).toBe(201)
    const refused = await put(other)
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ code: 'account-disabled' })
    // The supervisor sees it; the disabled account still reads nothing.
    expect((await t.app.inject({ method: 'GET', url: `/api/photos/${kept.ref.sha256}`, headers: t.auth.sa })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: `/api/photos/${kept.ref.sha256}`, headers: t.auth.wa1 })).statusCode).toBe(403)
  })
})
