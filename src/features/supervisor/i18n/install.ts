import { i18n } from '@/i18n'
import zhCN from './zh-CN'
import en from './en'

/**
 * The supervisor's messages are merged into the global i18n when a supervisor route
 * loads, so the worker's first screen does not carry them.
 */
let installed = false

export const supervisorMessages = { 'zh-CN': zhCN, en }

/** Merges the supervisor messages once (idempotent). */
export function installSupervisorMessages(): void {
  if (installed) return
  installed = true
  i18n.global.mergeLocaleMessage('zh-CN', zhCN)
  i18n.global.mergeLocaleMessage('en', en)
}
