import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Community, Grid, Id } from '../../src/shared'
import { CommunityOverview, ConsoleUser, DeviceWatermark, UpdateGridRequest, UpdateUserRequest } from '../../src/shared/console-api'
import { canAdminister } from '../../src/shared/rules'
import type { AppContext } from '../context'
import { badRequest, notFound } from '../errors'
import { requireUser, userOf } from '../plugins/auth'
import type { UserRow } from '../storage/store'

/**
 * The administrator's console, beside admin-routes.ts (and password-routes.ts, whose
 * reset the console calls): communities to pick from, grid editing (estates and
 * buildings), account editing and re-enabling, each device's upload watermark, the
 * district overview. Answers carry no resident data. Every change is audited.
 */
const IdParams = z.object({ id: Id })

export function consoleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { store } = ctx
  const admin = { preHandler: requireUser(ctx, ['admin']) }
  const audit = (user: UserRow, action: string, detail: Record<string, unknown>, communityId: string | null) =>
    store.audit({ userId: user.id, action, detail, communityId })
  const inReach = (user: UserRow, target: UserRow | null): target is UserRow =>
    target !== null && (target.communityId === null ? user.communityId === null : canAdminister(user, target.communityId))
  async function targetOf(user: UserRow, id: string): Promise<UserRow> {
    const target = await store.getUser(id)
    if (!inReach(user, target)) throw notFound('没有这个账号')
    return target
  }
  async function consoleUser(row: UserRow): Promise<ConsoleUser> {
    const gridIds = row.role === 'worker' ? (await store.listGrids({ workerId: row.id })).map((g) => g.id) : []
    const { id, username, displayName, role, communityId, phone, disabled } = row
    return { id, username, displayName, role, communityId, phone, disabled, gridIds }
  }

  return async (app) => {
    app.get('/api/admin/communities', { ...admin, schema: { response: { 200: z.array(Community) } } }, async (request) => {
      const user = userOf(request)
      return (await store.listCommunities()).filter((c) => canAdminister(user, c.id))
    })

    app.patch('/api/admin/grids/:id', { ...admin, schema: { params: IdParams, body: UpdateGridRequest, response: { 200: Grid } } }, async (request) => {
      const user = userOf(request)
      const grid = await store.getGrid(request.params.id)
      if (!grid || !canAdminister(user, grid.communityId)) throw notFound('没有这个网格')
      const { estates, buildings } = request.body
      const stray = Object.keys(buildings).find((e) => !estates.includes(e))
      if (stray) throw badRequest(`楼栋所属的小区“${stray}”不在这个网格的小区里`)
      const updated: Grid = { ...grid, ...request.body }
      await store.updateGrid(updated)
      await audit(user, 'grid-update', { gridId: grid.id }, grid.communityId)
      return updated
    })

    app.get('/api/admin/console/users', { ...admin, schema: { response: { 200: z.array(ConsoleUser) } } }, async (request) => {
      const rows = await store.listUsers(userOf(request).communityId)
      return Promise.all(rows.map(consoleUser))
    })

    app.patch('/api/admin/users/:id', { ...admin, schema: { params: IdParams, body: UpdateUserRequest, response: { 200: ConsoleUser } } }, async (request) => {
      const user = userOf(request)
      const target = await targetOf(user, request.params.id)
      const { role = target.role } = request.body
      if (target.id === user.id && role !== target.role) throw badRequest('不能更改自己的角色')
      if (target.role === 'worker' && role !== 'worker' && (await store.listGrids({ workerId: target.id })).length > 0) {
        throw badRequest('她还负责网格：请先把网格分给别人，再更改角色')
      }
      const updated: UserRow = { ...target, ...request.body, role }
      await store.updateUser(updated)
      await audit(user, 'user-update', { targetId: target.id, role: role !== target.role ? role : undefined }, target.communityId)
      return consoleUser(updated)
    })

    app.post('/api/admin/users/:id/enable', { ...admin, schema: { params: IdParams, response: { 200: ConsoleUser } } }, async (request) => {
      const user = userOf(request)
      const target = await targetOf(user, request.params.id)
      await store.setUserDisabled(target.id, false)
      await audit(user, 'user-enable', { targetId: target.id }, target.communityId)
      return consoleUser({ ...target, disabled: false })
    })

    app.get('/api/admin/overview', { ...admin, schema: { response: { 200: z.array(CommunityOverview) } } }, async (request) => {
      const communities = (await store.listCommunities()).filter((c) => canAdminister(userOf(request), c.id))
      const counts = await store.communityOverview(communities.map((c) => c.id), new Date(ctx.now()).toISOString())
      return counts.map((c, i) => ({ ...c, name: communities[i]?.name ?? '', street: communities[i]?.street ?? '' }))
    })

    app.get('/api/admin/users/:id/devices', { ...admin, schema: { params: IdParams, response: { 200: z.array(DeviceWatermark) } } }, async (request) => {
      const target = await targetOf(userOf(request), request.params.id)
      const iso = (ms: number) => new Date(ms).toISOString()
      return (await store.listDevices(target.id)).map((d) => ({
        clientId: d.clientId, lastContactAt: iso(d.lastContactAt), lastPushAt: d.lastPushAt === null ? null : iso(d.lastPushAt), pending: d.pending,
      }))
    })
  }
}
