import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { AuditListReply, AuditQuery, type AuditItem } from '../../src/shared'
import type { AppContext } from '../context'
import { requireUser, userOf } from '../plugins/auth'
import type { AuditRow, UserRow } from '../storage/store'

/**
 * `GET /api/audit`: who viewed, revealed, exported, reassigned, disabled what and when.
 * A district admin (no community) reads every entry; a community's admin and supervisor
 * read only the entries of their community (the entry's own community, or the acting
 * user's when it names none). Online only: the log never travels to a device. Reading
 * the log is itself not audited, or every look would push the entries looked for away.
 */
export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { store } = ctx
  return async (app) => {
    app.get(
      '/api/audit',
      { preHandler: requireUser(ctx, ['admin', 'supervisor']), schema: { querystring: AuditQuery, response: { 200: AuditListReply } } },
      async (request) => {
        const user = userOf(request)
        const q = request.query
        if (user.role === 'supervisor' && !user.communityId) return { entries: [], hasMore: false }
        const rows = await store.queryAudit({
          communityId: user.communityId ?? undefined,
          userId: q.userId,
          action: q.action,
          since: q.since ? Date.parse(q.since) : undefined,
          until: q.until ? Date.parse(q.until) : undefined,
          beforeId: q.beforeId,
          limit: q.limit + 1,
        })
        const page = rows.slice(0, q.limit)
        const users = await actors(page, (id) => store.getUser(id))
        return { entries: page.map((r) => toItem(r, users.get(r.userId ?? ''))), hasMore: rows.length > q.limit }
      },
    )
  }
}

async function actors(rows: AuditRow[], getUser: (id: string) => Promise<UserRow | null>): Promise<Map<string, UserRow>> {
  const ids = [...new Set(rows.map((r) => r.userId).filter((id): id is string => id !== null))]
  const found = await Promise.all(ids.map(getUser))
  return new Map(found.filter((u): u is UserRow => u !== null).map((u) => [u.id, u]))
}

function toItem(r: AuditRow, user: UserRow | undefined): AuditItem {
  return {
    id: r.id, at: new Date(r.at).toISOString(), userId: r.userId, userName: user?.displayName ?? null,
    username: user?.username ?? null, action: r.action, detail: r.detail,
  }
}
