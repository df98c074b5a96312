import { describe, expect, it } from 'vitest'
import { applyDelete, applyRestore, refuseEditOfDeleted } from '../../../src/shared/rules/tombstone'

const rec = (deleted = false) => ({ id: 'r', deleted, hlc: { phone: 'h1' }, updatedAt: 't0' })

describe('tombstones', () => {
  it('marks a record deleted with the delete clock', () => {
    expect(applyDelete(rec(), 'h2', 't1')).toMatchObject({ ok: true, status: 'applied', record: { deleted: true, hlc: { deleted: 'h2', phone: 'h1' }, updatedAt: 't1' } })
  })
  it('treats a second delete as a duplicate', () => {
    expect(applyDelete(rec(true), 'h3', 't1')).toMatchObject({ ok: true, status: 'duplicate' })
  })
  it('refuses to delete a record the server never saw', () => {
    expect(applyDelete(null, 'h', 't')).toMatchObject({ ok: false, code: 'not-found' })
  })
  it('lets a supervisor restore and refuses a worker', () => {
    expect(applyRestore(rec(true), 'worker', 'h4', 't2')).toMatchObject({ ok: false, code: 'forbidden' })
    expect(applyRestore(rec(true), 'supervisor', 'h4', 't2')).toMatchObject({ ok: true, record: { deleted: false } })
    expect(applyRestore(rec(false), 'admin', 'h4', 't2')).toMatchObject({ ok: true, status: 'duplicate' })
  })
  it('refuses edits of a deleted record with a visible reason', () => {
    expect(refuseEditOfDeleted()).toMatchObject({ ok: false, code: 'conflict' })
  })
})
