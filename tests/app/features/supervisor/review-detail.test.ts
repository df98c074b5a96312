import { describe, expect, it } from 'vitest'
import type { Visit } from '@/shared'
import { visitLines } from '@/features/supervisor/review-detail'
import { visit } from './factories'

const ctx = { t: (k: string) => k, locale: 'zh-CN' as const }
const outcomeLine = (v: Visit) => visitLines(v, ctx).find((l) => l.field === 'outcome')

describe('visitLines', () => {
  it('shows the outcome right after the method', () => {
    const v = visit({ householdId: crypto.randomUUID(), gridId: crypto.randomUUID(), visitedAt: '2026-12-01T02:00:00.000Z', outcome: 'not-home', seen: '' })
    const fields = visitLines(v, ctx).map((l) => l.field)
    expect(fields.indexOf('outcome')).toBe(fields.indexOf('method') + 1)
    expect(outcomeLine(v)).toMatchObject({ label: 'supervisor.field.outcome', value: 'supervisor.outcome.not-home' })
  })

  it('shows a visit stored before outcomes existed as met', () => {
    const { outcome, ...old } = visit({ householdId: crypto.randomUUID(), gridId: crypto.randomUUID(), visitedAt: '2026-12-01T02:00:00.000Z' })
    expect(outcome).toBe('met')
    expect(outcomeLine(old as Visit)?.value).toBe('supervisor.outcome.met')
  })
})
