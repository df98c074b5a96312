import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeHlc, SCHEMA_VERSION, type Mutation, type PushReply } from '@/shared'
import { launchPhone, waitForServiceWorkerControl, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, outboxMutations, readStore } from '../helpers/e2e/idb'
import { DEMO_PASSWORD, login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * Issue 15, finding 1 (docs/sync.md, guarantee 7), in real Chromium: worker 1 changes a
 * household's notes offline; meanwhile the supervisor changes the same notes, later by
 * the clock. When the phone comes back its edit loses the merge. The supervisor's inbox
 * has the conflict, and the worker's phone says so too: the edit is listed on the sync
 * page with the reason, until she dismisses it, and the household shows the kept value.
 */

const MINE = '工作人员离线写的备注'
const THEIRS = '主席同时写的备注'

describe('a worker is told when her edit lost to a concurrent one', () => {
  let server: RunningServer
  let phone: Phone

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone()
  })
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('offline edit, concurrent newer edit on the server, back online: the loss is shown on her phone', async () => {
    const page = phone.page
    await login(page, server.url, 'demo-worker-1')
    const wdb = await deviceDb(page)
    await expect.poll(() => metaValue(page, wdb, 'lastSyncAt'), { timeout: 90_000 }).toBeTruthy()
    await waitForServiceWorkerControl(page)
    const target = (await readStore<{ id: string; gridId: string; deleted: boolean; hlc: Record<string, string> }>(page, wdb, 'households')).find((h) => !h.deleted)!

    await phone.context.setOffline(true)
    await page.goto(`${server.url}/households/${target.id}/edit`).catch(() => undefined)
    await page.locator('textarea[name="notes"]').fill(MINE)
    await page.locator('[data-testid="save"]').click()
    await page.waitForURL(`**/households/${target.id}`)
    expect((await outboxMutations<Mutation>(page, wdb)).map((m) => m.name)).toContain('household.put')

    // The supervisor, online, changes the same notes; her phone's clock is an hour ahead.
    const login2 = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-supervisor', password: DEMO_PASSWORD }) })
    const { token } = (await login2.json()) as { token: string }
    const theirs: Mutation = {
      mutationId: randomUUID(), seq: 1, name: 'household.put', hlc: encodeHlc({ millis: Date.now() + 3_600_000, counter: 0, node: 'sup' }),
      schemaVersion: SCHEMA_VERSION, createdAt: new Date().toISOString(),
      args: { id: target.id, gridId: target.gridId, patch: { notes: THEIRS }, base: { notes: target.hlc.notes ?? null } },
    } as Mutation
    const res = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId: randomUUID(), schemaVersion: SCHEMA_VERSION, mutations: [theirs] }),
    })
    expect(((await res.json()) as PushReply).results[0]?.status).toBe('applied')

    await page.goto(`${server.url}/`).catch(() => undefined)
    await phone.context.setOffline(false)
    await expect.poll(async () => (await outboxMutations(page, wdb)).length, { timeout: 60_000 }).toBe(0)
    await expect.poll(async () => (await readStore<{ code: string }>(page, wdb, 'rejections')).map((r) => r.code), { timeout: 30_000 }).toEqual(['conflict'])
    await expect.poll(async () => (await readStore<{ id: string; notes: string }>(page, wdb, 'households')).find((h) => h.id === target.id)?.notes, { timeout: 30_000 }).toBe(THEIRS)

    await page.goto(`${server.url}/sync`)
    const row = page.locator('[data-testid="rejection"]')
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1)
    // The server's own reason names the field that lost.
    expect(await row.innerText()).toContain('别人同时改了同一项（备注）')
    await screenshot(page, 'conflict-told')
    await row.locator('[data-testid="rejection-dismiss"]').click()
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0)
    expect(phone.errors.filter((e) => !/favicon|Failed to load resource/.test(e))).toEqual([])
  }, 240_000)
})
