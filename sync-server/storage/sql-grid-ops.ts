import type { Queryer } from './sql-driver'
import type { StoreOps } from './store'

/**
 * Who held a grid when (SYNC.md guarantee 6): the assignment history and the notices of
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
      // She holds it again: an old notice of losing it no longer says anything.
      await q.run('DELETE FROM grid_loss_notices WHERE grid_id = ? AND user_id = ?', [gridId, workerId])
    },
    async getHolding(gridId, userId, clientId) {
      const held = await one<{ until: number | string | null }>(
        'SELECT MAX(to_at) AS until FROM grid_assignments WHERE grid_id = ? AND worker_id = ?',
        [gridId, userId],
      )
      const told = await one<{ told_hlc: string }>(
        'SELECT told_hlc FROM grid_loss_notices WHERE client_id = ? AND user_id = ? AND grid_id = ?',
        [clientId, userId, gridId],
      )
      return { heldUntil: held?.until == null ? null : Number(held.until), toldHlc: told?.told_hlc ?? null }
    },
    async noteGridsLost(clientId, userId, gridIds, hlc) {
      // The first notice counts: the device may make changes only until it first hears.
      for (const gridId of gridIds) {
        await q.run(
          'INSERT INTO grid_loss_notices (client_id, user_id, grid_id, told_hlc) VALUES (?, ?, ?, ?) ON CONFLICT (client_id, user_id, grid_id) DO NOTHING',
          [clientId, userId, gridId, hlc],
        )
      }
    },
  }
}
