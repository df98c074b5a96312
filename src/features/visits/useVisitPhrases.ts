import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { getDb } from '@/db/db'
import type { VisitPhrasePrefs } from '@/db/meta-repository'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { phraseChoices, type OwnPhrases, type PhraseField } from './phrase-choices'
import { countPhraseUse, getPhrasePrefs, setOwnPhrases } from './phrases-repository'
import { BUILTIN_PHRASES } from './visit-phrases-builtin'
import { EMPTY_COMMUNITY_SETTINGS } from '@/shared'
import { getCommunitySettings } from '@/features/community/community-settings-repository'

export interface UseVisitPhrases {
  /** The chips of a field, in the order shown. */
  choices: (field: PhraseField) => string[]
  /** Her list of a field (the built-in one until she edits it), for the edit sheet. */
  own: (field: PhraseField) => readonly string[]
  /** Counts a tap on a chip; a failed count is no reason to bother her. */
  used: (field: PhraseField, phrase: string) => void
  /** Keeps her edited list. */
  save: (field: PhraseField, list: string[], reordered: boolean) => Promise<void>
  ready: ComputedRef<boolean>
}

/**
 * The 常用语 of the visit form: her own lists over the built-in ones, then the
 * community's (its supervisor's, pulled with her data and read offline), with her use.
 */
export function useVisitPhrases(): UseVisitPhrases {
  const { locale } = useI18n()
  const q = useLiveQuery<VisitPhrasePrefs | null>({ query: getPhrasePrefs, initial: null })
  const community = useLiveQuery({ query: getCommunitySettings, initial: EMPTY_COMMUNITY_SETTINGS })
  const own = computed<OwnPhrases>(() => {
    const builtin = BUILTIN_PHRASES[locale.value === 'en' ? 'en' : 'zh-CN']
    const mine = q.data.value?.own ?? {}
    return { seen: mine.seen ?? builtin.seen, asked: mine.asked ?? builtin.asked, done: mine.done ?? builtin.done }
  })
  return {
    choices: (field) => phraseChoices(field, own.value, community.data.value[field], q.data.value?.usage ?? {}),
    own: (field) => own.value[field] ?? [],
    used: (field, phrase) => void countPhraseUse(getDb(), field, phrase).catch(() => undefined),
    save: (field, list, reordered) => setOwnPhrases(getDb(), field, list, reordered),
    ready: computed(() => q.data.value !== null),
  }
}
