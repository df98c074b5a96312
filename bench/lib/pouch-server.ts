import expressPouchDB from 'express-pouchdb'
import PouchDB from 'pouchdb-node'
import memoryAdapter from 'pouchdb-adapter-memory'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { serveStatic } from './static-files'
import { meterServer, type WireMeter } from './wire-meter'
import type { PouchDoc } from './pouch-api'
import type { ScopeRecords } from './dataset'

/**
 * The comparison: a PouchDB server (express-pouchdb over pouchdb-node with the memory
 * adapter, in its "minimum for PouchDB" mode, which keeps its gzip compression) on the
 * same machine. Databases live under /db/; every other path serves the benchmark page,
 * so the browser's PouchDB talks to its server same-origin (no CORS preflights, as for
 * our server).
 */
const MemPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' })

export interface PouchServer {
  url: string
  meter: WireMeter
  /** Creates a database holding `docs`; returns its URL. */
  createDb(name: string, docs: PouchDoc[]): Promise<string>
  close(): Promise<void>
}

/** A scope as PouchDB documents: one document per record, `_id` = kind:id. */
export function scopeDocs(scope: ScopeRecords): PouchDoc[] {
  const kinds: [string, { id: string }[]][] = [
    ['household', scope.households],
    ['person', scope.persons],
    ['visit', scope.visits],
    ['wish', scope.wishes],
    ['assessment', scope.assessments],
    ['review', scope.reviews],
  ]
  return kinds.flatMap(([kind, list]) => list.map((r) => ({ ...r, _id: `${kind}:${r.id}`, kind })))
}

export async function startPouchServer(pageDir: string): Promise<PouchServer> {
  const pouchApp = expressPouchDB(MemPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true })
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/db/')) {
      req.url = req.url.slice(3)
      pouchApp(req, res)
    } else serveStatic(pageDir, req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const url = `http://127.0.0.1:${port}`
  const meter = meterServer(server)
  return {
    url,
    meter,
    async createDb(name, docs) {
      const db = new MemPouch(name)
      for (let i = 0; i < docs.length; i += 2000) await db.bulkDocs(docs.slice(i, i + 2000))
      return `${url}/db/${name}`
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
