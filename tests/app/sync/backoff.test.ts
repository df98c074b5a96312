import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createBackoff } from '@/sync/backoff'

describe('createBackoff', () => {
  it('doubles the ceiling after each failure and caps it', () => {
    const b = createBackoff({ baseMs: 1000, maxMs: 8000, random: () => 1 })
    expect([b.fail(), b.fail(), b.fail(), b.fail(), b.fail()]).toEqual([1000, 2000, 4000, 8000, 8000])
    expect(b.failures).toBe(5)
  })

  it('starts from the base delay again after a success', () => {
    const b = createBackoff({ baseMs: 1000, random: () => 1 })
    b.fail()
    b.fail()
    b.reset()
    expect(b.fail()).toBe(1000)
  })

  it('never retries sooner than the server asked with Retry-After', () => {
    const b = createBackoff({ baseMs: 1000, random: () => 0 })
    expect(b.fail(30_000)).toBe(30_000)
  })

  it('keeps every delay between half the ceiling and the ceiling (jitter)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (n, r) => {
        const b = createBackoff({ baseMs: 500, maxMs: 60_000, random: () => r })
        let last = 0
        for (let i = 0; i < n; i++) last = b.fail()
        const ceiling = Math.min(60_000, 500 * 2 ** (n - 1))
        expect(last).toBeGreaterThanOrEqual(Math.floor(ceiling / 2))
        expect(last).toBeLessThanOrEqual(ceiling)
      }),
    )
  })
})
