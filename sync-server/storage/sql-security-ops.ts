import type { Queryer } from './sql-driver'
import type { AuditFilter, AuditRow, StoreOps, ThrottleRow } from './store'

/** The store's SQL for passwords, the login throttle and the audit log (both dialects). */
type SecurityOps = Pick<
  StoreOps,
  'setPassword' | 'deleteOtherSessions' | 'audit' | 'queryAudit' | 'pruneAudit' | 'getThrottles' | 'countFailure' | 'blockUntil' | 'clearThrottle' | 'pruneThrottle'
>

interface AuditDbRow {
  id: number | string
  at: number | string
  user_id: string | null
  community_id: string | null
  action: string
  detail: string
}

const toAudit = (r: AuditDbRow): AuditRow => ({
  id: Number(r.id), at: Number(r.at), userId: r.user_id, communityId: r.community_id, action: r.action,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
})

/** WHERE clause and parameters of an audit filter. */
function auditWhere(f: AuditFilter): { sql: string; params: (string | number)[] } {
  const where: string[] = []
  const params: (string | number)[] = []
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return
    where.push(clause)
    params.push(value)
  }
  add('community_id = ?', f.communityId)
  add('user_id = ?', f.userId)
  if (f.action?.endsWith('-')) add('action LIKE ?', `${f.action.replace(/[%_]/g, '')}%`)
  else add('action = ?', f.action)
  add('at >= ?', f.since)
  add('at < ?', f.until)
  add('id < ?', f.beforeId)
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params }
}

export function sqlSecurityOps(q: Queryer): SecurityOps {
  return {
    async setPassword(id, passwordHash, mustChange) {
      await q.run('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?', [passwordHash, mustChange ? 1 : 0, id])
    },
    async deleteOtherSessions(userId, keepTokenHash) {
      await q.run('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?', [userId, keepTokenHash])
    },
    async audit(e) {
      // Without a community of its own, the entry belongs to the acting user's community,
      // so her supervisor can read it.
      await q.run(
        'INSERT INTO audit (at, user_id, action, detail, community_id) VALUES (?, ?, ?, ?, COALESCE(?, (SELECT community_id FROM users WHERE id = ?)))',
        [e.at ?? Date.now(), e.userId, e.action, JSON.stringify(e.detail), e.communityId ?? null, e.userId],
      )
    },
    async queryAudit(f) {
      const { sql, params } = auditWhere(f)
      const rows = await q.all<AuditDbRow>(
        `SELECT id, at, user_id, community_id, action, detail FROM audit ${sql} ORDER BY id DESC LIMIT ?`,
        [...params, f.limit],
      )
      return rows.map(toAudit)
    },
    async pruneAudit(before) {
      const rows = await q.all<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit WHERE at < ?', [before])
      await q.run('DELETE FROM audit WHERE at < ?', [before])
      return Number(rows[0]?.n ?? 0)
    },
    async getThrottles(keys) {
      if (keys.length === 0) return []
      const rows = await q.all<{ key: string; failures: number | string; last_at: number | string; blocked_until: number | string }>(
        `SELECT key, failures, last_at, blocked_until FROM login_throttle WHERE key IN (${keys.map(() => '?').join(', ')})`,
        keys,
      )
      return rows.map((r): ThrottleRow => ({ key: r.key, failures: Number(r.failures), lastAt: Number(r.last_at), blockedUntil: Number(r.blocked_until) }))
    },
    async countFailure(key, now, resetBefore) {
      // One statement: concurrent failures from several processes each add one.
      const rows = await q.all<{ failures: number | string }>(
        `INSERT INTO login_throttle (key, failures, last_at, blocked_until) VALUES (?, 1, ?, 0)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_throttle.last_at < ? THEN 1 ELSE login_throttle.failures + 1 END,
           last_at = excluded.last_at
         RETURNING failures`,
        [key, now, resetBefore],
      )
      return Number(rows[0]?.failures ?? 1)
    },
    async blockUntil(key, until) {
      await q.run('UPDATE login_throttle SET blocked_until = ? WHERE key = ? AND blocked_until < ?', [until, key, until])
    },
    async clearThrottle(key) {
      await q.run('DELETE FROM login_throttle WHERE key = ?', [key])
    },
    async pruneThrottle(before, knownBefore) {
      const where = `(key NOT LIKE 'known:%' AND last_at < ? AND blocked_until < ?) OR (key LIKE 'known:%' AND last_at < ?)`
      const params = [before, before, knownBefore]
      const rows = await q.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM login_throttle WHERE ${where}`, params)
      await q.run(`DELETE FROM login_throttle WHERE ${where}`, params)
      return Number(rows[0]?.n ?? 0)
    },
  }
}
