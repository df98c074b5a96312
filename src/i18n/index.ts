import { createI18n } from 'vue-i18n'
import { compileMessages } from './compile-messages'
import zhCN from './zh-CN'

export type MessageSchema = typeof zhCN
export type AppLocale = 'zh-CN' | 'en'

/**
 * Simplified Chinese first, always loaded; English is its own chunk, loaded when chosen
 * (the choice is kept in localStorage by the settings store, applied before mounting).
 */
export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  // English is added by loadLocaleMessages; vue-i18n's types want every locale up front.
  messages: { 'zh-CN': compileMessages(zhCN) } as Record<AppLocale, MessageSchema>,
})

/** Makes a language's messages available to `t`; resolves at once when they already are. */
export async function loadLocaleMessages(locale: AppLocale): Promise<void> {
  if (i18n.global.availableLocales.includes(locale)) return
  const { default: en } = await import('./en')
  i18n.global.setLocaleMessage('en', compileMessages(en))
}
