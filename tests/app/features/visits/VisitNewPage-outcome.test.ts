import { beforeEach, describe, expect, it } from 'vitest'
import VisitNewPage from '@/features/visits/VisitNewPage.vue'
import { createVisit } from '@/features/visits/visits-repository'
import { createWish } from '@/features/wishes/wishes-repository'
import { getPhrasePrefs } from '@/features/visits/phrases-repository'
import { saveCommunitySettings } from '@/features/community/community-settings-repository'
import { actor, seedHousehold, visitInput, wishInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

const NOW = new Date()
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString()
const noText = { seen: '', asked: '', done: '', policies: [] }

/** The visit form's outcome first, its 常用语 and the household's context. */
describe('VisitNewPage outcome, phrases and context', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  async function openForm(keyGroups: ('elderly-alone' | 'disabled')[] = ['elderly-alone']) {
    const h = await seedHousehold(app.db, { keyGroups })
    const w = await app.mountPage(VisitNewPage, { props: { id: h.id, now: () => NOW } })
    await until(() => expect(w.find('[data-testid="visit-context"]').exists()).toBe(true))
    return { h, w }
  }

  it('saves 家中无人 with one tap on an empty form, as an attempt that moves no last visit', async () => {
    const { h, w } = await openForm()
    await w.find('[data-testid="outcome-not-home"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}`))
    const [v] = await app.db.visits.toArray()
    expect(v).toMatchObject({ outcome: 'not-home', seen: '', method: 'in-person', nextVisitOn: null })
    expect(await app.db.households.get(h.id)).toMatchObject({ lastVisitAt: null, promisedOn: null })
    await until(() => expect(document.body.textContent).toContain('已记下：家中无人'))
    w.unmount()
  })

  it('records one attempt when 家中无人 is tapped twice in a row', async () => {
    const { h, w } = await openForm()
    const button = w.find('[data-testid="outcome-not-home"]')
    await Promise.all([button.trigger('click'), button.trigger('click')])
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}`))
    expect(await app.db.visits.count()).toBe(1)
    w.unmount()
  })

  it('marks 电话未接通 as a phone call', async () => {
    const { w } = await openForm()
    await w.find('[data-testid="outcome-no-answer"]').trigger('click')
    await until(async () => expect(await app.db.visits.toArray()).toMatchObject([{ outcome: 'no-answer', method: 'phone' }]))
    w.unmount()
  })

  it('only selects an attempt when she has written something, and saves it with 保存', async () => {
    const { w } = await openForm()
    await w.find('textarea[name="seen"]').setValue('敲门没人应，邻居说去女儿家了')
    await w.find('[data-testid="outcome-not-home"]').trigger('click')
    expect(w.find('[data-testid="outcome-not-home"]').attributes('aria-checked')).toBe('true')
    expect(await app.db.visits.count()).toBe(0)
    await w.find('[data-testid="save"]').trigger('click')
    await until(async () => expect(await app.db.visits.toArray()).toMatchObject([{ outcome: 'not-home', seen: '敲门没人应，邻居说去女儿家了' }]))
    w.unmount()
  })

  it('inserts a phrase with one tap, appending to what is written, and counts its use', async () => {
    const { w } = await openForm()
    await w.find('[data-testid="outcome-met"]').trigger('click')
    const seen = w.find('textarea[name="seen"]')
    await seen.setValue('老人在家')
    const chip = w.find('[data-testid="phrases-seen"] [data-testid="phrase-chip"]')
    const phrase = chip.text()
    await chip.trigger('click')
    expect((seen.element as HTMLTextAreaElement).value).toBe(`老人在家，${phrase}`)
    await until(async () => expect((await getPhrasePrefs(app.db)).usage.seen).toEqual({ [phrase]: 1 }))
    await w.find('[data-testid="save"]').trigger('click')
    await until(async () => expect(await app.db.visits.toArray()).toMatchObject([{ outcome: 'met', seen: `老人在家，${phrase}` }]))
    w.unmount()
  })

  it('refuses 拒绝访问 without a note and saves nothing', async () => {
    const { w } = await openForm()
    await w.find('[data-testid="outcome-refused"]').trigger('click')
    expect(w.find('textarea[name="seen"]').attributes('placeholder')).toBe('请简单写明拒绝原因')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(w.text()).toContain('拒绝访问时，请简单写一句原因'))
    expect(await app.db.visits.count()).toBe(0)
    w.unmount()
  })

  it('adds her own phrase in the sheet, first among the chips', async () => {
    const { w } = await openForm()
    await w.find('[data-testid="phrases-edit-asked"]').trigger('click')
    await until(() => expect(document.querySelector('[data-testid="phrase-sheet"]')).not.toBeNull())
    const input = document.querySelector<HTMLInputElement>('[data-testid="phrase-new"]')!
    input.value = '想申请适老化改造'
    input.dispatchEvent(new Event('input'))
    document.querySelector<HTMLButtonElement>('[data-testid="phrase-done"]')!.click()
    await until(() => expect(w.find('[data-testid="phrases-asked"] [data-testid="phrase-chip"]').text()).toBe('想申请适老化改造'))
    expect((await getPhrasePrefs(app.db)).own.asked?.[0]).toBe('想申请适老化改造')
    w.unmount()
  })

  it("offers the community's phrases (its supervisor's list) after her own, and one tap inserts one", async () => {
    await saveCommunitySettings(app.db, '0190a000-0000-7000-8000-0000000000cc', { done: ['已联系社区卫生服务站上门'] })
    const { w } = await openForm()
    await until(() => expect(w.findAll('[data-testid="phrases-done"] [data-testid="phrase-chip"]').map((c) => c.text())).toContain('已联系社区卫生服务站上门'))
    const chips = w.findAll('[data-testid="phrases-done"] [data-testid="phrase-chip"]')
    expect(chips.at(-1)?.text()).toBe('已联系社区卫生服务站上门')
    await chips.at(-1)!.trigger('click')
    expect((w.find('textarea[name="done"]').element as HTMLTextAreaElement).value).toBe('已联系社区卫生服务站上门')
    await until(async () => expect((await getPhrasePrefs(app.db)).usage.done).toEqual({ 已联系社区卫生服务站上门: 1 }))
    w.unmount()
  })

  it('shows the days since the last completed visit, a newer attempt, the last request, promise and open wishes', async () => {
    const h = await seedHousehold(app.db, { keyGroups: ['elderly-alone'] })
    const next = new Date(NOW.getTime() + 5 * 86_400_000).toISOString().slice(0, 10)
    await createVisit(app.db, visitInput(h.id, { visitedAt: daysAgo(9), asked: '想上门理发', done: '联系理发志愿者', nextVisitOn: next }), actor)
    await createVisit(app.db, visitInput(h.id, { visitedAt: daysAgo(2), outcome: 'not-home', ...noText }), actor)
    await createWish(app.db, wishInput(h.id, { title: '上门理发' }), actor)
    const w = await app.mountPage(VisitNewPage, { props: { id: h.id, now: () => NOW } })
    await until(() => expect(w.find('[data-testid="context-days"]').text()).toContain('距上次走访 9 天'))
    expect(w.find('[data-testid="context-attempt"]').text()).toContain('家中无人')
    expect(w.find('[data-testid="context-asked"]').text()).toContain('想上门理发')
    expect(w.find('[data-testid="context-done"]').text()).toContain('联系理发志愿者')
    expect(w.find('[data-testid="context-wishes"]').text()).toContain('未完成心愿 1 个')
    expect(w.find('[data-testid="visit-context"]').text()).toContain('孤寡老人')
    w.unmount()
  })
})
