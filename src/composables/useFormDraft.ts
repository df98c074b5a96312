import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import { useRouter, type Router } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { showConfirmDialog } from 'vant'
import { getDb, type GridSisterDb } from '@/db/db'
import { deleteDraft, getDraft, putDraft, type DraftInfo } from '@/db/drafts-repository'
import { useSession } from './useSession'

/**
 * Keeps a form's input as a draft in the device database while she types, lays it back
 * over the form when she returns (after back, a reload, an app update, a killed
 * browser), and asks 保存草稿 / 放弃 when she leaves a form with input (a tab, 返回, the
 * Android back gesture: all are router navigations).
 *
 * Guarantees:
 * - Input is written at most `delayMs` after the last change, and at once when the page
 *   is hidden (the browser may be killed then without another event).
 * - Nothing is written before the draft was looked for and restored: the form's starting
 *   values never overwrite a draft left earlier.
 * - Writes and deletes run in order; after `clear()` (the record was saved) nothing is
 *   written again, so a saved form leaves no draft behind.
 */

export type FormDraftState = 'loading' | 'fresh' | 'restored'
export type LeaveChoice = 'save' | 'discard' | 'stay'

export interface UseFormDraftOptions<T> {
  /** The form and its record, e.g. `visit:new:<householdId>`. */
  formKey: () => string
  /** The form's current input (structured-cloneable). */
  value: () => T
  /** Puts a draft's input back into the form. */
  restore: (value: T) => void
  /** Whether the form holds input that is not saved. */
  isDirty: Ref<boolean>
  /** True once the form holds its starting values (its record loaded). */
  ready: Ref<boolean>
  /** Puts the form back to its starting values (she discarded a restored draft). */
  reset?: () => void
  /** Label and route of the draft, for the list on Today. */
  info: () => DraftInfo
  delayMs?: number
  db?: () => GridSisterDb
  /** Asks what to do with unsaved input when she leaves (a dialog unless a test injects one). */
  confirmLeave?: () => Promise<LeaveChoice>
}

export interface UseFormDraft {
  state: Ref<FormDraftState>
  /** When the restored draft was last written (ISO), for "已恢复 … 的草稿". */
  restoredFrom: Ref<string | null>
  /** Forgets the draft for good: call after the record is saved. */
  clear: () => Promise<void>
  /** Writes the current input now. */
  flush: () => Promise<void>
  /** Drops the restored draft and starts the form over; drafting goes on. */
  discard: () => Promise<void>
}

export function useFormDraft<T>(o: UseFormDraftOptions<T>): UseFormDraft {
  const { t } = useI18n()
  const { user } = useSession()
  const rows = draftRows(o, () => user.value?.id ?? '')
  const state = shallowRef<FormDraftState>('loading')
  const restoredFrom = shallowRef<string | null>(null)
  let queue: Promise<void> = Promise.resolve()
  let finished = false
  // Asked to write before the draft was looked for (she typed, or left, that fast).
  let wanted = false
  const run = (op: () => Promise<void>) => (queue = queue.then(op).catch(() => undefined))

  const write = () =>
    run(async () => {
      if (state.value === 'loading') wanted = true
      if (finished || state.value === 'loading') return
      // A form back at its starting values has nothing to keep.
      await (o.isDirty.value ? rows.put(toPlain(o.value())) : rows.drop())
    })
  const later = debounced(() => void write(), o.delayMs ?? 400)
  const flush = () => {
    later.cancel()
    return write()
  }
  const clear = () => {
    later.cancel()
    finished = true
    return run(rows.drop)
  }
  const discard = async () => {
    o.reset?.()
    restoredFrom.value = null
    state.value = 'fresh'
    await run(rows.drop)
    // The reset's own change scheduled a write of the starting values: nothing to keep.
    later.cancel()
  }

  watch(o.ready, async (ready) => {
    if (!ready || state.value !== 'loading') return
    const row = await rows.get()
    if (row) o.restore(row.value as T)
    restoredFrom.value = row?.updatedAt ?? null
    state.value = row ? 'restored' : 'fresh'
    // Typed (or left) while the draft was looked for: kept now, as the form may be gone.
    if (wanted || (!row && o.isDirty.value)) void write()
  }, { immediate: true })
  watch(o.value, () => {
    if (state.value !== 'loading' && !finished) later.schedule()
  }, { deep: true })

  const stopHidden = whenPageHidden(() => void flush())
  const removeGuard = guardLeave(useRouter(), () => !finished && o.isDirty.value, o.confirmLeave ?? (() => askLeave(t)), flush, clear)
  if (getCurrentScope()) {
    onScopeDispose(() => {
      removeGuard()
      stopHidden()
      // Leaving by any other way (the guard was passed) still keeps what was typed.
      if (later.pending()) void flush()
    })
  }
  return { state, restoredFrom, clear, flush, discard }
}

/** The draft row of one form, for the signed-in user (nothing without one). */
function draftRows<T>(o: UseFormDraftOptions<T>, userId: () => string) {
  const db = o.db ?? getDb
  return {
    get: () => (userId() ? getDraft(db(), userId(), o.formKey()).catch(() => undefined) : Promise.resolve(undefined)),
    put: (value: unknown) => (userId() ? putDraft(db(), userId(), o.formKey(), o.info(), value) : Promise.resolve()),
    drop: () => (userId() ? deleteDraft(db(), userId(), o.formKey()) : Promise.resolve()),
  }
}

/** Runs `fn` once, `ms` after the last `schedule()`. */
function debounced(fn: () => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | null = null
  const cancel = () => {
    if (timer) clearTimeout(timer)
    timer = null
  }
  return {
    schedule: () => {
      cancel()
      timer = setTimeout(() => {
        timer = null
        fn()
      }, ms)
    },
    cancel,
    pending: () => timer !== null,
  }
}

/**
 * Runs `fn` when the page is hidden or unloaded: a browser in the background may be
 * killed with no further event. Returns what removes the listeners.
 */
function whenPageHidden(fn: () => void): () => void {
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') fn()
  }
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('pagehide', fn)
  return () => {
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('pagehide', fn)
  }
}

/** Asks before any navigation away while `holdsInput()`; returns what removes the guard. */
function guardLeave(
  router: Router,
  holdsInput: () => boolean,
  ask: () => Promise<LeaveChoice>,
  keep: () => Promise<void>,
  drop: () => Promise<void>,
): () => void {
  return router.beforeEach(async () => {
    if (!holdsInput()) return true
    const choice = await ask()
    if (choice === 'stay') return false
    await (choice === 'save' ? keep() : drop())
    return true
  })
}

/** Reactive proxies cannot be stored; Blobs (photos) can, and must not be stringified. */
function toPlain<T>(value: T): T {
  if (value instanceof Blob || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(toPlain) as T
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)])) as T
}

/** The leave dialog: 保存草稿 keeps the input for later, 放弃 drops it, a tap outside stays. */
async function askLeave(t: (key: string) => string): Promise<LeaveChoice> {
  try {
    await showConfirmDialog({
      title: t('draft.leaveTitle'),
      message: t('draft.leaveMessage'),
      confirmButtonText: t('draft.keep'),
      cancelButtonText: t('draft.discard'),
      closeOnClickOverlay: true,
    })
    return 'save'
  } catch (action) {
    return action === 'cancel' ? 'discard' : 'stay'
  }
}
