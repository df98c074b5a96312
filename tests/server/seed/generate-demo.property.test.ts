import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RECORD_SCHEMAS, WISH_STATES } from '../../../src/shared'
import { generateDemo } from '../../../sync-server/seed/generate-demo'

/** Any seed and any `now` (leap days and midnights included) give a valid small demo. */
describe('generateDemo (property)', () => {
  it('produces parseable records, all in the past of now, for any seed and now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }),
        (seed, now) => {
          const d = generateDemo({ seed, now, households: 40 })
          const nowMs = now.getTime()
          for (const [kind, list] of [['household', d.households], ['person', d.persons], ['visit', d.visits], ['wish', d.wishes], ['assessment', d.assessments], ['review', d.reviews]] as const) {
            for (const r of list) expect(RECORD_SCHEMAS[kind].safeParse(r).success, `${kind} ${JSON.stringify(r)}`).toBe(true)
          }
          for (const v of d.visits) expect(Date.parse(v.createdAt)).toBeLessThanOrEqual(nowMs)
          for (const w of d.wishes) expect(Date.parse(w.updatedAt)).toBeLessThanOrEqual(nowMs)
          for (const r of d.reviews) expect(Date.parse(r.reviewedAt ?? '')).toBeLessThanOrEqual(nowMs)
          expect(new Set(d.wishes.map((w) => w.state)).size).toBe(d.wishes.length >= WISH_STATES.length ? WISH_STATES.length : d.wishes.length)
        },
      ),
      { numRuns: 25, seed: 20240305 },
    )
  })

  it('handles a now on a leap day without inventing 29 February in common years', () => {
    const d = generateDemo({ now: new Date('2024-02-26T12:00:00+08:00'), households: 300 })
    for (const p of d.persons) {
      const y = Number(p.birthDate?.slice(0, 4))
      if (p.birthDate?.endsWith('-02-29')) expect((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0).toBe(true)
    }
  })
})
