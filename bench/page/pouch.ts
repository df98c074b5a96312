import type { Visit } from '@/shared'
import type { PouchDatabase, PouchStatic } from '../lib/pouch-api'
import type { PouchRun } from './bench-api'

/**
 * PouchDB's side of the comparison: its browser build (IndexedDB adapter), default
 * replication options, one local database per page. Loaded only when used.
 */

let local: PouchDatabase | null = null

async function pouch(): Promise<PouchStatic> {
  const mod = (await import('pouchdb-browser')) as unknown as { default: PouchStatic }
  return mod.default
}

async function localDb(): Promise<PouchDatabase> {
  if (!local) local = new (await pouch())('bench-device')
  return local
}

export async function pouchPull({ url }: { url: string }): Promise<PouchRun> {
  const db = await localDb()
  const t0 = performance.now()
  const r = await db.replicate.from(url)
  const ms = performance.now() - t0
  const info = await db.info()
  return { ms, docsRead: r.docs_read, docsWritten: r.docs_written, failures: r.doc_write_failures, stored: info.doc_count }
}

export async function pouchWriteVisits({ url, visits }: { url: string; visits: Visit[] }): Promise<number> {
  const db = await localDb()
  // A first push establishes PouchDB's checkpoint for this direction (it has to look at
  // every pulled document once); a live app would have done that long before.
  await db.replicate.to(url)
  for (let i = 0; i < visits.length; i += 200) {
    await db.bulkDocs(visits.slice(i, i + 200).map((v) => ({ ...v, _id: `visit:${v.id}`, kind: 'visit' })))
  }
  return (await db.info()).doc_count
}

export async function pouchPush({ url }: { url: string }): Promise<PouchRun> {
  const db = await localDb()
  const t0 = performance.now()
  const r = await db.replicate.to(url)
  const ms = performance.now() - t0
  const info = await db.info()
  return { ms, docsRead: r.docs_read, docsWritten: r.docs_written, failures: r.doc_write_failures, stored: info.doc_count }
}
