import { describe, expect, it } from 'vitest'
import { defineComponent, effectScope, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { anyUnsavedChanges, hasUnsavedChanges, useUnsavedChanges } from '@/composables/useUnsavedChanges'

describe('useUnsavedChanges', () => {
  it('is clean when no form is registered', () => {
    expect(hasUnsavedChanges()).toBe(false)
  })

  it('follows the dirtiness of a registered form, reactively', async () => {
    const dirty = ref(false)
    const scope = effectScope()
    scope.run(() => useUnsavedChanges(dirty))
    expect(hasUnsavedChanges()).toBe(false)
    dirty.value = true
    expect(hasUnsavedChanges()).toBe(true)
    expect(anyUnsavedChanges.value).toBe(true)
    dirty.value = false
    expect(hasUnsavedChanges()).toBe(false)
    scope.stop()
  })

  it('forgets a form when it unmounts, even a dirty one', async () => {
    const Form = defineComponent(() => {
      useUnsavedChanges(ref(true))
      return () => h('form')
    })
    const wrapper = mount(Form)
    expect(hasUnsavedChanges()).toBe(true)
    wrapper.unmount()
    await nextTick()
    expect(hasUnsavedChanges()).toBe(false)
  })

  it('is dirty while any one of several forms is dirty', () => {
    const a = ref(true)
    const b = ref(false)
    const ra = useUnsavedChanges(a)
    const rb = useUnsavedChanges(b)
    expect(hasUnsavedChanges()).toBe(true)
    a.value = false
    b.value = true
    expect(hasUnsavedChanges()).toBe(true)
    rb.unregister()
    expect(hasUnsavedChanges()).toBe(false)
    ra.unregister()
  })
})
