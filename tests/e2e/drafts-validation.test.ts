import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generatedJpeg, launchPhone, waitForServiceWorkerControl, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * Issue 19 in the real browser: what she types survives back and reload as a draft, and
 * a mistyped date or phone is refused with a Chinese message under its field.
 */

interface StoredHousehold {
  id: string
  headName: string
  deleted: boolean
}
interface StoredReview {
  recordId: string
  recordKind: string
  state: string
}
interface StoredVisit {
  id: string
  householdId: string
}

const SEEN = '老人说腿疼，楼道灯坏了，'
const seenBox = (page: Page) => page.locator('textarea[name="seen"]')

describe('drafts and validation in the worker app', () => {
  let server: RunningServer
  let phone: Phone
  let page: Page
  let db: string
  let target: StoredHousehold

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone()
    page = phone.page
  })
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('signs in and receives her households', async () => {
    await login(page, server.url, 'demo-worker-1')
    await waitForServiceWorkerControl(page)
    db = await deviceDb(page)
    await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 60_000 }).toBeTruthy()
    target = (await readStore<StoredHousehold>(page, db, 'households')).find((h) => !h.deleted)!
    expect(target).toBeDefined()
  })

  it('type in the visit form, go back, answer 保存草稿, reopen: the text is back', async () => {
    // Inside the app, as she moves: the back gesture is then a history back within it.
    await page.goto(`${server.url}/households/${target.id}`)
    await page.locator('[data-testid="action-visit"]').click()
    await seenBox(page).fill(SEEN)
    await page.goBack()
    await page.locator('.van-dialog').getByText('保存草稿').click()
    await page.waitForURL((u) => u.pathname === `/households/${target.id}`)
    // Kept in the device database, not in the page's memory: the reopening below is a new page load.
    await expect.poll(async () => (await readStore<{ value: { seen: string } }>(page, db, 'drafts')).map((d) => d.value.seen), { timeout: 5_000 }).toEqual([SEEN])
    await page.goto(`${server.url}/households/${target.id}/visits/new`)
    await expect.poll(() => seenBox(page).inputValue(), { timeout: 15_000 }).toBe(SEEN)
    await expect.poll(() => page.locator('[data-testid="draft-restored"]').isVisible()).toBe(true)
    await screenshot(page, 'visit-draft-restored')
  })

  it('type and add a photo, reload: the text and the photo are back', async () => {
    await seenBox(page).fill(`${SEEN}已联系物业`)
    const jpeg = await generatedJpeg(page)
    await page.locator('[data-testid="photo-input"]').setInputFiles({ name: 'stairwell.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    await page.locator('[data-testid="photo-thumb"]').waitFor({ timeout: 20_000 })
    await page.waitForTimeout(1200)
    await page.reload()
    await expect.poll(() => seenBox(page).inputValue(), { timeout: 15_000 }).toBe(`${SEEN}已联系物业`)
    await expect.poll(() => page.locator('[data-testid="photo-thumb"] img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0)
  })

  it('Today lists the open draft, and a tap resumes it', async () => {
    await page.goto(server.url)
    const row = page.locator('[data-testid="draft-row"]').first()
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain(target.headName)
    await screenshot(page, 'today-drafts')
    await row.click()
    await expect.poll(() => seenBox(page).inputValue(), { timeout: 15_000 }).toBe(`${SEEN}已联系物业`)
  })

  it('refuses a visit dated next year with a message under the time, and stores nothing', async () => {
    const before = (await readStore(page, db, 'visits')).length
    await page.locator('#visit-at').fill('2027-06-01T10:00')
    await page.locator('[data-testid="save"]').click()
    await expect.poll(() => page.locator('.gs-field-error').first().innerText(), { timeout: 10_000 }).toContain('时间不能晚于现在')
    await screenshot(page, 'visit-future-refused')
    expect((await readStore(page, db, 'visits')).length).toBe(before)
  })

  it('refuses the phone "123" in the household form', async () => {
    await page.goto(`${server.url}/households/${target.id}`)
    await page.locator('.hh__edit').click()
    const phoneBox = page.locator('input[name="phone"]')
    await expect.poll(() => phoneBox.inputValue(), { timeout: 15_000 }).not.toBe('')
    await phoneBox.fill('123')
    await page.locator('[data-testid="save"]').click()
    await expect.poll(() => page.getByRole('alert').first().innerText(), { timeout: 10_000 }).toContain('请填 11 位手机号')
    await screenshot(page, 'household-phone-refused')
    const stored = (await readStore<StoredHousehold & { phone: string }>(page, db, 'households')).find((h) => h.id === target.id)
    expect(stored?.phone).not.toBe('123')
    // Leaving throws the refused input away.
    await page.goBack()
    await page.locator('.van-dialog').getByText('放弃').click()
  })

  it('corrects a returned visit offline: the comment heads the form, then 已更正，待上传 and one fewer under 被退回', async () => {
    const returned = (await readStore<StoredReview>(page, db, 'reviews')).filter((r) => r.state === 'returned' && r.recordKind === 'visit')
    const visits = await readStore<StoredVisit>(page, db, 'visits')
    const visit = visits.find((v) => returned.some((r) => r.recordId === v.id))
    expect(visit).toBeDefined()
    await page.goto(`${server.url}/visits/${visit!.id}`)
    await page.locator('[data-testid="correct"]').click()
    await expect.poll(() => page.locator('[data-testid="return-comment"]').innerText(), { timeout: 15_000 }).toContain('退回')
    await screenshot(page, 'visit-correction')
    // In a stairwell: saved with no signal, the visit is done from her side at once.
    const returnedCount = async () => {
      await page.goto(server.url)
      const title = page.locator('h2', { hasText: '被退回的记录' })
      await title.waitFor({ timeout: 15_000 })
      return Number(/\((\d+)\)/.exec(await title.innerText())?.[1])
    }
    const before = await returnedCount()
    await page.goto(`${server.url}/households/${visit!.householdId}/visits/new?corrects=${visit!.id}`)
    await phone.context.setOffline(true)
    await expect.poll(() => seenBox(page).inputValue(), { timeout: 15_000 }).not.toBe('')
    await seenBox(page).fill('补充：已核对政策，群众表示理解')
    await page.locator('[data-testid="save"]').click()
    await page.waitForURL((u) => u.pathname.startsWith('/visits/') && !u.pathname.endsWith(visit!.id))
    await page.goto(`${server.url}/visits/${visit!.id}`)
    await expect.poll(() => page.locator('[data-testid="corrected-note"] strong').innerText(), { timeout: 15_000 }).toBe('已更正，待上传')
    await screenshot(page, 'visit-corrected-offline')
    expect(await returnedCount()).toBe(before - 1)
    await phone.context.setOffline(false)
  })

  it('refuses a member whose ID number has a wrong check digit', async () => {
    await page.goto(`${server.url}/households/${target.id}/persons/new`)
    await page.locator('input[name="name"]').fill('宋小红')
    await page.locator('input[name="idNumber"]').fill('110105194912310021')
    await page.locator('[data-testid="save"]').click()
    await expect.poll(() => page.getByRole('alert').first().innerText(), { timeout: 10_000 }).toContain('身份证号校验位不对')
    await screenshot(page, 'person-id-refused')
  })
})
