import { MIN_SCHEMA_VERSION, type Change, type Cursors, type PullReply, type PullRequest } from '../../src/shared'
import { upgradeRequired } from '../errors'
import type { Store, UserRow } from '../storage/store'
import { listScopeGrids } from './scope-service'

/**
 * Pull (SYNC.md): the user's grids are derived from her current assignments on every
 * call. For each grid in scope the reply carries the current state of every record
 * changed after that grid's cursor, in seq order; a grid she no longer holds is listed
 * in `gridsLost` so the device drops it; a new grid (no cursor) arrives whole.
 *
 * Completeness: seqs are per community and handed out under a row lock held to commit
 * (see sql-ops.ts), so when a reader sees seq N every seq below N is already visible.
 */
export const MAX_PAGE_CHANGES = 1000
const MAX_PAGE_BYTES = 1_000_000

export async function pullChanges(store: Store, user: UserRow, req: PullRequest): Promise<Omit<PullReply, 'serverHlc'>> {
  if (req.schemaVersion < MIN_SCHEMA_VERSION) throw upgradeRequired()
  const grids = await listScopeGrids(store, user)
  const inScope = new Set(grids.map((g) => g.id))
  const gridsLost = Object.keys(req.cursors).filter((id) => !inScope.has(id))
  const limit = Math.min(req.limit ?? MAX_PAGE_CHANGES, MAX_PAGE_CHANGES)
  const changes: Change[] = []
  const cursors: Cursors = {}
  let bytes = 0
  let hasMore = false
  for (const grid of grids) {
    const after = req.cursors[grid.id] ?? 0
    cursors[grid.id] = after
    const room = limit - changes.length
    if (room <= 0 || bytes >= MAX_PAGE_BYTES) {
      hasMore ||= (await store.changesForGrid(grid.id, after, 1)).length > 0
      continue
    }
    const rows = await store.changesForGrid(grid.id, after, room + 1)
    for (const [i, row] of rows.entries()) {
      if (i === room || bytes >= MAX_PAGE_BYTES) {
        hasMore = true
        break
      }
      changes.push({ kind: row.kind, seq: row.seq, record: row.data } as Change)
      bytes += JSON.stringify(row.data).length
      cursors[grid.id] = row.seq
    }
  }
  return { changes, cursors, grids, gridsLost, hasMore }
}
