import type { Queryer } from './sql-driver'
import type { StoreOps } from './store'

/**
 * Who held a grid when (docs/sync.md, guarantee 6): the assignment history and the notices of
 * a lost grid each device was sent. A worker's change made while the grid was hers is
 * accepted after the grid moved; these are what the push asks to decide it.
 */
export function sqlGridOps(q: Queryer): Pick<StoreOps, 'assignGrid' | 'getHolding' | 'noteGridsLost'> {
  const one = async <T>(sql: string, params: (string | number | null)[]) => (await q.all<T>(sql, params))[0] ?? null
  return {
    async assignGrid(gridId, workerId, at = Date.now()) {
      const current = await one<{ worker_id: string | null }>('SELECT worker_id FROM grids WHERE id = ?', [gridId])
      if (!current || current.worker_id === workerId) return
      await q.run('UPDATE grids SET worker_id = ? WHERE id = ?', [workerId, gridId])
      await q.run('UPDATE grid_assignments SET to_at = ? WHERE grid_id = ? AND to_at IS NULL', [at, gridId])
      if (!workerId) return
      await q.run(
        'INSERT INTO grid_assignments (grid_id, worker_id, from_at, to_at) VALUES (?, ?, ?, NULL) ON CONFLICT (grid_id, worker_id, from_at) DO UPDATE SET to_at = NULL',
        [gridId, workerId, at],
      )
    },
    async getHolding(gridId, userId, clientId) {
      const held = await one<{ until: number | string | null }>(
        'SELECT MAX(to_at) AS until FROM grid_assignments WHERE grid_id = ? AND worker_id = ?',
        [gridId, userId],
      )
      const told = await one<{ told_hlc: string; told_seq: number | string | null; hold_end: number | string }>(
        'SELECT told_hlc, told_seq, hold_end FROM grid_loss_notices WHERE client_id = ? AND user_id = ? AND grid_id = ?',
        [clientId, userId, gridId],
      )
      const heldUntil = held?.until == null ? null : Number(held.until)
      // A notice speaks of the hold that had ended when it was sent: of an earlier loss
      // (the grid came back to her since, and left again) it says nothing.
      const current = told && heldUntil !== null && Number(told.hold_end) === heldUntil ? told : null
      return { heldUntil, toldHlc: current?.told_hlc ?? null, toldSeq: current?.told_seq == null ? null : Number(current.told_seq) }
    },
    async noteGridsLost(clientId, userId, gridIds, hlc, seq) {
      // The first notice of each loss counts (the device may change things only until it
      // first hears); a notice of a later loss replaces one of an earlier loss.
      for (const gridId of gridIds) {
        await q.run(
          `INSERT INTO grid_loss_notices (client_id, user_id, grid_id, told_hlc, told_seq, hold_end)
           SELECT ?, ?, ?, ?, ?, COALESCE(MAX(to_at), 0) FROM grid_assignments WHERE grid_id = ? AND worker_id = ?
           ON CONFLICT (client_id, user_id, grid_id) DO UPDATE
           SET told_hlc = excluded.told_hlc, told_seq = excluded.told_seq, hold_end = excluded.hold_end
           WHERE grid_loss_notices.hold_end < excluded.hold_end`,
          [clientId, userId, gridId, hlc, seq, gridId, userId],
        )
      }
    },
  }
}
