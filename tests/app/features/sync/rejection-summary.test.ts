import { describe, expect, it } from 'vitest'
import { summarizeMutation } from '@/features/sync/rejection-summary'
import type { Mutation } from '@/shared'

const put = (patch: Record<string, unknown>): Mutation =>
  ({
    mutationId: '01234567-89ab-4def-8123-456789abcdef', seq: 1, name: 'household.put', hlc: '001796610473581-00000-abc',
    schemaVersion: 1, createdAt: '2026-12-07T03:00:00.000Z',
    args: { id: '01234567-89ab-4def-8123-456789abcdef', gridId: '01234567-89ab-4def-8123-456789abcdef', patch, base: {} },
  }) as Mutation

describe('summarizeMutation', () => {
  it('names a household edit by its head, else by the text she typed, not by field keys', () => {
    expect(summarizeMutation(put({ headName: '李桂英', notes: '备注' }))).toBe('李桂英')
    expect(summarizeMutation(put({ notes: '老人腿脚不便' }))).toBe('老人腿脚不便')
    expect(summarizeMutation(put({ careLevel: 2 }))).toBe('careLevel')
  })
})
