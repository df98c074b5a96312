import { describe, expect, it } from 'vitest'
import type { PushReply } from '../../../src/shared'
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
})
