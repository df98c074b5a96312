import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { MUTATION_NAMES, mutationTarget, type Mutation, type MutationName } from '../../src/shared'

const gridId = uuidv7()

function mutation(name: MutationName, args: object): Mutation {
  return { mutationId: uuidv7(), seq: 1, name, args, hlc: '001800000000000-00001-device', schemaVersion: 1, createdAt: '2025-04-01T09:00:00.000Z' } as Mutation
}

describe('mutationTarget', () => {
  it('names the record of its kind for every mutation that carries an id', () => {
    const id = uuidv7()
    for (const name of MUTATION_NAMES.filter((n) => !['record.restore', 'review.set', 'audit.record'].includes(n))) {
      expect(mutationTarget(mutation(name, { id, gridId }))).toEqual({ kind: name.split('.')[0], id })
    }
  })

  it('targets the restored record of the kind the restore names', () => {
    const id = uuidv7()
    expect(mutationTarget(mutation('record.restore', { kind: 'person', id, gridId }))).toEqual({ kind: 'person', id })
  })

  it('targets the review whose id is the reviewed record id', () => {
    const recordId = uuidv7()
    const m = mutation('review.set', { recordKind: 'visit', recordId, gridId, decision: 'returned', comment: '补充' })
    expect(mutationTarget(m)).toEqual({ kind: 'review', id: recordId })
  })

  it('names no record for an audit entry', () => {
    expect(mutationTarget(mutation('audit.record', { id: uuidv7(), gridId }))).toBeNull()
  })
})
