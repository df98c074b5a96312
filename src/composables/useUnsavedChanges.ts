import { computed, getCurrentScope, onScopeDispose, shallowReactive, type ComputedRef, type Ref } from 'vue'

/**
 * A registry of forms with unsaved input. A form calls `useUnsavedChanges(isDirty)` in
 * its setup; while it is mounted its dirtiness counts. The update prompt reads
 * `hasUnsavedChanges()` so that a new app version never reloads the page over a visit
 * half typed in a stairwell.
 */

const sources = shallowReactive(new Map<symbol, Ref<boolean>>())

/** True while any registered form has unsaved input (reactive). */
export const anyUnsavedChanges: ComputedRef<boolean> = computed(() => {
  for (const dirty of sources.values()) if (dirty.value) return true
  return false
})

/** Registers `isDirty` until the calling component (or effect scope) is disposed. */
export function useUnsavedChanges(isDirty: Ref<boolean>): { unregister: () => void } {
  const key = Symbol('unsaved-changes')
  sources.set(key, isDirty)
  const unregister = () => {
    sources.delete(key)
  }
  if (getCurrentScope()) onScopeDispose(unregister)
  return { unregister }
}

/** Whether a form currently holds unsaved input. */
export function hasUnsavedChanges(): boolean {
  return anyUnsavedChanges.value
}
