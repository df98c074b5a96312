import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Address } from '@/shared'
import { sortByAddress } from '@/shared/rules/address-order'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { deviceDb, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * The household list as she walks (issue 18) on the demo community: the list grouped by
 * 小区 › 楼栋 › 单元 in walking order, a jump by the building index, a filter by one
 * building, a member found by name, and Today → 这栋楼 with the due households first.
 * Expected orders and counts come from what IndexedDB really holds.
 */

interface StoredHousehold {
  id: string
  headName: string
  address: Address
  lastVisitAt: string | null
  deleted: boolean
}
interface StoredPerson {
  householdId: string
  name: string
  deleted: boolean
}

const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`)
const keyOf = (a: Address) => `${a.estate}|${a.building}`
const rowIds = (page: Page) =>
  byTest(page, 'household-row').evaluateAll((rows) => rows.map((r) => (r.getAttribute('href') ?? '').split('/').pop()))

describe('walking the grid building by building', () => {
  let server: RunningServer
  let phone: Phone
  let page: Page
  let households: StoredHousehold[]
  let persons: StoredPerson[]

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone()
    page = phone.page
    await login(page, server.url, 'demo-worker-1')
    await page.locator('main.today[data-first-sync="done"]').waitFor({ timeout: 240_000 })
    const db = await deviceDb(page)
    households = (await readStore<StoredHousehold>(page, db, 'households')).filter((h) => !h.deleted)
    persons = (await readStore<StoredPerson>(page, db, 'persons')).filter((p) => !p.deleted)
  })
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('Today → 这栋楼 opens the building visited last; another building lists its due households first', async () => {
    const last = [...households].filter((h) => h.lastVisitAt).sort((a, b) => (a.lastVisitAt! < b.lastVisitAt! ? 1 : -1))[0]!
    const dueText = await byTest(page, 'due-row').first().innerText()
    const line = (a: Address) => [a.estate, a.building, a.unit, a.door].filter(Boolean).join(' ')
    const due = households.find((h) => dueText.includes(h.headName) && dueText.includes(line(h.address)))!
    await byTest(page, 'today-building').scrollIntoViewIfNeeded()
    await screenshot(page, 'today-this-building')
    await byTest(page, 'today-building').click()
    await page.waitForURL((u) => u.pathname === '/building')
    await expect.poll(() => byTest(page, 'building-name').innerText()).toBe(`${last.address.estate} ${last.address.building}`)

    await byTest(page, 'building-pick').click()
    await page.locator(`[data-testid="index-building"][data-key="${keyOf(due.address)}"]`).last().click()
    await expect.poll(() => byTest(page, 'building-name').innerText()).toBe(`${due.address.estate} ${due.address.building}`)
    const dueRows = byTest(page, 'building-due').locator('[data-testid="household-row"]')
    await expect.poll(() => dueRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('href')))).toContain(`/households/${due.id}`)
    // Due first: the due list comes before the rest, and every due row says why.
    const order = await page.locator('[data-testid="building-due"], [data-testid="building-others"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
    expect(order[0]).toBe('building-due')
    for (const text of await dueRows.allInnerTexts()) expect(text).toMatch(/从未走访|已超期 \d+ 天|\d+ 天内到期|今天到期/)
    const inBuilding = households.filter((h) => keyOf(h.address) === keyOf(due.address)).length
    const others = await byTest(page, 'building-others').locator('[data-testid="household-row"]').count()
    expect((await dueRows.count()) + others).toBe(inBuilding)
    await screenshot(page, 'walk-this-building')
  }, 180_000)

  it('lists the households grouped by building in walking order, and jumps by the index', async () => {
    await byTest(page, 'back').click()
    await page.locator('.tab-bar__item', { hasText: '住户' }).click()
    await page.waitForURL('**/households')
    const expected = sortByAddress(households, (h) => h.address, (a, b) => a.headName.localeCompare(b.headName, 'zh-CN')).map((h) => h.id)
    await expect.poll(async () => (await rowIds(page)).length).toBeGreaterThanOrEqual(20)
    const shown = await rowIds(page)
    expect(shown).toEqual(expected.slice(0, shown.length))
    const first = households.find((h) => h.id === expected[0])!
    expect(await byTest(page, 'section-head').first().innerText()).toContain(`${first.address.estate} ${first.address.building} ${first.address.unit}`)
    await screenshot(page, 'households-grouped')

    // A building well past the first page (not the very last, which the page cannot
    // scroll to the top): the index draws the list up to it and lands on its header.
    const target = households.find((h) => h.id === expected[Math.floor(expected.length * 0.6)])!
    await byTest(page, 'jump-button').click()
    await byTest(page, 'building-index').waitFor()
    await screenshot(page, 'households-index')
    await page.locator(`[data-testid="index-building"][data-key="${keyOf(target.address)}"]`).click()
    // The section itself (not only its sticky header) starts right under the page's sticky top.
    const section = page.locator(`[data-building="${keyOf(target.address)}"]`).first()
    await section.waitFor()
    const stickyBottom = async () => (await page.locator('.hh-list__head').boundingBox())!.height
    await expect.poll(async () => Math.abs((await section.boundingBox())!.y - (await stickyBottom())) < 4).toBe(true)
    await screenshot(page, 'households-jumped')
  }, 180_000)

  it('filters by one building of one estate', async () => {
    const some = households.find((h) => h.address.building === '2栋')!
    await page.locator('.van-dropdown-menu__item').nth(0).click()
    await byTest(page, 'estate-filter').locator('.van-dropdown-item__option', { hasText: some.address.estate }).click()
    await page.locator('.van-dropdown-menu__item').nth(1).click()
    await byTest(page, 'building-filter').locator('.van-dropdown-item__option', { hasText: new RegExp(`^${some.address.building}$`) }).click()
    const count = households.filter((h) => keyOf(h.address) === keyOf(some.address)).length
    await expect.poll(() => byTest(page, 'household-count').innerText()).toBe(`共 ${count} 户`)
    const sections = await byTest(page, 'household-section').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-building')))])
    expect(sections).toEqual([keyOf(some.address)])
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'households-filtered')
    // In and out of a household of the building: back lands on the same building.
    await byTest(page, 'household-row').first().click()
    await page.waitForURL((u) => /^\/households\/[^/]+$/.test(u.pathname))
    await page.goBack()
    await expect.poll(() => byTest(page, 'household-count').innerText()).toBe(`共 ${count} 户`)
  }, 120_000)

  it('finds a household by the name of a member who is not its head, and says who matched', async () => {
    await page.locator('.van-dropdown-menu__item').nth(0).click()
    await byTest(page, 'estate-filter').locator('.van-dropdown-item__option').first().click()
    // A name no head's and no other member's name contains, so exactly one household has it.
    const heads = households.map((h) => h.headName)
    const member = persons.find((p) => !heads.some((h) => h.includes(p.name)) && persons.filter((o) => o.name.includes(p.name)).length === 1)!
    await byTest(page, 'household-search').locator('input').fill(member.name)
    const rows = byTest(page, 'household-row')
    await expect.poll(() => rows.count()).toBe(1)
    await expect.poll(() => rows.first().locator('[data-testid="member-match"]').innerText()).toBe(`成员：${member.name}`)
    expect(await rows.first().getAttribute('href')).toBe(`/households/${member.householdId}`)
    await screenshot(page, 'households-member-search')
    expect(phone.errors).toEqual([])
  }, 120_000)
})
