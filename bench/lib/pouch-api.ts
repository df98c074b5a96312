/** The slice of PouchDB's API the benchmarks use (Node server side and browser side). */

export interface PouchDoc {
  _id: string
  _rev?: string
  [field: string]: unknown
}

export interface ReplicationResult {
  ok: boolean
  docs_read: number
  docs_written: number
  doc_write_failures: number
}

export interface PouchDatabase {
  bulkDocs(docs: PouchDoc[]): Promise<unknown[]>
  info(): Promise<{ doc_count: number; update_seq: number | string }>
  destroy(): Promise<unknown>
  replicate: {
    from(source: string | PouchDatabase, opts?: Record<string, unknown>): Promise<ReplicationResult>
    to(target: string | PouchDatabase, opts?: Record<string, unknown>): Promise<ReplicationResult>
  }
}

export interface PouchStatic {
  new (name: string, opts?: Record<string, unknown>): PouchDatabase
  plugin(plugin: unknown): PouchStatic
  defaults(opts: Record<string, unknown>): PouchStatic
}
