import { i18n } from '@/i18n'
import { adminMessages } from './messages'

/** Merges the console's messages into the global i18n when an /admin route loads (idempotent). */
let installed = false

export function installAdminMessages(): void {
  if (installed) return
  installed = true
  i18n.global.mergeLocaleMessage('zh-CN', adminMessages['zh-CN'])
  i18n.global.mergeLocaleMessage('en', adminMessages.en)
}
