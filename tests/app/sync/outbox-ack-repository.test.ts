import { describe, expect, it } from 'vitest'
import { seqRuns } from '@/sync/outbox-ack-repository'

describe('seqRuns', () => {
  it('groups seqs into inclusive runs of consecutive numbers, in any order', () => {
    expect(seqRuns([7, 1, 3, 2])).toEqual([[1, 3], [7, 7]])
    expect(seqRuns([5])).toEqual([[5, 5]])
    expect(seqRuns([])).toEqual([])
  })
})
