import { i18n } from '@/i18n'
import { supervisorMessages } from './messages'

/**
 * The supervisor's messages are merged into the global i18n when a supervisor route
 * loads, so the worker's first screen does not carry them.
 */
let installed = false

/** Merges the supervisor messages once (idempotent). */
export function installSupervisorMessages(): void {
  if (installed) return
  installed = true
  i18n.global.mergeLocaleMessage('zh-CN', supervisorMessages['zh-CN'])
  i18n.global.mergeLocaleMessage('en', supervisorMessages.en)
}
