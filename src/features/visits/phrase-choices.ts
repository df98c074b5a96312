/**
 * 常用语: the phrase chips under each text field of the visit form, as pure functions.
 * - The chips are her own phrases (the built-in list until she edits it) followed by the
 *   community's (the supervisor's list), each phrase once.
 * - The ones she has used more come first; equal use keeps her order, then the community's.
 * - Inserting appends to what is written with a separator, never replaces it, and a
 *   second tap on the phrase just inserted adds nothing (a shaky double tap).
 */

import type { PhraseField } from '@/shared'

// The fields are the community settings' (src/shared/community-settings.ts): one list.
export { PHRASE_FIELDS, type PhraseField } from '@/shared'

/** How often she inserted each phrase of one field, by its text. */
export type PhraseUsage = Readonly<Record<string, number>>

/** A phrase as kept: trimmed, inner runs of space as one. */
export const cleanPhrase = (p: string): string => p.trim().replace(/\s+/g, ' ')

/** Her phrases per field. */
export type OwnPhrases = Readonly<Partial<Record<PhraseField, readonly string[]>>>
/** Her use of phrases per field. */
export type PhraseUsageByField = Readonly<Partial<Record<PhraseField, PhraseUsage>>>

/** The chips of one field, in the order shown. `community` is the supervisor's list of that field. */
export function phraseChoices(field: PhraseField, own: OwnPhrases, community: readonly string[], usage: PhraseUsageByField): string[] {
  const all = [...new Set([...(own[field] ?? []), ...community].map(cleanPhrase).filter(Boolean))]
  const rank = new Map(all.map((p, i) => [p, i]))
  const used = usage[field] ?? {}
  return all.sort((a, b) => (used[b] ?? 0) - (used[a] ?? 0) || rank.get(a)! - rank.get(b)!)
}

/** Characters after which a phrase follows with no separator of its own. */
const ENDS_CLAUSE = /[\s，。；！？、,.;!?:：]$/

/** The text with `phrase` appended after `separator` (none after a clause already ended). */
export function insertPhrase(text: string, phrase: string, separator: string): string {
  if (!text.trim()) return phrase
  if (text.endsWith(phrase)) return text
  return ENDS_CLAUSE.test(text) ? `${text}${phrase}` : `${text}${separator}${phrase}`
}

/** Her list after moving the phrase at `index` by `step` (−1 up, +1 down); unchanged at an end. */
export function movePhrase(list: readonly string[], index: number, step: -1 | 1): string[] {
  const to = index + step
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list]
  const out = [...list]
  ;[out[index], out[to]] = [out[to]!, out[index]!]
  return out
}

/** Her list with a new phrase at its head (where she will look for it); none when blank or there already. */
export function addPhrase(list: readonly string[], phrase: string): string[] {
  const p = cleanPhrase(phrase)
  return !p || list.includes(p) ? [...list] : [p, ...list]
}
