/**
 * Counts the IndexedDB requests the page makes, by kind, so the sync benchmark can show
 * where the app's first sync does more work than the floor (which writes each record
 * once, in one transaction). Wraps the prototypes once, before any database opens; the
 * wrapper costs both sides the same few microseconds per request.
 */

export interface IdbCounts {
  /** put, add, delete and clear requests. */
  writes: number
  /** get, getAll, getAllKeys, count and cursor requests (a cursor counts once). */
  reads: number
  transactions: number
}

const counts: IdbCounts = { writes: 0, reads: 0, transactions: 0 }
const WRITES = ['put', 'add', 'delete', 'clear'] as const
const READS = ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor'] as const

function wrap(proto: object, names: readonly string[], kind: keyof IdbCounts) {
  const target = proto as Record<string, unknown>
  for (const name of names) {
    const original = target[name]
    if (typeof original !== 'function') continue
    target[name] = function (this: unknown, ...args: unknown[]) {
      counts[kind]++
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    }
  }
}

wrap(IDBObjectStore.prototype, WRITES, 'writes')
wrap(IDBObjectStore.prototype, READS, 'reads')
wrap(IDBIndex.prototype, READS, 'reads')
wrap(IDBDatabase.prototype, ['transaction'], 'transactions')

/** Starts counting from zero. */
export function resetIdbCounts(): void {
  counts.writes = 0
  counts.reads = 0
  counts.transactions = 0
}

export function idbCounts(): IdbCounts {
  return { ...counts }
}
