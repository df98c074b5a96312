import { beforeEach, describe, expect, it } from 'vitest'
import type { GridSisterDb } from '@/db/db'
import { countPhraseUse, getPhrasePrefs, setOwnPhrases } from '@/features/visits/phrases-repository'
import { phraseChoices } from '@/features/visits/phrase-choices'
import { makeDb } from '../../../helpers/app/factories'

describe('phrases-repository', () => {
  let db: GridSisterDb
  beforeEach(() => {
    db = makeDb()
  })

  it('starts with no lists of her own and no use', async () => {
    expect(await getPhrasePrefs(db)).toEqual({ own: {}, usage: {} })
  })

  it('counts each tap per field, so the chips follow her use', async () => {
    await countPhraseUse(db, 'asked', '想找份工作')
    await countPhraseUse(db, 'asked', '想找份工作')
    await countPhraseUse(db, 'seen', '身体还好')
    const prefs = await getPhrasePrefs(db)
    expect(prefs.usage).toEqual({ asked: { 想找份工作: 2 }, seen: { 身体还好: 1 } })
    expect(phraseChoices('asked', { asked: ['暂无诉求', '想找份工作'] }, [], prefs.usage)).toEqual(['想找份工作', '暂无诉求'])
  })

  it('counts taps made together without losing one', async () => {
    await Promise.all(Array.from({ length: 5 }, () => countPhraseUse(db, 'done', '讲解了相关政策')))
    expect((await getPhrasePrefs(db)).usage.done).toEqual({ 讲解了相关政策: 5 })
  })

  it('keeps her edited list; a new order forgets the use of that field only', async () => {
    await countPhraseUse(db, 'seen', 'b')
    await countPhraseUse(db, 'done', 'x')
    await setOwnPhrases(db, 'seen', ['a', ' b '], false)
    expect(await getPhrasePrefs(db)).toEqual({ own: { seen: ['a', 'b'] }, usage: { seen: { b: 1 }, done: { x: 1 } } })
    await setOwnPhrases(db, 'seen', ['b', 'a'], true)
    const prefs = await getPhrasePrefs(db)
    expect(prefs).toEqual({ own: { seen: ['b', 'a'] }, usage: { seen: {}, done: { x: 1 } } })
    expect(phraseChoices('seen', prefs.own, [], prefs.usage)).toEqual(['b', 'a'])
  })
})
