import { describe, expect, it } from 'vitest'
import { encodeHlc, MAX_DRIFT_MS } from '../../src/shared'
import { createServerClock } from '../../sync-server/context'

const NOW = 1_764_000_000_000
const hlc = (millis: number, counter = 0, node = 'device1') => encodeHlc({ millis, counter, node })

describe('the server clock', () => {
  it('moves past every timestamp a push accepted, whatever their order', () => {
    const clock = createServerClock(() => NOW)
    const seen = [hlc(NOW + 5_000, 3), hlc(NOW + 9_000, 1), hlc(NOW - 1_000, 7), hlc(NOW + 9_000, 0)]
    const reply = clock(seen)
    for (const s of seen) expect(reply > s).toBe(true)
    expect(clock() > reply).toBe(true)
  })

  it('never adopts a timestamp too far ahead, but still moves past the others', () => {
    const clock = createServerClock(() => NOW)
    const drifted = hlc(NOW + MAX_DRIFT_MS + 60_000)
    const fine = hlc(NOW + 30_000, 2)
    const reply = clock([fine, drifted])
    expect(reply > fine).toBe(true)
    expect(reply < drifted).toBe(true)
  })

  it('ticks forward on a reply with nothing accepted', () => {
    const clock = createServerClock(() => NOW)
    const a = clock()
    expect(clock([]) > a).toBe(true)
  })
})
