import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export type MessageSchema = typeof zhCN

/** Simplified Chinese first; English switchable (choice kept in localStorage). */
export const i18n = createI18n<[MessageSchema], 'zh-CN' | 'en', false>({
  legacy: false,
  locale: (globalThis.localStorage?.getItem('gridsister.locale') as 'zh-CN' | 'en' | null) ?? 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})
