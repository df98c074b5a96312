import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  AssignGridRequest,
  Community,
  CreateCommunityRequest,
  CreateGridRequest,
  CreateUserRequest,
  Grid,
  Id,
  PublicUser,
  UserList,
} from '../../src/shared'
import { canAdminister } from '../../src/shared/rules'
import { hashPassword } from '../auth/passwords'
import { publicUser } from '../auth/sessions'
import { DEMO_USERNAME_PREFIX } from '../startup'
import { assertGoodPassword } from './password-routes'
import type { AppContext } from '../context'
import { ApiError, badRequest, forbidden, notFound } from '../errors'
import { requireUser, userOf } from '../plugins/auth'
import type { UserRow } from '../storage/store'

/**
 * Administration of a community: accounts, grids, grid assignment. An admin with a
 * community manages only that community; one without manages all. Supervisors may
 * (re)assign the grids of their own community. Every operation is audited.
 */
const IdParams = z.object({ id: Id })

export function adminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { store } = ctx
  const mayAssign = (user: UserRow, communityId: string) =>
    canAdminister(user, communityId) || (user.role === 'supervisor' && user.communityId === communityId)
  // Filed under the community acted on, so its supervisor reads what a district admin did there.
  const audit = (user: UserRow, action: string, detail: Record<string, unknown>, communityId?: string | null) =>
    store.audit({ userId: user.id, action, detail, communityId })

  return async (app) => {
    app.post(
      '/api/admin/communities',
      { preHandler: requireUser(ctx, ['admin']), schema: { body: CreateCommunityRequest, response: { 201: Community } } },
      async (request, reply) => {
        const user = userOf(request)
        if (user.communityId !== null) throw forbidden('only a district admin creates communities')
        const community = { id: randomUUID(), ...request.body }
        await store.insertCommunity(community)
        await audit(user, 'community-create', { communityId: community.id })
        return reply.status(201).send(community)
      },
    )

    app.post(
      '/api/admin/users',
      { preHandler: requireUser(ctx, ['admin']), schema: { body: CreateUserRequest, response: { 201: PublicUser } } },
      async (request, reply) => {
        const user = userOf(request)
        const body = request.body
        if (body.communityId === null ? user.communityId !== null : !canAdminister(user, body.communityId)) {
          throw forbidden('you administer another community')
        }
        if (body.role !== 'admin' && body.communityId === null) throw badRequest('workers and supervisors belong to a community')
        if (body.communityId && !(await store.getCommunity(body.communityId))) throw notFound('no such community')
        if (await store.findUserByUsername(body.username)) throw new ApiError(409, 'conflict', 'this username is taken')
        assertGoodPassword(body.password, body.username)
        // A production server refuses to start on a database holding demo-* accounts.
        if (!ctx.demo && body.username.startsWith(DEMO_USERNAME_PREFIX)) throw badRequest('“demo-”开头的用户名留给演示账号')
        const row: UserRow = {
          id: randomUUID(), username: body.username, displayName: body.displayName, role: body.role,
          communityId: body.communityId, phone: body.phone, passwordHash: await hashPassword(body.password),
          // Set by an admin, so known to two people: she changes it at her first login.
          disabled: false, createdAt: ctx.now(), mustChangePassword: true,
        }
        await store.insertUser(row)
        await audit(user, 'user-create', { targetId: row.id, role: row.role }, row.communityId)
        return reply.status(201).send(await publicUser(store, row))
      },
    )

    app.get('/api/admin/users', { preHandler: requireUser(ctx, ['admin', 'supervisor']), schema: { response: { 200: UserList } } }, async (request) => {
      const user = userOf(request)
      if (user.role === 'supervisor' && !user.communityId) return []
      const rows = await store.listUsers(user.communityId)
      return Promise.all(rows.map((r) => publicUser(store, r)))
    })

    app.post(
      '/api/admin/users/:id/disable',
      { preHandler: requireUser(ctx, ['admin']), schema: { params: IdParams, response: { 200: PublicUser } } },
      async (request) => {
        const user = userOf(request)
        const target = await store.getUser(request.params.id)
        const inReach = target && (target.communityId === null ? user.communityId === null : canAdminister(user, target.communityId))
        if (!target || !inReach) throw notFound('no such user')
        if (target.id === user.id) throw badRequest('you cannot disable your own account')
        // Her sessions stay, refused with `account-disabled` (not the 401 of an expired
        // one): her phone uploads what she made before now, then deletes its data.
        await store.setUserDisabled(target.id, true, ctx.now())
        await audit(user, 'user-disable', { targetId: target.id }, target.communityId)
        return publicUser(store, { ...target, disabled: true })
      },
    )

    app.post(
      '/api/admin/grids',
      { preHandler: requireUser(ctx, ['admin']), schema: { body: CreateGridRequest, response: { 201: Grid } } },
      async (request, reply) => {
        const user = userOf(request)
        const body = request.body
        if (!canAdminister(user, body.communityId)) throw forbidden('you administer another community')
        if (!(await store.getCommunity(body.communityId))) throw notFound('no such community')
        if (body.workerId) await checkWorker(body.workerId, body.communityId)
        const grid = { id: randomUUID(), ...body }
        await store.insertGrid(grid)
        await audit(user, 'grid-create', { gridId: grid.id }, grid.communityId)
        return reply.status(201).send(grid)
      },
    )

    app.get('/api/admin/grids', { preHandler: requireUser(ctx, ['admin', 'supervisor']), schema: { response: { 200: z.array(Grid) } } }, async (request) => {
      const user = userOf(request)
      if (user.role === 'supervisor' && !user.communityId) return []
      return store.listGrids({ communityId: user.communityId })
    })

    app.post(
      '/api/admin/grids/:id/assign',
      { preHandler: requireUser(ctx, ['admin', 'supervisor']), schema: { params: IdParams, body: AssignGridRequest, response: { 200: Grid } } },
      async (request) => {
        const user = userOf(request)
        const grid = await store.getGrid(request.params.id)
        if (!grid || !mayAssign(user, grid.communityId)) throw notFound('no such grid')
        const { workerId } = request.body
        if (workerId) await checkWorker(workerId, grid.communityId)
        await store.assignGrid(grid.id, workerId)
        await audit(user, 'grid-assign', { gridId: grid.id, from: grid.workerId, to: workerId }, grid.communityId)
        return { ...grid, workerId }
      },
    )
  }

  async function checkWorker(workerId: string, communityId: string) {
    const worker = await store.getUser(workerId)
    if (!worker || worker.communityId !== communityId) throw notFound('no such worker in this community')
    if (worker.role !== 'worker' || worker.disabled) throw badRequest('grids are assigned to active workers')
  }
}
