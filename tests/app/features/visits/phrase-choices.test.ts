import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addPhrase, insertPhrase, movePhrase, phraseChoices } from '../../../../src/features/visits/phrase-choices'

describe('phraseChoices', () => {
  const own = { seen: ['身体还好', '家里整洁', '情绪稳定'], asked: ['暂无诉求'] }

  it('keeps her order when nothing was used, then the community phrases', () => {
    expect(phraseChoices('seen', own, ['按时吃药'], {})).toEqual(['身体还好', '家里整洁', '情绪稳定', '按时吃药'])
  })

  it('puts the phrases she used most first, ties in her order', () => {
    const usage = { seen: { 情绪稳定: 3, 按时吃药: 5, 家里整洁: 3 } }
    expect(phraseChoices('seen', own, ['按时吃药'], usage)).toEqual(['按时吃药', '家里整洁', '情绪稳定', '身体还好'])
  })

  it("reads only the field's own list and use", () => {
    expect(phraseChoices('asked', own, [], { seen: { 身体还好: 9 } })).toEqual(['暂无诉求'])
    expect(phraseChoices('done', own, [], {})).toEqual([])
  })

  it('shows a phrase in both lists once, trimmed, and drops blanks', () => {
    expect(phraseChoices('seen', { seen: [' 身体还好 ', ''] }, ['身体还好', '  '], {})).toEqual(['身体还好'])
  })

  it('is a permutation of the distinct phrases, ordered by use (property)', () => {
    const phrase = fc.constantFrom('甲', '乙', '丙', '丁', '戊')
    fc.assert(
      fc.property(fc.array(phrase), fc.array(phrase), fc.dictionary(phrase, fc.nat(9)), (mine, community, used) => {
        const out = phraseChoices('seen', { seen: mine }, community, { seen: used })
        expect([...out].sort()).toEqual([...new Set([...mine, ...community])].sort())
        for (let i = 1; i < out.length; i++) expect(used[out[i - 1]!] ?? 0).toBeGreaterThanOrEqual(used[out[i]!] ?? 0)
      }),
    )
  })
})

describe('insertPhrase', () => {
  it('fills an empty field with the phrase', () => {
    expect(insertPhrase('  ', '身体还好', '，')).toBe('身体还好')
  })
  it('appends after a separator, and after a clause already ended with none', () => {
    expect(insertPhrase('老人在家', '身体还好', '，')).toBe('老人在家，身体还好')
    expect(insertPhrase('老人在家。', '身体还好', '，')).toBe('老人在家。身体还好')
  })
  it('adds nothing when the phrase was just inserted (a double tap)', () => {
    expect(insertPhrase('老人在家，身体还好', '身体还好', '，')).toBe('老人在家，身体还好')
  })
})

describe('movePhrase and addPhrase', () => {
  it('moves a phrase up or down and leaves the ends alone', () => {
    expect(movePhrase(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(movePhrase(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(movePhrase(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })
  it('adds a new phrase first, and no blank or repeated one', () => {
    expect(addPhrase(['a'], ' 新的  一句 ')).toEqual(['新的 一句', 'a'])
    expect(addPhrase(['a'], 'a')).toEqual(['a'])
    expect(addPhrase(['a'], '   ')).toEqual(['a'])
  })
})
