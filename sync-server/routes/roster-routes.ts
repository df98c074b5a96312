import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { canAdminister } from '../../src/shared/rules'
import { MAX_ROSTER_BYTES, RosterImportRequest, RosterReport } from '../../src/shared/roster-api'
import type { AppContext } from '../context'
import { badRequest, notFound } from '../errors'
import { readRoster, RosterReadError } from '../import/roster-read'
import { runRoster } from '../import/roster-service'
import { requireUser, userOf } from '../plugins/auth'
import type { UserRow } from '../storage/store'
import { PUSH_BODY_LIMIT } from './sync-routes'

/**
 * Roster import for an administrator of the community: a dry run (nothing written) and
 * the import itself (one transaction). Both take the whole file, so the import checks
 * again exactly what it writes. The reply is the report either way; an import refused
 * because of rows with errors is a report with `imported: false`, not an HTTP error.
 */
export function rosterRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { store } = ctx
  async function run(user: UserRow, body: RosterImportRequest, dryRun: boolean): Promise<RosterReport> {
    const { communityId, fileName, content, mapping, mode } = body
    if (!canAdminister(user, communityId) || !(await store.getCommunity(communityId))) throw notFound('没有这个社区，或您无权管理它')
    const bytes = Buffer.from(content, 'base64')
    if (bytes.length > MAX_ROSTER_BYTES) throw badRequest('文件太大：请分成几个文件导入')
    const cells = await readRoster(fileName, bytes).catch((err: unknown) => {
      throw err instanceof RosterReadError ? badRequest(err.message) : err
    })
    const report = await runRoster(store, { communityId, fileName, cells, mapping, mode, dryRun, hlc: () => ctx.serverHlc(), now: ctx.now() })
    if (report.imported) {
      const detail = { communityId, fileName, households: report.households.create, persons: report.persons.create }
      await store.audit({ userId: user.id, action: 'roster-import', detail, communityId })
    }
    return report
  }
  return async (app) => {
    const options = { preHandler: requireUser(ctx, ['admin']), bodyLimit: PUSH_BODY_LIMIT, schema: { body: RosterImportRequest, response: { 200: RosterReport } } }
    app.post('/api/admin/import/dry-run', options, async (request) => run(userOf(request), request.body, true))
    app.post('/api/admin/import', options, async (request) => run(userOf(request), request.body, false))
  }
}
