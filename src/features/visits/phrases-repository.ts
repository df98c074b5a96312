import type { GridSisterDb } from '@/db/db'
import { getMeta, setMeta, type VisitPhrasePrefs } from '@/db/meta-repository'
import { cleanPhrase, type PhraseField } from './phrase-choices'

/**
 * Her 常用语 and how often she used each, in her own device database (one per user, so a
 * shared family phone keeps each worker's apart, and a logout wipe takes them along).
 * Not synced: they are her way of typing, not records; a new phone starts again from the
 * built-in list, which costs her a few taps and no data.
 */

const empty = (): VisitPhrasePrefs => ({ own: {}, usage: {} })

/** Her phrases and use so far (nothing yet: empty lists, the built-ins apply). */
export async function getPhrasePrefs(db: GridSisterDb): Promise<VisitPhrasePrefs> {
  return (await getMeta(db, 'visitPhrases')) ?? empty()
}

/** Counts one insertion of `phrase` into `field`. */
export function countPhraseUse(db: GridSisterDb, field: PhraseField, phrase: string): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const prefs = await getPhrasePrefs(db)
    const used = { ...prefs.usage[field] }
    const p = cleanPhrase(phrase)
    used[p] = (used[p] ?? 0) + 1
    await setMeta(db, 'visitPhrases', { ...prefs, usage: { ...prefs.usage, [field]: used } })
  })
}

/**
 * Keeps her edited list of one field. A new order is hers: the use counted so far is
 * forgotten, so the chips show the order she set, then follow her use again. Otherwise
 * the counts stay (a removed phrase's count shows nowhere; re-added, it is remembered).
 */
export function setOwnPhrases(db: GridSisterDb, field: PhraseField, list: string[], reordered: boolean): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const prefs = await getPhrasePrefs(db)
    const kept = list.map(cleanPhrase).filter(Boolean)
    const usage = reordered ? {} : (prefs.usage[field] ?? {})
    await setMeta(db, 'visitPhrases', { own: { ...prefs.own, [field]: kept }, usage: { ...prefs.usage, [field]: usage } })
  })
}
