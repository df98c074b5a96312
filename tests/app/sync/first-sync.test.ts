import { describe, expect, it } from 'vitest'
import { createSyncClient, type SyncProgress } from '@/sync/sync-client'
import { getMeta, setMeta } from '@/db/meta-repository'
import { GRID_ID, makeDb } from '../../helpers/app/factories'
import { change, error, json, pullReply, scriptedServer, serverHousehold } from './sync-test-kit'

function setup() {
  const db = makeDb()
  const server = scriptedServer()
  const progress: SyncProgress[] = []
  const client = createSyncClient({
    db, baseUrl: 'http://sync.test', fetch: server.fetch, getToken: () => 'tok', locks: null, onProgress: (p) => progress.push(p),
    backoff: { baseMs: 1, maxMs: 1 },
  })
  return { db, server, client, progress }
}

const page = (n: number, cursor: number, remaining: number) =>
  pullReply({
    changes: Array.from({ length: n }, () => change('household', serverHousehold())),
    cursors: { [GRID_ID]: cursor },
    hasMore: remaining > 0,
    remaining,
  })

describe('first sync', () => {
  it('counts x / y from the server total and is complete only after the last page', async () => {
    const { db, server, client, progress } = setup()
    const pages = [page(2, 2, 3), page(2, 4, 1), page(1, 5, 0)]
    const seen: unknown[] = []
    server.on('POST', '/api/sync/pull', async () => {
      seen.push(await getMeta(db, 'firstSync'))
      return json(pages.shift() ?? page(0, 5, 0))
    })
    await client.syncOnce()
    expect(progress.filter((p) => p.phase === 'pull').map((p) => [p.done, p.total])).toEqual([[2, 5], [4, 5], [5, 5]])
    // Never complete while pages were still to come.
    expect(seen.every((m) => m === undefined || (m as { complete: boolean }).complete === false)).toBe(true)
    expect(await getMeta(db, 'firstSync')).toEqual({ done: 5, total: 5, complete: true })
  })

  it('resumes a broken-off first sync and counts on from what was stored', async () => {
    const { db, server, client, progress } = setup()
    const pages: (ReturnType<typeof page> | null)[] = [page(2, 2, 3), null]
    server.on('POST', '/api/sync/pull', () => {
      const next = pages.shift()
      return next === null ? error(503, 'unavailable') : json(next ?? page(3, 5, 0))
    })
    const broken = await client.syncOnce()
    expect(broken.state).not.toBe('idle')
    expect(await getMeta(db, 'firstSync')).toEqual({ done: 2, total: 5, complete: false })
    await client.syncOnce()
    expect(progress.at(-1)).toMatchObject({ phase: 'pull', done: 5, total: 5 })
    expect(await getMeta(db, 'firstSync')).toEqual({ done: 5, total: 5, complete: true })
  })

  it('leaves a device that synced before untouched (its first sync is long done)', async () => {
    const { db, server, client } = setup()
    await setMeta(db, 'lastSyncAt', '2026-12-01T08:00:00.000Z')
    server.on('POST', '/api/sync/pull', () => json(page(1, 9, 0)))
    await client.syncOnce()
    expect(await getMeta(db, 'firstSync')).toBeUndefined()
  })
})
