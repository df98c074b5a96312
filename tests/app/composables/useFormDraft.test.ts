import { beforeEach, describe, expect, it } from 'vitest'
import { computed, defineComponent, h, shallowRef } from 'vue'
import { useFormDraft, type LeaveChoice } from '@/composables/useFormDraft'
import { getDraft, putDraft } from '@/db/drafts-repository'
import { setupApp, until, type TestApp } from '../../helpers/app/mount-page'

/** A one-field form around the composable; a draft is written only on demand (long delay). */
function formWith(answer: LeaveChoice) {
  return defineComponent({
    setup() {
      const text = shallowRef('')
      const draft = useFormDraft<string>({
        formKey: () => 'note:1',
        value: () => text.value,
        restore: (v) => (text.value = v),
        isDirty: computed(() => text.value !== ''),
        ready: computed(() => true),
        info: () => ({ form: 'household', route: '/households/new', title: '' }),
        delayMs: 60_000,
        confirmLeave: async () => answer,
      })
      return () => h('input', { value: text.value, 'data-state': draft.state.value, onInput: (e: Event) => (text.value = (e.target as HTMLInputElement).value) })
    },
  })
}

describe('useFormDraft', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('writes at once when the page is hidden (the browser may be killed next)', async () => {
    const w = await app.mountPage(formWith('save'))
    await until(() => expect(w.find('input').attributes('data-state')).toBe('fresh'))
    await w.find('input').setValue('半句话')
    expect(await getDraft(app.db, app.user.id, 'note:1')).toBeUndefined()
    window.dispatchEvent(new Event('pagehide'))
    await until(() => expect(getDraft(app.db, app.user.id, 'note:1')).resolves.toMatchObject({ value: '半句话' }))
    w.unmount()
  })

  it('keeps her on the form when she answers neither (a tap outside the dialog)', async () => {
    const w = await app.mountPage(formWith('stay'), { path: '/households/new' })
    await until(() => expect(w.find('input').attributes('data-state')).toBe('fresh'))
    await w.find('input').setValue('还在写')
    await app.router.push('/').catch(() => undefined)
    expect(app.router.currentRoute.value.path).toBe('/households/new')
    w.unmount()
  })

  it("restores another user's form never: drafts are keyed by the signed-in user", async () => {
    await putDraft(app.db, 'someone-else', 'note:1', { form: 'household', route: '/', title: '' }, '别人的草稿')
    const w = await app.mountPage(formWith('save'))
    await until(() => expect(w.find('input').attributes('data-state')).toBe('fresh'))
    expect((w.find('input').element as HTMLInputElement).value).toBe('')
    w.unmount()
  })
})
