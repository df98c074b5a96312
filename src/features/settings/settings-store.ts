import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import { Locale } from 'vant'
import zhCN from 'vant/es/locale/lang/zh-CN'
import { i18n, loadLocaleMessages, type AppLocale } from '@/i18n'

/**
 * Device preferences: language and elder mode (长辈模式: larger text and touch targets,
 * after the national guidelines for elder-friendly apps). Kept in localStorage, not in
 * the user database, so they apply on the login screen too and survive a logout.
 */

export type { AppLocale }
const LOCALE_KEY = 'gridsister.locale'
const ELDER_KEY = 'gridsister.elderMode'
/** Set once she has answered the 长辈版 offer made after the first sign-in on this phone. */
const ELDER_OFFERED_KEY = 'gridsister.elderOffered'

/** The language chosen on this device (Simplified Chinese unless English was chosen). */
export function storedLocale(): AppLocale {
  return globalThis.localStorage?.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN'
}

type VantMessages = typeof zhCN

/** Loads a language: the app's messages and Vant's (English ones are chunks of their own). */
async function loadLocale(value: AppLocale): Promise<VantMessages> {
  const [vant] = await Promise.all([
    value === 'en' ? import('vant/es/locale/lang/en-US').then((m) => m.default) : zhCN,
    loadLocaleMessages(value),
  ])
  return vant
}

function useLocale(value: AppLocale, vant: VantMessages): void {
  i18n.global.locale.value = value
  Locale.use(value === 'en' ? 'en-US' : 'zh-CN', vant)
  if (globalThis.document) document.documentElement.lang = value
}

/** Loads and applies a language; main.ts awaits it before mounting, so the first paint is in it. */
export async function switchLocale(value: AppLocale): Promise<void> {
  useLocale(value, await loadLocale(value))
}

export const useSettingsStore = defineStore('settings', () => {
  const locale = shallowRef<AppLocale>(storedLocale())
  const elderMode = shallowRef(globalThis.localStorage?.getItem(ELDER_KEY) === '1')
  const elderOffered = shallowRef(globalThis.localStorage?.getItem(ELDER_OFFERED_KEY) === '1')

  watch(
    locale,
    async (value) => {
      globalThis.localStorage?.setItem(LOCALE_KEY, value)
      const vant = await loadLocale(value)
      // A later choice made while this one loaded is applied by its own call.
      if (locale.value === value) useLocale(value, vant)
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
  /** Her answer to the one-time offer: the mode she chose, and the offer is not made again. */
  function answerElderOffer(on: boolean): void {
    setElderMode(on)
    elderOffered.value = true
    globalThis.localStorage?.setItem(ELDER_OFFERED_KEY, '1')
  }

  return { locale, elderMode, elderOffered, setLocale, setElderMode, answerElderOffer }
})
