import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref, type Plugin } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import { i18n } from '@/i18n'
import UpdatePrompt from '@/features/pwa/UpdatePrompt.vue'
import { useServiceWorker } from '@/features/pwa/useServiceWorker'
import { useUnsavedChanges } from '@/composables/useUnsavedChanges'
import { FakeWorkbox } from './fake-workbox'

/** A form that registers its dirtiness like the app's forms do. */
const DirtyForm = defineComponent({
  props: { dirty: { type: Boolean, required: true } },
  setup(props) {
    const isDirty = ref(props.dirty)
    useUnsavedChanges(isDirty)
    return () => h('form', { 'data-dirty': String(isDirty.value) })
  },
})

async function mountPrompt(plugin: Plugin = i18n) {
  const wb = new FakeWorkbox()
  const reload = vi.fn()
  const sw = useServiceWorker({ enabled: true, createWorkbox: () => wb, reload })
  const wrapper = mount(UpdatePrompt, { props: { serviceWorker: sw }, global: { plugins: [plugin] } })
  // The prompt registers once the page is idle after the first screen.
  expect(wb.registered).toBe(0)
  await vi.waitFor(() => expect(wb.registered).toBe(1), { timeout: 5000 })
  await flushPromises()
  return { wb, reload, sw, wrapper }
}

describe('UpdatePrompt', () => {
  it('registers the service worker and shows nothing while no update waits', async () => {
    const { wb, wrapper } = await mountPrompt()
    expect(wb.registered).toBe(1)
    expect(wrapper.find('[data-testid="update-prompt"]').exists()).toBe(false)
  })

  it('offers a reload when a new version waits, and reloads after the new worker takes control', async () => {
    const { wb, reload, wrapper } = await mountPrompt()
    wb.emit('waiting')
    await nextTick()
    expect(wrapper.text()).toContain('有新版本')
    const button = wrapper.get('[data-testid="update-reload"]')
    expect(button.text()).toBe('重新加载')
    await button.trigger('click')
    expect(wb.skipWaitingMessages).toBe(1)
    wb.emit('controlling', { isUpdate: true })
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('never reloads while a form has unsaved input, and asks to save first', async () => {
    const { wb, reload, wrapper } = await mountPrompt()
    const form = mount(DirtyForm, { props: { dirty: true } })
    wb.emit('waiting')
    await nextTick()
    expect(wrapper.text()).toContain('请先保存')
    const button = wrapper.get('[data-testid="update-reload"]')
    expect(button.attributes('disabled')).toBeDefined()
    await button.trigger('click')
    expect(wb.skipWaitingMessages).toBe(0)
    expect(reload).not.toHaveBeenCalled()

    // The form is saved and closed: the reload becomes possible.
    form.unmount()
    await nextTick()
    expect(wrapper.get('[data-testid="update-reload"]').attributes('disabled')).toBeUndefined()
    await wrapper.get('[data-testid="update-reload"]').trigger('click')
    expect(wb.skipWaitingMessages).toBe(1)
  })

  it('speaks English when English is chosen', async () => {
    const english = createI18n({ legacy: false, locale: 'en', messages: { en: {} } })
    const { wb, wrapper } = await mountPrompt(english)
    wb.emit('waiting')
    await nextTick()
    expect(wrapper.text()).toContain('A new version is available')
    expect(wrapper.get('[data-testid="update-reload"]').text()).toBe('Reload')
  })
})
