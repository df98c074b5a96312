import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, type Mutation, type PullReply, type Visit } from '@/shared'
import { launchPhone, waitForServiceWorkerControl, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, outboxMutations, readStore } from '../helpers/e2e/idb'
import { DEMO_PASSWORD, login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * Issue 15, finding 3 in real Chromium against the real server (docs/sync.md, guarantee 6).
 * Worker 1, offline, records a visit in each of her two grids. The administrator moves
 * both grids to worker 2: the first just now, the second (as the server's history will
 * say) two days before her phone recorded anything in it. Back online, her phone sends
 * both: the visit made while the first grid was hers is accepted and reaches worker 2;
 * the other is refused with a Chinese reason and stays on her phone, with its content,
 * until she dismisses it. Her phone then holds neither grid.
 */

const BEFORE_MOVE = '重点户回访：老人腿脚不便，需要上门理发'
const AFTER_MOVE = '调整之后才记的这一条'
const TWO_DAYS = 2 * 24 * 3_600_000

async function api<T>(server: RunningServer, path: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

const tokenOf = async (server: RunningServer, username: string) =>
  (await api<{ token: string }>(server, '/api/auth/login', null, { username, password: DEMO_PASSWORD })).token

describe('reassigning grids while a worker is offline', () => {
  let server: RunningServer
  let phone: Phone
  let wdb: string
  const visits: Visit[] = []
  const gridIds: string[] = []

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone()
  })
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('offline, worker 1 records a visit in each of her grids', async () => {
    const page = phone.page
    await login(page, server.url, 'demo-worker-1')
    wdb = await deviceDb(page)
    await expect.poll(() => metaValue(page, wdb, 'lastSyncAt'), { timeout: 90_000 }).toBeTruthy()
    await waitForServiceWorkerControl(page)
    const households = (await readStore<{ id: string; gridId: string; deleted: boolean }>(page, wdb, 'households')).filter((h) => !h.deleted)
    gridIds.push(...[...new Set(households.map((h) => h.gridId))].sort())
    expect(gridIds).toHaveLength(2)
    await phone.context.setOffline(true)
    for (const [i, seen] of [BEFORE_MOVE, AFTER_MOVE].entries()) {
      const target = households.find((h) => h.gridId === gridIds[i])!
      await page.goto(`${server.url}/households/${target.id}/visits/new`).catch(() => undefined)
      await page.locator('textarea[name="seen"]').fill(seen)
      await page.locator('[data-testid="save"]').click()
      await page.waitForURL(`**/households/${target.id}`)
    }
    const pending = await outboxMutations<Mutation>(page, wdb)
    visits.push(...pending.flatMap((m) => (m.name === 'visit.create' ? [m.args] : [])))
    expect(visits.map((v) => v.seen)).toEqual([BEFORE_MOVE, AFTER_MOVE])
  }, 180_000)

  it('the administrator moves both grids to worker 2; the second, as history says, two days ago', async () => {
    const admin = await tokenOf(server, 'demo-admin')
    const users = await api<{ id: string; username: string }[]>(server, '/api/admin/users', admin)
    const worker2 = users.find((u) => u.username === 'demo-worker-2')!
    for (const id of gridIds) await api(server, `/api/admin/grids/${id}/assign`, admin, { workerId: worker2.id })
    // Worker 1's phone recorded the second visit two days after that grid left her.
    const db = new Database(join(server.dataDir, 'gridsister.db'))
    db.prepare('UPDATE grid_assignments SET to_at = to_at - ? WHERE grid_id = ? AND to_at IS NOT NULL').run(TWO_DAYS, gridIds[1])
    db.close()
  })

  it('back online, the visit made while the grid was hers reaches worker 2; the other stays on her phone with the reason', async () => {
    const page = phone.page
    await page.goto(`${server.url}/`).catch(() => undefined)
    await phone.context.setOffline(false)
    await expect.poll(async () => (await outboxMutations(page, wdb)).length, { timeout: 60_000 }).toBe(0)
    await expect.poll(async () => (await readStore(page, wdb, 'grids')).length, { timeout: 60_000 }).toBe(0)

    const worker2 = await tokenOf(server, 'demo-worker-2')
    const ids = new Set<string>()
    const clientId = crypto.randomUUID()
    let cursors: PullReply['cursors'] = {}
    for (let more = true; more; ) {
      const page = await api<PullReply>(server, '/api/sync/pull', worker2, { clientId, schemaVersion: SCHEMA_VERSION, cursors })
      for (const c of page.changes) ids.add(c.record.id)
      cursors = page.cursors
      more = page.hasMore
    }
    expect(ids.has(visits[0]!.id)).toBe(true)
    expect(ids.has(visits[1]!.id)).toBe(false)

    const rejections = await readStore<{ mutationId: string; code: string; message: string; mutation: Mutation }>(page, wdb, 'rejections')
    expect(rejections).toHaveLength(1)
    expect(rejections[0]).toMatchObject({ code: 'out-of-scope', mutation: { args: { seen: AFTER_MOVE } } })
    expect(rejections[0]!.message).toContain('调整给其他网格员')
    await page.goto(`${server.url}/sync`)
    const row = page.locator('[data-testid="rejection"]')
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1)
    expect(await row.innerText()).toContain('调整给其他网格员')
    await screenshot(page, 'reassign-rejected-kept')
  }, 180_000)

  it('the refused visit stays until she dismisses it', async () => {
    const page = phone.page
    await page.reload()
    const row = page.locator('[data-testid="rejection"]')
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1)
    await row.locator('[data-testid="rejection-dismiss"]').click()
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0)
    expect(phone.errors.filter((e) => !/favicon|Failed to load resource/.test(e))).toEqual([])
  }, 60_000)
})
