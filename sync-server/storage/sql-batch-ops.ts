import type { Grid, RecordKind } from '../../src/shared'
import type { Queryer, SqlValue } from './sql-driver'
import type { PushRejection, RecordKey, RecordPlace, RecordWrite, StoredConflict, StoreOps, StoredRecord } from './store'

/**
 * The store's many-rows-at-once SQL (a push batch, the demo load): a few statements per
 * batch instead of a few per row, which is what PostgreSQL's round trips charge for.
 *
 * Statement shapes are bounded so SQLite's prepared-statement cache stays small: an IN
 * list is padded to a power of two (a repeated id changes nothing), and multi-row
 * INSERTs come in chunks of MAX_ROWS and then powers of two.
 */

export interface GridDbRow { id: string; community_id: string; worker_id: string | null; data: string }
export interface RecordDbRow { kind: string; id: string; grid_id: string; community_id: string; data: string; seq: number | string }

export const toGrid = (r: GridDbRow): Grid => ({ ...JSON.parse(r.data), id: r.id, communityId: r.community_id, workerId: r.worker_id })
export const toRecord = (r: RecordDbRow): StoredRecord => ({
  kind: r.kind as RecordKind,
  id: r.id,
  gridId: r.grid_id,
  communityId: r.community_id,
  data: JSON.parse(r.data),
  seq: Number(r.seq),
})

const MAX_ROWS = 256
export const RECORD_COLS = 'kind, id, grid_id, community_id, data, seq'
export const GRID_COLS = 'id, community_id, worker_id, data'

/** Splits into chunks of MAX_ROWS, then the rest into decreasing powers of two. */
export function rowChunks<T>(rows: T[]): T[][] {
  const out: T[][] = []
  let i = 0
  for (; rows.length - i >= MAX_ROWS; i += MAX_ROWS) out.push(rows.slice(i, i + MAX_ROWS))
  for (let size = MAX_ROWS / 2; size >= 1; size /= 2) {
    if (rows.length - i >= size) {
      out.push(rows.slice(i, i + size))
      i += size
    }
  }
  return out
}

/** Distinct ids in lists of at most MAX_ROWS, each padded to a power of two. */
function inLists(ids: string[]): string[][] {
  const unique = [...new Set(ids)]
  const out: string[][] = []
  for (let i = 0; i < unique.length; i += MAX_ROWS) {
    const list = unique.slice(i, i + MAX_ROWS)
    const size = 2 ** Math.ceil(Math.log2(list.length))
    while (list.length < size) list.push(list[list.length - 1]!)
    out.push(list)
  }
  return out
}

/** Groups in first-seen order, keeping each group's order. */
export function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>()
  for (const t of items) {
    const k = key(t)
    const list = out.get(k)
    if (list) list.push(t)
    else out.set(k, [t])
  }
  return out
}

// The placeholder lists of each statement shape, built once: a batch's INSERTs of 256
// rows each rebuilt 1,536 `?` (and the lookup of the statement hashed the new text).
const texts = new Map<string, string>()
const once = (key: string, build: () => string) => {
  let text = texts.get(key)
  if (text === undefined) texts.set(key, (text = build()))
  return text
}
const marks = (n: number) => once(`${n}`, () => Array.from({ length: n }, () => '?').join(', '))
const rowsOf = (n: number, cols: number) => once(`${n}x${cols}`, () => Array.from({ length: n }, () => `(${marks(cols)})`).join(', '))

type BatchOps = Pick<StoreOps, 'getGrids' | 'getRecords' | 'getRecordPlaces' | 'lockCommunities' | 'putRecords' | 'saveRejections' | 'insertConflicts'>

/** The batch operations over one connection or transaction, plus the seq counter they share. */
export function sqlBatchOps(q: Queryer): BatchOps & { nextSeqs(communityId: string, n: number): Promise<number> } {
  const nextSeqs = async (communityId: string, n: number): Promise<number> => {
    // The counter row is locked until commit, so commits of one community are serialized
    // in seq order and a reader can never see seq N+1 before N (docs/sync.md, "Pull").
    const rows = await q.all<{ seq: number | string }>(
      'INSERT INTO community_seq (community_id, seq) VALUES (?, ?) ON CONFLICT (community_id) DO UPDATE SET seq = community_seq.seq + ? RETURNING seq',
      [communityId, n, n],
    )
    return Number(rows[0]?.seq)
  }
  /** Rows of these keys, one query per kind and list of ids. */
  const byKeys = async <T>(cols: string, keys: RecordKey[]): Promise<T[]> => {
    const out: T[] = []
    for (const [kind, ofKind] of groupBy(keys, (k) => k.kind)) {
      for (const list of inLists(ofKind.map((k) => k.id))) {
        out.push(...(await q.all<T>(`SELECT ${cols} FROM records WHERE kind = ? AND id IN (${marks(list.length)})`, [kind, ...list])))
      }
    }
    return out
  }
  const insertRows = async (head: string, tail: string, cols: number, rows: SqlValue[][]) => {
    for (const chunk of rowChunks(rows)) {
      const sql = once(`${head}\n${tail}\n${chunk.length}x${cols}`, () => `${head} VALUES ${rowsOf(chunk.length, cols)} ${tail}`)
      const params: SqlValue[] = []
      for (const row of chunk) for (const v of row) params.push(v)
      await q.run(sql, params)
    }
  }
  return {
    nextSeqs,
    async getGrids(ids) {
      const out: Grid[] = []
      for (const list of inLists(ids)) {
        const rows = await q.all<GridDbRow>(`SELECT ${GRID_COLS} FROM grids WHERE id IN (${marks(list.length)})`, list)
        out.push(...rows.map(toGrid))
      }
      return out
    },
    async getRecords(keys) {
      return (await byKeys<RecordDbRow>(RECORD_COLS, keys)).map(toRecord)
    },
    async getRecordPlaces(keys) {
      // Without `data`: decoding a few hundred JSON texts (Chinese, so no ASCII fast
      // path) was most of the cost of reading the households a batch of visits names.
      const rows = await byKeys<Omit<RecordDbRow, 'data' | 'seq'>>('kind, id, grid_id, community_id', keys)
      return rows.map((r): RecordPlace => ({ kind: r.kind as RecordKind, id: r.id, gridId: r.grid_id, communityId: r.community_id }))
    },
    async lockCommunities(communityIds) {
      // A no-op upsert: it takes the row lock on PostgreSQL (SQLite's writer lock is
      // already held by BEGIN IMMEDIATE). FOR UPDATE would do on PostgreSQL only.
      for (const id of [...new Set(communityIds)].sort()) {
        await q.run(
          'INSERT INTO community_seq (community_id, seq) VALUES (?, 0) ON CONFLICT (community_id) DO UPDATE SET seq = community_seq.seq',
          [id],
        )
      }
    },
    async putRecords(rows: RecordWrite[]) {
      const byCommunity = groupBy(rows, (r) => r.communityId)
      const values: SqlValue[][] = []
      for (const communityId of [...byCommunity.keys()].sort()) {
        const list = byCommunity.get(communityId)!
        let seq = (await nextSeqs(communityId, list.length)) - list.length
        for (const r of list) values.push([r.kind, r.id, r.gridId, r.communityId, r.json, ++seq])
      }
      await insertRows(
        `INSERT INTO records (${RECORD_COLS})`,
        'ON CONFLICT (kind, id) DO UPDATE SET grid_id = excluded.grid_id, community_id = excluded.community_id, data = excluded.data, seq = excluded.seq',
        6,
        values,
      )
    },
    async saveRejections(rs: PushRejection[]) {
      await insertRows(
        'INSERT INTO push_rejections (client_id, user_id, seq, mutation_id, code, message)',
        'ON CONFLICT (client_id, user_id, seq) DO NOTHING',
        6,
        rs.map((r) => [r.clientId, r.userId, r.seq, r.mutationId, r.code, r.message]),
      )
    },
    async insertConflicts(cs: StoredConflict[]) {
      await insertRows(
        'INSERT INTO conflicts (id, community_id, grid_id, data, created_at)',
        '',
        5,
        cs.map(({ communityId, ...c }) => [c.id, communityId, c.gridId, JSON.stringify(c), c.createdAt]),
      )
    },
  }
}
