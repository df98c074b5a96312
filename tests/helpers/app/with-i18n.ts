import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n, type AppLocale } from '@/i18n'

/**
 * Runs a composable that calls `useI18n` inside a bare host component (useI18n needs
 * one), with the app's i18n in `locale`, and returns what it returned.
 */
export function withI18n<T>(composable: () => T, locale: AppLocale = 'zh-CN'): T {
  i18n.global.locale.value = locale
  let result: { value: T } | undefined
  const Host = defineComponent({
    setup() {
      result = { value: composable() }
      return () => h('div')
    },
  })
  mount(Host, { global: { plugins: [i18n] } })
  return result!.value
}
