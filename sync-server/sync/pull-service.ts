import { isCatalogued, MIN_SCHEMA_VERSION, projectRecord, PullReply, receivesRecords, type Cursors, type PullRequest, type Role } from '../../src/shared'
import { upgradeRequired } from '../errors'
import type { ChangeRow, Store, UserRow } from '../storage/store'
import { listScopeGrids } from './scope-service'

/**
 * Pull (docs/sync.md): the user's grids are derived from her current assignments on every
 * call. For each grid in scope the reply carries the current state of every record
 * changed after that grid's cursor, in seq order; a grid she no longer holds is listed
 * in `gridsLost` so the device drops it; a new grid (no cursor) arrives whole.
 *
 * Minimisation: records go out as the user's role may receive them (field-catalogue.ts):
 * a supervisor's ID numbers and phones masked, nothing for an admin of no community.
 *
 * Completeness: seqs are per community and handed out under a row lock held to commit
 * (see sql-ops.ts), so when a reader sees seq N every seq below N is already visible.
 */
export const MAX_PAGE_CHANGES = 1000
/**
 * Bytes of UTF-8 record JSON per page (Chinese text is three bytes a character). A page
 * stops before the record that would pass it; the first record always goes (records are
 * at most MAX_RECORD_BYTES, so a page is never empty and never far over).
 */
export const MAX_PAGE_BYTES = 1_000_000

/** A page of the pull: its records as stored JSON text, the rest as in the reply. */
export type PullPage = Omit<PullReply, 'serverHlc' | 'changes'> & { changes: ChangeRow[] }

export async function pullChanges(store: Store, user: UserRow, req: PullRequest): Promise<PullPage> {
  if (req.schemaVersion < MIN_SCHEMA_VERSION) throw upgradeRequired()
  const grids = await listScopeGrids(store, user)
  const inScope = new Set(grids.map((g) => g.id))
  const gridsLost = Object.keys(req.cursors).filter((id) => !inScope.has(id))
  // An admin of every community administers accounts and grids online; she receives
  // no resident's record (field-catalogue.ts).
  if (!receivesRecords(user)) return { changes: [], cursors: {}, grids, gridsLost, hasMore: false }
  const project = projectionFor(user.role)
  const limit = Math.min(req.limit ?? MAX_PAGE_CHANGES, MAX_PAGE_CHANGES)
  const changes: ChangeRow[] = []
  const cursors: Cursors = {}
  let bytes = 0
  let full = false
  let hasMore = false
  for (const grid of grids) {
    const after = req.cursors[grid.id] ?? 0
    cursors[grid.id] = after
    const room = limit - changes.length
    if (room <= 0 || full) {
      hasMore ||= (await store.changesForGrid(grid.id, after, 1)).length > 0
      continue
    }
    const rows = await store.changesForGrid(grid.id, after, room + 1)
    for (const [i, row] of rows.entries()) {
      const size = Buffer.byteLength(row.json)
      if (i === room || (changes.length > 0 && bytes + size > MAX_PAGE_BYTES)) {
        full ||= i < room
        hasMore = true
        break
      }
      // Counted before projection: what a role may not see only makes it smaller.
      changes.push(project(row))
      bytes += size
      cursors[grid.id] = row.seq
    }
  }
  const remaining = hasMore ? await countRemaining(store, cursors) : 0
  const community = await communityChange(store, user, req.communityCursor)
  if (!community) return { changes, cursors, grids, gridsLost, hasMore, remaining }
  return { changes: [...community.rows, ...changes], cursors, grids, gridsLost, hasMore, remaining, communityCursor: community.cursor }
}

/**
 * The community's settings (apply-community.ts) when they changed after the device's
 * cursor: one record, ahead of the page's grid records. Only for a device that sends a
 * cursor (an older app would not read the change), and only its own community's.
 */
async function communityChange(store: Store, user: UserRow, after: number | undefined): Promise<{ rows: ChangeRow[]; cursor: number } | null> {
  if (after === undefined) return null
  if (!user.communityId) return { rows: [], cursor: after }
  const rows = await store.changesForGrid(user.communityId, after, 1)
  return { rows, cursor: rows.at(-1)?.seq ?? after }
}

/**
 * Records in scope after the page's cursors: one indexed count per grid, and only while
 * a pull has more pages (an ordinary start's empty pull pays nothing for it).
 */
async function countRemaining(store: Store, cursors: Cursors): Promise<number> {
  let total = 0
  for (const [gridId, after] of Object.entries(cursors)) total += await store.countChangesForGrid(gridId, after)
  return total
}

/**
 * What a role receives of a stored record (field-catalogue.ts): a worker every field
 * as stored; anyone else the catalogued kinds re-written with their masked fields.
 */
function projectionFor(role: Role): (row: ChangeRow) => ChangeRow {
  if (role === 'worker') return (row) => row
  return (row) => {
    if (!isCatalogued(row.kind)) return row
    const record = JSON.parse(row.json) as object
    const projected = projectRecord(row.kind, record, role)
    return projected === record ? row : { ...row, json: JSON.stringify(projected) }
  }
}

const PullReplyRest = PullReply.omit({ changes: true })

/**
 * The pull reply as JSON. Its records are spliced in as stored: each was checked
 * against its schema when it was written (apply-mutation.ts stores the parsed record,
 * the demo loader generated ones), and the device checks each again when it stores it.
 * Parsing, checking and writing them again here took a third of the server's time for a
 * pull (a worker's scope, 19 pages: 620 - 710 ms, now 440 - 530). The rest of the reply
 * is still checked; if it fails, the reply is a 500 like any other bad reply.
 */
export function pullReplyJson(page: PullPage, serverHlc: string): string {
  const { changes, ...rest } = page
  const checked = JSON.stringify(PullReplyRest.parse({ ...rest, serverHlc }))
  const records = changes.map((c) => `{"kind":"${c.kind}","seq":${c.seq},"record":${c.json}}`)
  return `{"changes":[${records.join(',')}],${checked.slice(1)}`
}
