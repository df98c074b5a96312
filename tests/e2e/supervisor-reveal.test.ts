import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Household, Person } from '@/shared'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * Data minimisation in a real browser (issue 16): the supervisor's laptop stores every
 * resident's ID number and phone masked; her review page shows a number in full only
 * through the online reveal, which the server audits.
 */
describe('supervisor: masked numbers, revealed online', () => {
  let server: RunningServer
  let sup: Phone

  beforeAll(async () => {
    server = await startServer()
    sup = await launchPhone({ viewport: { width: 1280, height: 800 } })
  })
  afterAll(async () => {
    await sup?.close()
    await server?.stop()
  })

  it('stores no full ID number or phone on her device, and reveals one on request, audited', async () => {
    const page = sup.page
    await login(page, server.url, 'demo-supervisor')
    const db = await deviceDb(page)
    await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 120_000 }).toBeTruthy()
    const persons = await readStore<Person>(page, db, 'persons')
    const households = await readStore<Household>(page, db, 'households')
    expect(persons.length).toBeGreaterThan(1000)
    expect(persons.filter((p) => /^\d{17}[\dXx]$/.test(p.idNumber))).toEqual([])
    expect(persons.filter((p) => p.idNumber).every((p) => /^\d{4}\*{10}[\dXx]{4}$/.test(p.idNumber))).toBe(true)
    expect([...persons, ...households].filter((r) => /^\d{11}$/.test(r.phone))).toEqual([])

    const h = households.find((x) => x.phone.includes('*') && !x.deleted)!
    await page.goto(`${server.url}/supervisor/review/household/${h.id}`)
    const reveal = page.locator('[data-testid="reveal"]').first()
    await expect.poll(() => reveal.innerText(), { timeout: 30_000 }).toContain('查看完整号码')
    await reveal.locator('[data-testid="reveal-button"]').click()
    await expect.poll(() => reveal.innerText(), { timeout: 15_000 }).toMatch(/电话：\d{11}/)
    const full = /电话：(\d{11})/.exec(await reveal.innerText())![1]!
    expect(full.slice(0, 3)).toBe(h.phone.slice(0, 3))
    expect(full.slice(-4)).toBe(h.phone.slice(-4))
    await screenshot(page, 'supervisor-reveal-desktop')

    const sqlite = new Database(join(server.dataDir, 'gridsister.db'), { readonly: true })
    try {
      const entries = sqlite.prepare("SELECT detail FROM audit WHERE action = 'reveal'").all() as { detail: string }[]
      expect(entries.map((e) => JSON.parse(e.detail) as { id: string })).toEqual([expect.objectContaining({ kind: 'household', id: h.id })])
    } finally {
      sqlite.close()
    }
    // The full number was shown, never stored.
    expect((await readStore<Household>(page, db, 'households')).find((x) => x.id === h.id)?.phone).toBe(h.phone)

    // Should she open a member's form, the masked numbers are read-only there.
    const member = persons.find((p) => p.idNumber.includes('*') && !p.deleted)!
    await page.goto(`${server.url}/persons/${member.id}/edit`)
    const idField = page.locator('input[name="idNumber"]')
    await expect.poll(() => idField.inputValue(), { timeout: 15_000 }).toBe(member.idNumber)
    expect(await idField.getAttribute('readonly')).not.toBeNull()
    await screenshot(page, 'supervisor-person-masked-desktop')
  }, 240_000)
})
