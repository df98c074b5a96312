import { describe, expect, it } from 'vitest'
import workerEn from '@/i18n/en'
import workerZh from '@/i18n/zh-CN'
import supervisorEn from '@/features/supervisor/i18n/en'
import supervisorZh from '@/features/supervisor/i18n/zh-CN'
import { rejectionMessages } from '@/features/sync/rejection-messages'
import { syncMessages } from '@/features/sync/sync-messages'
import { glossaryZh } from '@/i18n/glossary'

/**
 * One vocabulary (issue 18): the worker's and the supervisor's dictionaries name the same
 * thing with the same word, in both languages.
 */
const LOCALES = [
  { name: 'zh-CN', worker: workerZh, supervisor: supervisorZh.supervisor },
  { name: 'en', worker: workerEn, supervisor: supervisorEn.supervisor },
] as const

/** Every string of a dictionary, however deeply nested (a compiled message by its source). */
function allTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (typeof value === 'function') return [String((value as unknown as { source?: string }).source ?? '')]
  if (value && typeof value === 'object') return Object.values(value).flatMap(allTexts)
  return []
}

describe('one glossary for the worker and the supervisor', () => {
  for (const { name, worker, supervisor } of LOCALES) {
    it(`${name}: both dictionaries agree on key groups, wishes, visits, policies and reviews`, () => {
      expect(supervisor.keyGroup).toEqual(worker.keyGroup)
      expect(supervisor.wishState).toEqual(worker.wishState)
      expect(supervisor.category).toEqual(worker.wishCategory)
      expect(supervisor.method).toEqual(worker.visitMethod)
      expect(supervisor.policy).toEqual(worker.policy)
      expect(supervisor.level).toEqual(worker.careLevel)
      expect(supervisor.kind).toEqual(worker.recordKind)
      expect(supervisor.state).toMatchObject(worker.reviewState)
    })
  }

  it('uses the chosen words: 待认领, 课业辅导, 矛盾调解, 照料陪伴, 走访记录', () => {
    for (const d of [workerZh, { ...supervisorZh.supervisor, wishCategory: supervisorZh.supervisor.category, recordKind: supervisorZh.supervisor.kind }]) {
      expect(d.wishState.registered).toBe('待认领')
      expect(d.wishCategory).toMatchObject({ study: '课业辅导', dispute: '矛盾调解', care: '照料陪伴' })
      expect(d.recordKind.visit).toBe('走访记录')
    }
  })

  it('leaves no retired synonym on either side', () => {
    const texts = [...allTexts(workerZh), ...allTexts(supervisorZh)]
    // A fulfilled wish is 已完成 with the worker (完成情况, 完成日期): the ledger says 完成 too, not 实现.
    for (const retired of ['已登记', '学习辅导', '纠纷调解', '照料陪护', '走访日记', '实现']) {
      expect(texts.filter((t) => t.includes(retired))).toEqual([])
    }
  })

  it('names a change the server refused 未被接受 everywhere, and keeps 退回 for the supervisor', () => {
    const word = glossaryZh.term.notAccepted
    expect(word).toBe('未被接受')
    expect(workerZh.recordState['not-accepted']).toBe(word)
    const refusal = [...allTexts(rejectionMessages['zh-CN']), ...allTexts(syncMessages['zh-CN'])]
    expect(refusal.filter((t) => t.includes(word)).length).toBeGreaterThanOrEqual(3)
    expect(allTexts(rejectionMessages['zh-CN']).filter((t) => t.includes('退回'))).toEqual([])
    expect(refusal.filter((t) => /没有被接受|拒收|被拒/.test(t))).toEqual([])
    expect([...allTexts(workerZh), ...allTexts(supervisorZh)].filter((t) => /没有被接受|拒收|被拒/.test(t))).toEqual([])
  })

  it('calls the elder-friendly mode 长辈版 in the switch and the offer', () => {
    expect(workerZh.settings.elderMode).toBe('长辈版')
    expect(workerZh.settings.elderOffer.on).toContain('长辈版')
  })
})
