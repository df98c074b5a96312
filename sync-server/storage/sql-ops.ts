import type { Community, Conflict, RecordKind, Role } from '../../src/shared'
import { GRID_COLS, RECORD_COLS, groupBy, rowChunks, sqlBatchOps, toGrid, toRecord, type GridDbRow, type RecordDbRow } from './sql-batch-ops'
import type { Queryer } from './sql-driver'
import { sqlSecurityOps } from './sql-security-ops'
import type { ChangeRow, PhotoRow, PushRejection, SessionRow, StoreOps, StoredConflict, UserRow } from './store'

/** The store's SQL, written once for SQLite and PostgreSQL (both accept this dialect). */

interface UserDbRow {
  id: string; username: string; display_name: string; role: string; community_id: string | null
  phone: string; password_hash: string; disabled: number | boolean; created_at: number | string
  disabled_at: number | string | null
  must_change_password: number | boolean
}

const toUser = (r: UserDbRow): UserRow => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  communityId: r.community_id,
  phone: r.phone,
  passwordHash: r.password_hash,
  disabled: Boolean(Number(r.disabled)),
  disabledAt: r.disabled_at === null ? null : Number(r.disabled_at),
  createdAt: Number(r.created_at),
  mustChangePassword: Boolean(Number(r.must_change_password)),
})
const USER_COLS = 'id, username, display_name, role, community_id, phone, password_hash, disabled, created_at, must_change_password, disabled_at'

/** Builds the store operations over one connection or transaction. */
export function sqlOps(q: Queryer): StoreOps {
  const one = async <T>(sql: string, params: (string | number | null)[]) => (await q.all<T>(sql, params))[0] ?? null
  const { nextSeqs, ...batchOps } = sqlBatchOps(q)
  return {
    ...batchOps,
    ...sqlSecurityOps(q),
    async insertCommunity(c) {
      await q.run('INSERT INTO communities (id, data) VALUES (?, ?)', [c.id, JSON.stringify(c)])
    },
    async listCommunities() {
      return (await q.all<{ data: string }>('SELECT data FROM communities ORDER BY id')).map((r) => JSON.parse(r.data) as Community)
    },
    async getCommunity(id) {
      const r = await one<{ data: string }>('SELECT data FROM communities WHERE id = ?', [id])
      return r ? (JSON.parse(r.data) as Community) : null
    },
    async insertGrid(g) {
      const { id, communityId, workerId, ...rest } = g
      await q.run('INSERT INTO grids (id, community_id, worker_id, data) VALUES (?, ?, ?, ?)', [id, communityId, workerId, JSON.stringify(rest)])
    },
    async getGrid(id) {
      const r = await one<GridDbRow>(`SELECT ${GRID_COLS} FROM grids WHERE id = ?`, [id])
      return r ? toGrid(r) : null
    },
    async listGrids(filter) {
      const where: string[] = []
      const params: string[] = []
      if (filter.communityId) {
        where.push('community_id = ?')
        params.push(filter.communityId)
      }
      if (filter.workerId) {
        where.push('worker_id = ?')
        params.push(filter.workerId)
      }
      const sql = `SELECT ${GRID_COLS} FROM grids ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id`
      return (await q.all<GridDbRow>(sql, params)).map(toGrid)
    },
    async assignGrid(gridId, workerId) {
      await q.run('UPDATE grids SET worker_id = ? WHERE id = ?', [workerId, gridId])
    },
    async insertUser(u) {
      await q.run(`INSERT INTO users (${USER_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        u.id, u.username, u.displayName, u.role, u.communityId, u.phone, u.passwordHash, u.disabled ? 1 : 0, u.createdAt,
        u.mustChangePassword ? 1 : 0,
        u.disabled ? (u.disabledAt ?? u.createdAt) : null,
      ])
    },
    async getUser(id) {
      const r = await one<UserDbRow>(`SELECT ${USER_COLS} FROM users WHERE id = ?`, [id])
      return r ? toUser(r) : null
    },
    async findUserByUsername(username) {
      const r = await one<UserDbRow>(`SELECT ${USER_COLS} FROM users WHERE username = ?`, [username])
      return r ? toUser(r) : null
    },
    async listUsers(communityId) {
      const sql = `SELECT ${USER_COLS} FROM users ${communityId ? 'WHERE community_id = ?' : ''} ORDER BY username`
      return (await q.all<UserDbRow>(sql, communityId ? [communityId] : [])).map(toUser)
    },
    async setUserDisabled(id, disabled, at = Date.now()) {
      await q.run('UPDATE users SET disabled = ?, disabled_at = ? WHERE id = ?', [disabled ? 1 : 0, disabled ? at : null, id])
    },
    async countUsers() {
      return Number((await one<{ n: number | string }>('SELECT COUNT(*) AS n FROM users', []))?.n ?? 0)
    },
    async insertSession(s: SessionRow) {
      await q.run('INSERT INTO sessions (token_hash, user_id, created_at, last_used_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
        s.tokenHash, s.userId, s.createdAt, s.lastUsedAt, s.expiresAt,
      ])
    },
    async getSession(tokenHash) {
      const r = await one<Record<string, string | number>>(
        'SELECT token_hash, user_id, created_at, last_used_at, expires_at FROM sessions WHERE token_hash = ?',
        [tokenHash],
      )
      if (!r) return null
      return {
        tokenHash: String(r.token_hash), userId: String(r.user_id), createdAt: Number(r.created_at),
        lastUsedAt: Number(r.last_used_at), expiresAt: Number(r.expires_at),
      }
    },
    async touchSession(tokenHash, at) {
      await q.run('UPDATE sessions SET last_used_at = ? WHERE token_hash = ?', [at, tokenHash])
    },
    async deleteSession(tokenHash) {
      await q.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash])
    },
    async deleteUserSessions(userId) {
      await q.run('DELETE FROM sessions WHERE user_id = ?', [userId])
    },
    async getClientSeq(clientId, userId) {
      // Lock the client's row for the rest of the push transaction: without it two
      // concurrent pushes of one client (a request still in flight from a killed tab, a
      // late duplicate packet) both read the same lastSeq on PostgreSQL (READ COMMITTED)
      // and apply the same mutation twice. The no-op upsert takes the row lock in
      // PostgreSQL (one round trip); SQLite transactions are already serial. Found by tests/sim.
      const r = await one<{ last_seq: number | string }>(
        'INSERT INTO clients (client_id, user_id, last_seq) VALUES (?, ?, 0) ON CONFLICT (client_id, user_id) DO UPDATE SET last_seq = clients.last_seq RETURNING last_seq',
        [clientId, userId],
      )
      return r ? Number(r.last_seq) : 0
    },
    async setClientSeq(clientId, userId, seq) {
      await q.run(
        'INSERT INTO clients (client_id, user_id, last_seq) VALUES (?, ?, ?) ON CONFLICT (client_id, user_id) DO UPDATE SET last_seq = excluded.last_seq',
        [clientId, userId, seq],
      )
    },
    async saveRejection(r) {
      await q.run(
        'INSERT INTO push_rejections (client_id, user_id, seq, mutation_id, code, message) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (client_id, user_id, seq) DO NOTHING',
        [r.clientId, r.userId, r.seq, r.mutationId, r.code, r.message],
      )
    },
    async findRejections(clientId, userId, seqs) {
      if (seqs.length === 0) return []
      const rows = await q.all<{ seq: number | string; mutation_id: string; code: string; message: string }>(
        `SELECT seq, mutation_id, code, message FROM push_rejections WHERE client_id = ? AND user_id = ? AND seq IN (${seqs.map(() => '?').join(', ')})`,
        [clientId, userId, ...seqs],
      )
      return rows.map((r): PushRejection => ({ clientId, userId, seq: Number(r.seq), mutationId: r.mutation_id, code: r.code, message: r.message }))
    },
    async getRecord(kind, id) {
      const r = await one<RecordDbRow>(`SELECT ${RECORD_COLS} FROM records WHERE kind = ? AND id = ?`, [kind, id])
      return r ? toRecord(r) : null
    },
    async putRecord(kind, id, gridId, communityId, data) {
      const seq = await nextSeqs(communityId, 1)
      await q.run(
        `INSERT INTO records (${RECORD_COLS}) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, id) DO UPDATE SET grid_id = excluded.grid_id, community_id = excluded.community_id, data = excluded.data, seq = excluded.seq`,
        [kind, id, gridId, communityId, JSON.stringify(data), seq],
      )
      return seq
    },
    async bulkInsertRecords(rows) {
      for (const [communityId, list] of groupBy(rows, (r) => r.communityId)) {
        let seq = (await nextSeqs(communityId, list.length)) - list.length
        for (const chunk of rowChunks(list)) {
          const values = chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')
          const params = chunk.flatMap((r) => [r.kind, r.id, r.gridId, r.communityId, JSON.stringify(r.data), ++seq])
          await q.run(`INSERT INTO records (${RECORD_COLS}) VALUES ${values}`, params)
        }
      }
    },
    async changesForGrid(gridId, afterSeq, limit) {
      const rows = await q.all<Pick<RecordDbRow, 'kind' | 'id' | 'data' | 'seq'>>(
        'SELECT kind, id, data, seq FROM records WHERE grid_id = ? AND seq > ? ORDER BY seq LIMIT ?',
        [gridId, afterSeq, limit],
      )
      return rows.map((r): ChangeRow => ({ kind: r.kind as RecordKind, id: r.id, seq: Number(r.seq), json: r.data }))
    },
    async countRecords() {
      return Number((await one<{ n: number | string }>('SELECT COUNT(*) AS n FROM records', []))?.n ?? 0)
    },
    async insertConflict(c: StoredConflict) {
      const { communityId, ...conflict } = c
      await q.run('INSERT INTO conflicts (id, community_id, grid_id, data, created_at) VALUES (?, ?, ?, ?, ?)', [
        c.id, communityId, c.gridId, JSON.stringify(conflict), c.createdAt,
      ])
    },
    async listConflicts(communityId) {
      const sql = `SELECT data FROM conflicts ${communityId ? 'WHERE community_id = ?' : ''} ORDER BY created_at DESC, id LIMIT 1000`
      return (await q.all<{ data: string }>(sql, communityId ? [communityId] : [])).map((r) => JSON.parse(r.data) as Conflict)
    },
    async getConflict(id) {
      const r = await one<{ data: string; community_id: string }>('SELECT data, community_id FROM conflicts WHERE id = ?', [id])
      return r ? { ...(JSON.parse(r.data) as Conflict), communityId: r.community_id } : null
    },
    async resolveConflict(id, at) {
      const r = await one<{ data: string }>('SELECT data FROM conflicts WHERE id = ?', [id])
      const data = r ? (JSON.parse(r.data) as Conflict) : null
      if (!data || data.resolvedAt) return
      await q.run('UPDATE conflicts SET data = ? WHERE id = ?', [JSON.stringify({ ...data, resolvedAt: at }), id])
    },
    async putPhoto(p: PhotoRow) {
      await q.run(
        'INSERT INTO photos (sha256, mime, size, grid_id, community_id, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
        [p.sha256, p.mime, p.size, p.gridId, p.communityId, p.bytes, Date.now()],
      )
    },
    async getPhoto(sha256) {
      const r = await q.all<{ sha256: string; mime: string; size: number; grid_id: string; community_id: string; bytes: Buffer }>(
        'SELECT sha256, mime, size, grid_id, community_id, bytes FROM photos WHERE sha256 = ?',
        [sha256],
      )
      const p = r[0]
      return p ? { sha256: p.sha256, mime: p.mime, size: Number(p.size), gridId: p.grid_id, communityId: p.community_id, bytes: Buffer.from(p.bytes) } : null
    },
    async listAudit(limit) {
      const rows = await q.all<{ at: number | string; user_id: string | null; action: string; detail: string }>(
        'SELECT at, user_id, action, detail FROM audit ORDER BY id DESC LIMIT ?',
        [limit],
      )
      return rows.map((r) => ({ at: Number(r.at), userId: r.user_id, action: r.action, detail: JSON.parse(r.detail) }))
    },
  }
}

