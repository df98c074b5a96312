import { onScopeDispose, shallowRef, watch, type Ref, type ShallowRef } from 'vue'

/**
 * The rendered height of an element, kept current as it changes (a wrapped filter row,
 * elder mode's larger text), so what sticks below it can stick at the right place.
 * 0 until measured, and where ResizeObserver does not exist.
 */
export function useElementHeight(el: Ref<HTMLElement | null>): ShallowRef<number> {
  const height = shallowRef(0)
  if (typeof ResizeObserver === 'undefined') return height
  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.target
    if (box) height.value = Math.round(box.getBoundingClientRect().height)
  })
  watch(
    el,
    (now, before) => {
      if (before) observer.unobserve(before)
      if (now) observer.observe(now)
    },
    { immediate: true },
  )
  onScopeDispose(() => observer.disconnect())
  return height
}
