/** Minimal types for the untyped PouchDB server packages the benchmarks compare against. */

declare module 'pouchdb-node' {
  import type { PouchStatic } from './pouch-api'
  const PouchDB: PouchStatic
  export default PouchDB
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown
  export default plugin
}

declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http'
  import type { PouchStatic } from './pouch-api'
  type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void
  function expressPouchDB(PouchDB: PouchStatic, opts?: { mode?: string; inMemoryConfig?: boolean; logPath?: string; configPath?: string }): Handler
  export default expressPouchDB
}

declare module 'pouchdb-browser' {
  import type { PouchStatic } from './pouch-api'
  const PouchDB: PouchStatic
  export default PouchDB
}
