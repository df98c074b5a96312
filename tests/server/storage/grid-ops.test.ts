import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { BACKENDS } from '../../helpers/server/backends'
import { useWorldStore } from '../../helpers/server/world'

/** The grid history and loss notices behind docs/sync.md, guarantee 6 (issue 15, finding 3). */
describe.each(BACKENDS)('grid holding on $name', (backend) => {
  const t = useWorldStore(backend)
  const assign = (gridId: string, workerId: string, at: number) => t.store.transaction((tx) => tx.assignGrid(gridId, workerId, at))

  it('ends a hold when the grid moves and keeps the first notice of that loss', async () => {
    const { a1 } = t.world.grids
    const { wa1, wa2 } = t.world.users
    await assign(a1.id, wa2.id, 1_000)
    await t.store.noteGridsLost('phone', wa1.id, [a1.id], 'hlc-first', 7)
    await t.store.noteGridsLost('phone', wa1.id, [a1.id], 'hlc-second', 9)
    expect(await t.store.getHolding(a1.id, wa1.id, 'phone')).toEqual({ heldUntil: 1_000, toldHlc: 'hlc-first', toldSeq: 7 })
    expect(await t.store.getHolding(a1.id, wa1.id, 'tablet')).toEqual({ heldUntil: 1_000, toldHlc: null, toldSeq: null })
    expect(await t.store.getHolding(a1.id, randomUUID(), 'phone')).toEqual({ heldUntil: null, toldHlc: null, toldSeq: null })
  })

  it('ignores a notice of an earlier loss once the grid came back and left again', async () => {
    const { a1 } = t.world.grids
    const { wa1, wa2 } = t.world.users
    await assign(a1.id, wa2.id, 1_000)
    await assign(a1.id, wa1.id, 2_000)
    // A pull that saw the first loss answered after the grid had come back.
    await t.store.noteGridsLost('phone', wa1.id, [a1.id], 'hlc-stale', 3)
    await assign(a1.id, wa2.id, 3_000)
    expect(await t.store.getHolding(a1.id, wa1.id, 'phone')).toEqual({ heldUntil: 3_000, toldHlc: null, toldSeq: null })
    // Told of the new loss: that notice replaces the stale one.
    await t.store.noteGridsLost('phone', wa1.id, [a1.id], 'hlc-new', 12)
    expect(await t.store.getHolding(a1.id, wa1.id, 'phone')).toEqual({ heldUntil: 3_000, toldHlc: 'hlc-new', toldSeq: 12 })
  })
})
