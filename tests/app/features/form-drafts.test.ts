import { beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import AssessmentNewPage from '@/features/assessments/AssessmentNewPage.vue'
import HouseholdEditPage from '@/features/households/HouseholdEditPage.vue'
import PersonEditPage from '@/features/persons/PersonEditPage.vue'
import WishNewPage from '@/features/wishes/WishNewPage.vue'
import WishPage from '@/features/wishes/WishPage.vue'
import { createWish } from '@/features/wishes/wishes-repository'
import { listDrafts } from '@/db/drafts-repository'
import { actor, seedHousehold, wishInput } from '../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../helpers/app/mount-page'

/**
 * Issue 19: every form keeps a draft while she types and lays it back when she returns.
 * One journey per form: type, leave the screen (unmount), open it again.
 */
describe('drafts of every form', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  async function roundTrip(open: () => Promise<VueWrapper>, type: (w: VueWrapper) => Promise<void>, check: (w: VueWrapper) => void, form: string) {
    const w = await open()
    await type(w)
    await until(() => expect(listDrafts(app.db, app.user.id)).resolves.toMatchObject([{ form }]), 1500)
    w.unmount()
    const again = await open()
    await until(() => expect(again.find('[data-testid="draft-restored"]').exists()).toBe(true))
    check(again)
    again.unmount()
  }
  const value = (w: VueWrapper, sel: string) => (w.find(sel).element as HTMLInputElement).value

  it('household (new)', async () => {
    const open = () => app.mountPage(HouseholdEditPage, { path: '/households/new', props: {} })
    await roundTrip(open, (w) => w.find('input[name="headName"]').setValue('刘玉兰'), (w) => expect(value(w, 'input[name="headName"]')).toBe('刘玉兰'), 'household')
  })

  it('household (edit): the draft lies over the stored record', async () => {
    const h = await seedHousehold(app.db)
    const open = async () => {
      const w = await app.mountPage(HouseholdEditPage, { path: `/households/${h.id}/edit`, props: { id: h.id } })
      await until(() => expect(value(w, 'input[name="headName"]')).not.toBe(''))
      return w
    }
    await roundTrip(open, (w) => w.find('input[name="phone"]').setValue('13911112222'), (w) => expect(value(w, 'input[name="phone"]')).toBe('13911112222'), 'household')
  })

  it('person', async () => {
    const h = await seedHousehold(app.db)
    const open = () => app.mountPage(PersonEditPage, { path: `/households/${h.id}/persons/new`, props: { householdId: h.id } })
    await roundTrip(open, (w) => w.find('input[name="idNumber"]').setValue('11010519491231002'), (w) => expect(value(w, 'input[name="idNumber"]')).toBe('11010519491231002'), 'person')
  })

  it('wish', async () => {
    const h = await seedHousehold(app.db)
    const open = async () => {
      const w = await app.mountPage(WishNewPage, { path: `/households/${h.id}/wishes/new`, props: { id: h.id } })
      await until(() => expect(w.find('textarea[name="title"]').exists()).toBe(true))
      return w
    }
    await roundTrip(open, (w) => w.find('textarea[name="title"]').setValue('想学用智能手机'), (w) => expect(value(w, 'textarea[name="title"]')).toBe('想学用智能手机'), 'wish')
  })

  it('assessment', async () => {
    const h = await seedHousehold(app.db)
    const open = async () => {
      const w = await app.mountPage(AssessmentNewPage, { path: `/households/${h.id}/assessments/new`, props: { id: h.id } })
      await until(() => expect(w.text()).toContain('王秀英'))
      return w
    }
    const levelTwo = (w: VueWrapper) => w.findAll('[data-value="2"]')[0]!
    await roundTrip(open, (w) => levelTwo(w).trigger('click'), (w) => expect(levelTwo(w).attributes('aria-checked')).toBe('true'), 'assessment')
  })

  it('wish transition: resumed at /wishes/:id?step=claimed, the claim form opens with her input', async () => {
    const h = await seedHousehold(app.db)
    const wish = await createWish(app.db, wishInput(h.id), actor)
    const first = await app.mountPage(WishPage, { path: `/wishes/${wish.id}`, props: { id: wish.id } })
    await until(() => expect(first.find('[data-testid="act-claimed"]').exists()).toBe(true))
    await first.find('[data-testid="act-claimed"]').trigger('click')
    await first.find('input[name="claimant"]').setValue('爱心理发店')
    await until(() => expect(listDrafts(app.db, app.user.id)).resolves.toMatchObject([{ form: 'wish-transition', route: `/wishes/${wish.id}?step=claimed` }]), 1500)
    first.unmount()
    const again = await app.mountPage(WishPage, { path: `/wishes/${wish.id}?step=claimed`, props: { id: wish.id } })
    await until(() => expect(value(again, 'input[name="claimant"]')).toBe('爱心理发店'))
    again.unmount()
  })
})
