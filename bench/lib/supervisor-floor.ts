import { randomUUID } from 'node:crypto'
import type { SyncRun } from '../page/bench-api'
import { launchDevice, setLink, type Device, type LinkName } from './browser'
import type { OurServer } from './our-server'

/**
 * The floor of a first sync for any user: the records our server sends her (pulled here,
 * page by page, before any timing, so they are the very records and masks her device
 * receives), served as one gzip response and stored by one bulkPut per table on a fresh
 * device under the same CPU slowdown and link as the timed first syncs.
 */

type Table = 'households' | 'persons' | 'visits' | 'wishes' | 'assessments' | 'reviews'
const TABLE_OF: Record<string, Table> = {
  household: 'households', person: 'persons', visit: 'visits', wish: 'wishes', assessment: 'assessments', review: 'reviews',
}

interface PullPage {
  changes: { kind: string; record: object }[]
  cursors: Record<string, number>
  hasMore: boolean
}

/** Every record the server sends `username` on a first sync, by table, as JSON. */
export async function scopeJson(server: OurServer, username: string): Promise<{ json: string; records: number }> {
  const { token } = await server.login(username)
  const tables: Record<Table, object[]> = { households: [], persons: [], visits: [], wishes: [], assessments: [], reviews: [] }
  const clientId = randomUUID()
  let cursors: Record<string, number> = {}
  for (;;) {
    const res = await fetch(`${server.url}/api/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId, schemaVersion: 1, cursors }),
    })
    if (!res.ok) throw new Error(`pull for the floor: HTTP ${res.status} ${await res.text()}`)
    const page = (await res.json()) as PullPage
    for (const c of page.changes) tables[TABLE_OF[c.kind]!].push(c.record)
    cursors = page.cursors
    if (!page.hasMore) break
  }
  const records = Object.values(tables).reduce((n, l) => n + l.length, 0)
  return { json: JSON.stringify(tables), records }
}

/**
 * Times the floor on a fresh device: `prepare` slows its CPU (as the timed devices'), then
 * the page fetches `/bench/floor` and bulk-puts it.
 */
export async function floorRun(
  pageUrl: string,
  link: LinkName,
  prepare: (device: Device) => Promise<void>,
): Promise<SyncRun> {
  const device = await launchDevice()
  try {
    await device.page.goto(`${pageUrl}/`)
    await device.page.waitForFunction(() => Boolean(window.gsBench))
    await prepare(device)
    await setLink(device, link)
    return await device.page.evaluate((a) => window.gsBench.floor(a), { userId: randomUUID(), url: '/bench/floor' })
  } finally {
    await device.dispose()
  }
}
