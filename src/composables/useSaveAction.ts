import { computed, shallowRef, type ComputedRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { RecordValidationError } from '@/db/outbox-repository'

/**
 * Runs a form's save and turns a `RecordValidationError` into one readable message per
 * field (keyed by the field's path, e.g. `address.door`), so a form can show each
 * message under its own input. Any other error becomes a general message.
 */

export type SaveState = 'idle' | 'saving' | 'saved' | 'invalid' | 'error'

export interface UseSaveAction {
  state: Ref<SaveState>
  /** Field path → message. */
  fieldErrors: Ref<Record<string, string>>
  /** A message not tied to one field (a storage failure, say). */
  message: ComputedRef<string>
  run: <T>(save: () => Promise<T>) => Promise<T | undefined>
  errorOf: (path: string) => string | undefined
}

export function useSaveAction(): UseSaveAction {
  const { t, te } = useI18n()
  const state = shallowRef<SaveState>('idle')
  const fieldErrors = shallowRef<Record<string, string>>({})
  const failure = shallowRef('')

  // The message names the field ('validation.phone') whatever object it sits in, so
  // `address.door` and `claimedBy.phone` get the same clear wording as top-level fields.
  const messageFor = (path: string, code: string | undefined) => {
    if (code && te(`validation.rule.${code}`)) return t(`validation.rule.${code}`)
    const leaf = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? ''
    return te(`validation.${leaf}`) ? t(`validation.${leaf}`) : t('validation.invalid')
  }

  async function run<T>(save: () => Promise<T>): Promise<T | undefined> {
    state.value = 'saving'
    fieldErrors.value = {}
    failure.value = ''
    try {
      const result = await save()
      state.value = 'saved'
      return result
    } catch (e) {
      if (e instanceof RecordValidationError) {
        const errors: Record<string, string> = {}
        for (const issue of e.issues) errors[issue.path] ??= messageFor(issue.path, issue.code)
        fieldErrors.value = errors
        state.value = 'invalid'
      } else {
        failure.value = e instanceof Error ? e.message : String(e)
        state.value = 'error'
      }
      return undefined
    }
  }

  const message = computed(() => {
    if (state.value === 'invalid') {
      // Listed in the banner too: some problems (a household deleted meanwhile) have no field on screen.
      const list = [...new Set(Object.values(fieldErrors.value))]
      return t('common.fixErrors', { n: list.length, list: list.join('；') })
    }
    if (state.value === 'error') return t('common.saveFailed', { message: failure.value })
    return ''
  })

  return { state, fieldErrors, message, run, errorOf: (path) => fieldErrors.value[path] }
}
