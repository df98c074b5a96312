import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeHlc, MAX_COUNTER } from '../../../src/shared/hlc'
import { createFromPatch, mergeFields, type MergeableRecord } from '../../../src/shared/rules/merge'

const hlc = (millis: number, node = 'a') => encodeHlc({ millis, counter: 0, node })
const start = () =>
  createFromPatch({ id: 'r', gridId: 'g', at: '2024-01-01T00:00:00Z' }, { phone: '1', notes: 'n', careLevel: 1 }, hlc(100)) as MergeableRecord

describe('mergeFields', () => {
  it('applies a patch made on the latest state without conflicts', () => {
    const base = { phone: hlc(100) }
    const r = mergeFields(start(), { phone: '2' }, base, hlc(200))
    expect(r.record).toMatchObject({ phone: '2', hlc: { phone: hlc(200), notes: hlc(100) } })
    expect(r.conflicts).toEqual([])
    expect(r.changed).toBe(true)
  })

  it('keeps the newer stored value and reports the older incoming one as the loser', () => {
    const stored = mergeFields(start(), { phone: 'server' }, { phone: hlc(100) }, hlc(300)).record
    const r = mergeFields(stored, { phone: 'device' }, { phone: hlc(100) }, hlc(200))
    expect(r.record.phone).toBe('server')
    expect(r.conflicts).toEqual([
      { field: 'phone', winnerValue: 'server', winnerHlc: hlc(300), loserValue: 'device', loserHlc: hlc(200), incomingLost: true },
    ])
  })

  it('lets a newer concurrent edit win and keeps the overwritten value as the loser', () => {
    const stored = mergeFields(start(), { phone: 'server' }, { phone: hlc(100) }, hlc(200)).record
    const r = mergeFields(stored, { phone: 'device' }, { phone: hlc(100) }, hlc(300))
    expect(r.record.phone).toBe('device')
    expect(r.conflicts[0]).toMatchObject({ loserValue: 'server', incomingLost: false })
  })

  it('applies an edit made on top of the stored value even when its HLC is lower, stamped above it', () => {
    // The stored phone was written by a phone whose clock runs two hours fast.
    const stored = mergeFields(start(), { phone: 'fast' }, { phone: hlc(100) }, hlc(7_200_000, 'f')).record
    const r = mergeFields(stored, { phone: 'on top' }, { phone: hlc(7_200_000, 'f') }, hlc(500, 'b'))
    expect(r.record.phone).toBe('on top')
    expect(r.changed).toBe(true)
    expect(r.conflicts).toEqual([])
    expect(r.record.hlc.phone).toBe(encodeHlc({ millis: 7_200_000, counter: 1, node: 'b' }))
    expect(r.record.hlc.phone! > hlc(7_200_000, 'f')).toBe(true)
  })

  it('stamps above a stored HLC whose counter is full by moving to the next millisecond', () => {
    const full = encodeHlc({ millis: 900, counter: MAX_COUNTER, node: 'f' })
    const stored = { ...start(), hlc: { ...start().hlc, phone: full } }
    const r = mergeFields(stored, { phone: 'x' }, { phone: full }, hlc(200))
    expect(r.record.hlc.phone).toBe(encodeHlc({ millis: 901, counter: 0, node: 'a' }))
  })

  it('does not report a conflict when both sides wrote the same value', () => {
    const stored = mergeFields(start(), { phone: 'x' }, { phone: hlc(100) }, hlc(200)).record
    expect(mergeFields(stored, { phone: 'x' }, { phone: hlc(100) }, hlc(300)).conflicts).toEqual([])
  })

  it('never lets a patch touch the tombstone, identity or clocks', () => {
    const r = mergeFields(start(), { deleted: true, id: 'other', hlc: {}, gridId: 'h' }, {}, hlc(500))
    expect(r.record).toMatchObject({ deleted: false, id: 'r', gridId: 'g' })
    expect(r.changed).toBe(false)
  })
})

// Property tests: patches with distinct HLCs, applied in any order, any number of times.
const FIELDS = ['phone', 'notes', 'careLevel'] as const
const patchArb = fc.record({
  millis: fc.integer({ min: 101, max: 10_000 }),
  node: fc.constantFrom('a', 'b', 'c'),
  fields: fc.subarray([...FIELDS], { minLength: 1 }),
  value: fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 3 })),
})
type P = { millis: number; node: string; fields: string[]; value: string | number }
const applyAll = (patches: P[]) =>
  patches.reduce((rec, p) => {
    const patch = Object.fromEntries(p.fields.map((f) => [f, p.value]))
    const base = Object.fromEntries(p.fields.map((f) => [f, hlc(100)]))
    return mergeFields(rec, patch, base, hlc(p.millis, p.node)).record
  }, start())
const uniqueClocks = (ps: P[]) => new Set(ps.map((p) => `${p.millis}${p.node}`)).size === ps.length

describe('mergeFields properties', () => {
  it('is commutative: any order of the same patches gives the same record', () => {
    fc.assert(
      fc.property(fc.array(patchArb, { maxLength: 8 }).filter(uniqueClocks), fc.infiniteStream(fc.nat()), (patches, rnd) => {
        const shuffled = [...patches].sort(() => (rnd.next().value % 3) - 1)
        expect(applyAll(shuffled)).toEqual(applyAll(patches))
      }),
    )
  })

  it('is idempotent: applying every patch twice changes nothing', () => {
    fc.assert(
      fc.property(fc.array(patchArb, { maxLength: 8 }).filter(uniqueClocks), (patches) => {
        const once = applyAll(patches)
        expect(applyAll([...patches, ...patches])).toEqual(once)
        for (const p of patches) {
          const patch = Object.fromEntries(p.fields.map((f) => [f, p.value]))
          expect(mergeFields(once, patch, {}, hlc(p.millis, p.node)).changed).toBe(false)
        }
      }),
    )
  })

  it('loses no write silently: every overwritten concurrent value is reported', () => {
    fc.assert(
      fc.property(patchArb, patchArb, (a, b) => {
        fc.pre(uniqueClocks([a, b]))
        const first = applyAll([a])
        const patch = Object.fromEntries(b.fields.map((f) => [f, b.value]))
        const r = mergeFields(first, patch, Object.fromEntries(b.fields.map((f) => [f, hlc(100)])), hlc(b.millis, b.node))
        for (const f of b.fields.filter((x) => a.fields.includes(x) && a.value !== b.value)) {
          expect(r.conflicts.map((c) => c.field)).toContain(f)
        }
        // And every field the second patch wrote on top of the stored value took it.
        for (const f of b.fields.filter((x) => !a.fields.includes(x))) expect(r.record[f]).toBe(b.value)
      }),
    )
  })
})
