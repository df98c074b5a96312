import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Person } from '@/shared'
import { launchPhone, waitForServiceWorkerControl, type Phone } from '../helpers/e2e/browser'
import { deviceDatabases, deviceDb, metaValue, readStore } from '../helpers/e2e/idb'
import { DEMO_PASSWORD, login } from '../helpers/e2e/login'
import { grepProfile } from '../helpers/e2e/profile-grep'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * A shared family phone keeps nothing (issue 16): after 退出登录, and after an admin
 * disables the account, the Chromium profile directory on disk holds no resident's
 * name, phone or ID number in any encoding. Both journeys first prove the profile held
 * them (so a zero is not an artefact of how the files are written), and both leave a
 * visit recorded offline that must reach the server before the phone is wiped.
 */

let server: RunningServer

/** Signs in, waits for the first full sync, and returns a resident with every kind of number. */
async function signedInWithResident(page: Page, username: string): Promise<{ db: string; person: Person }> {
  await login(page, server.url, username)
  await waitForServiceWorkerControl(page)
  await expect.poll(async () => (await deviceDatabases(page)).length, { timeout: 20_000 }).toBe(1)
  const db = (await deviceDatabases(page))[0]!
  await expect
    .poll(async () => (await readStore<{ key: string; value: unknown }>(page, db, 'meta')).some((r) => r.key === 'lastSyncAt'), { timeout: 60_000 })
    .toBe(true)
  const persons = await readStore<Person>(page, db, 'persons')
  const person = persons.find((p) => p.idNumber.length === 18 && p.phone.length >= 11 && p.name.length >= 2)
  if (!person) throw new Error('no resident with an ID number and a phone in the demo')
  return { db, person }
}

/** Records a visit with no signal; returns its text (to find it on the server). */
async function recordVisitOffline(phone: Phone, householdId: string, seen: string): Promise<void> {
  const { page } = phone
  await phone.context.setOffline(true)
  await page.goto(`${server.url}/households/${householdId}/visits/new`)
  await page.locator('textarea[name="seen"]').fill(seen)
  await page.locator('[data-testid="save"]').click()
  await page.waitForURL(`**/households/${householdId}`)
}

/** Whether the server's database holds a visit with this text. */
function serverHasVisit(seen: string): boolean {
  const sqlite = new Database(join(server.dataDir, 'gridsister.db'), { readonly: true })
  try {
    return Boolean(sqlite.prepare("SELECT 1 FROM records WHERE kind = 'visit' AND data LIKE ?").get(`%${seen}%`))
  } finally {
    sqlite.close()
  }
}

/** Marks the page, so that the one opened after the wipe can be told from it. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { beforeWipe: true }))
}

/**
 * Waits for the page opened after the wipe (not the marked one) to be controlled by a
 * freshly installed service worker (it claims the page once its precache is complete).
 */
async function freshServiceWorker(page: Page): Promise<void> {
  const fresh = () =>
    page.evaluate(() => !('beforeWipe' in window) && navigator.serviceWorker.controller?.state === 'activated').catch(() => false)
  await expect.poll(fresh, { timeout: 60_000, interval: 250 }).toBe(true)
}

const needlesOf = (p: Person) => [p.name, p.phone, p.idNumber]

describe('a shared phone keeps nothing', () => {
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('after logout: it uploads first, names what waits, then the profile holds no resident', async () => {
    const phone = await launchPhone()
    const { page } = phone
    try {
      const { person } = await signedInWithResident(page, 'demo-worker-1')
      expect(grepProfile(phone.userDataDir, needlesOf(person)).length).toBeGreaterThan(0)
      const seen = `退出前记下的走访 ${Date.now()}`
      await recordVisitOffline(phone, person.householdId, seen)

      await page.goto(`${server.url}/settings`)
      await page.locator('[data-testid="logout"]').click()
      const dialog = page.locator('[data-testid="logout-dialog"]')
      await expect.poll(() => dialog.innerText(), { timeout: 15_000 }).toContain('1 条走访记录')
      expect(await dialog.innerText()).toContain('没有网络')
      await screenshot(page, 'logout-pending')

      await phone.context.setOffline(false)
      await page.locator('[data-testid="logout-upload"]').click()
      await page.locator('[data-testid="logout-wipe"]').waitFor({ timeout: 30_000 })
      expect(serverHasVisit(seen)).toBe(true)
      await screenshot(page, 'logout-confirm')
      await markPage(page)
      await page.locator('[data-testid="logout-wipe"]').click()
      await page.waitForURL('**/login', { timeout: 20_000 })
      // Clear-Site-Data "storage" took the service worker too; the login page opened
      // anew installs a fresh one, so the next person can still open the app offline.
      await freshServiceWorker(page)
      expect(await deviceDatabases(page)).toEqual([])
      await phone.context.setOffline(true)
      const reload = await page.reload()
      expect(reload?.fromServiceWorker()).toBe(true)
      await page.locator('[data-testid="login-submit"]').waitFor()

      await phone.context.close()
      expect(grepProfile(phone.userDataDir, needlesOf(person))).toEqual([])
    } finally {
      await phone.close()
    }
  }, 240_000)

  it('after a disable: what was made before goes up, then the phone is wiped and says why', async () => {
    const phone = await launchPhone()
    const { page } = phone
    try {
      const { person } = await signedInWithResident(page, 'demo-worker-2')
      expect(grepProfile(phone.userDataDir, needlesOf(person)).length).toBeGreaterThan(0)
      const seen = `停用前记下的走访 ${Date.now()}`
      await recordVisitOffline(phone, person.householdId, seen)

      // The administrator disables the account while the phone has no signal.
      const admin = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-admin', password: DEMO_PASSWORD }),
      }).then((r) => r.json() as Promise<{ token: string }>)
      const auth = { authorization: `Bearer ${admin.token}` }
      const users = await fetch(`${server.url}/api/admin/users`, { headers: auth }).then((r) => r.json() as Promise<{ id: string; username: string }[]>)
      const target = users.find((u) => u.username === 'demo-worker-2')!
      const disabled = await fetch(`${server.url}/api/admin/users/${target.id}/disable`, { method: 'POST', headers: auth })
      expect(disabled.status).toBe(200)

      await markPage(page)
      await phone.context.setOffline(false)
      await freshServiceWorker(page)
      await page.locator('[data-testid="account-disabled"]').waitFor({ timeout: 30_000 })
      expect(page.url()).toContain('/login')
      expect(serverHasVisit(seen)).toBe(true)
      expect(await page.locator('[data-testid="account-disabled"]').innerText()).toContain('已被停用')
      expect(await deviceDatabases(page)).toEqual([])
      await screenshot(page, 'account-disabled')

      await phone.context.close()
      expect(grepProfile(phone.userDataDir, needlesOf(person))).toEqual([])
    } finally {
      await phone.close()
    }
  }, 240_000)

  it('after a logout with no signal: the next sign-in has the browser delete what its files still held', async () => {
    const phone = await launchPhone()
    const { page } = phone
    try {
      const { person } = await signedInWithResident(page, 'demo-worker-1')
      await phone.context.setOffline(true)
      await page.goto(`${server.url}/settings`)
      await page.locator('[data-testid="logout"]').click()
      await page.locator('[data-testid="logout-wipe"]').click({ timeout: 30_000 })
      await page.waitForURL('**/login', { timeout: 20_000 })
      expect(await deviceDatabases(page)).toEqual([])
      // Deleted, yet the bytes are still in the browser's files: what the next sign-in clears.
      expect(grepProfile(phone.userDataDir, needlesOf(person)).length).toBeGreaterThan(0)

      // Someone else signs in on the same phone once there is signal again: the district
      // administrator, who receives no resident's record at all.
      await phone.context.setOffline(false)
      await markPage(page)
      await page.locator('[data-testid="login-username"] input').fill('demo-admin')
      await page.locator('[data-testid="login-password"] input').fill(DEMO_PASSWORD)
      await page.locator('[data-testid="login-submit"]').click()
      await freshServiceWorker(page)
      const db = await deviceDb(page)
      await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 60_000 }).toBeTruthy()
      expect(await readStore(page, db, 'persons')).toEqual([])

      await phone.context.close()
      expect(grepProfile(phone.userDataDir, needlesOf(person))).toEqual([])
    } finally {
      await phone.close()
    }
  }, 240_000)
})
