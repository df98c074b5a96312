import { describe, expect, it } from 'vitest'
import type { Mutation } from '@/shared'
import type { RejectionRow } from '@/db/db'
import { rejectionMessages } from '@/features/sync/rejection-messages'
import { rejectionView } from '@/features/sync/rejection-view'

/** A translate over the refusal dictionary of one locale, as vue-i18n would read it. */
function translate(locale: 'zh-CN' | 'en') {
  return (key: string, params: Record<string, unknown> = {}) => {
    const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], rejectionMessages[locale])
    // The dictionaries are compiled to message functions that keep their source text.
    const source = typeof text === 'function' ? (text as unknown as { source: string }).source : String(text ?? key)
    return source.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? ''))
  }
}

function row(code: string, message: string): RejectionRow {
  const mutation = { name: 'household.put', args: { id: 'h1', gridId: 'g1', patch: { notes: '腿脚不便' }, base: {} } } as unknown as Mutation
  return { mutationId: 'm1', seq: 1, mutation, code, message, rejectedAt: '2026-12-07T02:00:00.000Z', dismissed: 0 }
}

const ctx = { name: '宋一全', householdName: '宋一全', wish: null }
const when = (iso: string) => iso.slice(0, 10)

describe('rejectionView', () => {
  it("shows the server's own Chinese reason (a grid that moved, with its day) on a Chinese screen", () => {
    const moved = '网格「第二网格」已于 2026年12月6日 调整给其他网格员，这条修改是在调整之后做的，未被接受。'
    expect(rejectionView(row('out-of-scope', moved), ctx, translate('zh-CN'), when).why).toBe(moved)
  })

  it("keeps the code's own text when the server wrote English, or the screen is English", () => {
    const zh = rejectionView(row('out-of-scope', 'this grid is not in your scope'), ctx, translate('zh-CN'), when)
    expect(zh.why).toBe(translate('zh-CN')('rejection.why.out-of-scope'))
    expect(zh.why).toContain('网格')
    const en = rejectionView(row('out-of-scope', '网格「第二网格」已调整给其他网格员'), ctx, translate('en'), when)
    expect(en.why).toBe(translate('en')('rejection.why.out-of-scope'))
    expect(en.why).toContain('grids')
  })
})
