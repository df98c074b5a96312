/** The few things the shared SQL needs from a database connection. */
export type SqlValue = string | number | boolean | null | Buffer

export interface Queryer {
  /** Runs a query with `?` placeholders and returns its rows. */
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>
  /** Runs a statement with `?` placeholders. */
  run(sql: string, params?: SqlValue[]): Promise<void>
}

export interface SqlDriver extends Queryer {
  readonly dialect: 'sqlite' | 'postgres'
  /** Runs a script of several statements (migrations). */
  exec(sql: string, q?: Queryer): Promise<void>
  /** Runs `fn` in one transaction on one connection; `exclusive` also takes the migration lock. */
  transaction<T>(fn: (q: Queryer) => Promise<T>, opts?: { exclusive?: boolean }): Promise<T>
  close(): Promise<void>
}
