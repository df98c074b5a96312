import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import { Locale } from 'vant'
import enUS from 'vant/es/locale/lang/en-US'
import zhCN from 'vant/es/locale/lang/zh-CN'
import { i18n } from '@/i18n'

/**
 * Device preferences: language and elder mode (长辈模式: larger text and touch targets,
 * after the national guidelines for elder-friendly apps). Kept in localStorage, not in
 * the user database, so they apply on the login screen too and survive a logout.
 */

export type AppLocale = 'zh-CN' | 'en'
const LOCALE_KEY = 'gridsister.locale'
const ELDER_KEY = 'gridsister.elderMode'

function readLocale(): AppLocale {
  return globalThis.localStorage?.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN'
}

export const useSettingsStore = defineStore('settings', () => {
  const locale = shallowRef<AppLocale>(readLocale())
  const elderMode = shallowRef(globalThis.localStorage?.getItem(ELDER_KEY) === '1')

  watch(
    locale,
    (value) => {
      i18n.global.locale.value = value
      Locale.use(value === 'en' ? 'en-US' : 'zh-CN', value === 'en' ? enUS : zhCN)
      globalThis.localStorage?.setItem(LOCALE_KEY, value)
      if (globalThis.document) document.documentElement.lang = value
    },
    { immediate: true },
  )
  watch(
    elderMode,
    (on) => {
      globalThis.localStorage?.setItem(ELDER_KEY, on ? '1' : '0')
      globalThis.document?.documentElement.classList.toggle('elder', on)
    },
    { immediate: true },
  )

  function setLocale(value: AppLocale): void {
    locale.value = value
  }
  function setElderMode(on: boolean): void {
    elderMode.value = on
  }

  return { locale, elderMode, setLocale, setElderMode }
})
