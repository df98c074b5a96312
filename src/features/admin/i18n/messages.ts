import { compileMessages } from '@/i18n/compile-messages'
import zhCN from './zh-CN'
import en from './en'

/** Both locales of the console's messages, as vue-i18n takes them. */
export const adminMessages = compileMessages({ 'zh-CN': zhCN, en })
