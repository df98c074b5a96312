import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { BACKENDS } from '../helpers/server/backends'
import { runScenario, scenarioArb, secondPool } from './simulation'

/**
 * THE simulation as a test, on one database per file so the two run side by side (a
 * scenario patches Date.now while a device writes: two in one process would mix clocks).
 * `npm test` (CI) runs SIM_SEEDS scenarios of up to SIM_STEPS steps, 200 × 120 by default;
 * `npm run test:sim -- --seeds N` runs a longer hunt; SIM_SEED replays one seed, printed
 * by fast-check when a run fails. A failing scenario goes to tests/sim/regressions/.
 */

const RUNS = Number(process.env.SIM_SEEDS ?? 200)
const SEED = Number(process.env.SIM_SEED ?? 20250301)
const MAX_STEPS = Number(process.env.SIM_STEPS ?? 120)
/** Generous: a scenario takes about a second here, several on a busy machine. */
const TIMEOUT_MS = Math.max(600_000, RUNS * 15_000)
/** A long hunt prints how far it has got (run-sim sets it), so a four-hour run is not silent. */
const PROGRESS_EVERY = Number(process.env.SIM_PROGRESS ?? 0)

export function simulationSuite(name: 'sqlite' | 'postgres'): void {
  const backend = BACKENDS.find((b) => b.name === name)!
  describe(`sync simulation on ${name}`, () => {
    beforeAll(() => backend.setup(), 120_000)
    afterAll(() => backend.teardown())

    it.skipIf(!backend.available)(
      'keeps every guarantee of docs/sync.md through drops, duplicates, delays, partitions, kills, skew, reassignment, restarts and a second server',
      async () => {
        let done = 0
        const started = Date.now()
        await fc.assert(
          fc.asyncProperty(scenarioArb(MAX_STEPS), async (scenario) => {
            const store = await backend.open()
            const violations = await runScenario(store, scenario, secondPool(backend))
            if (backend.name === 'sqlite') await store.close()
            expect(violations).toEqual([])
            done++
            if (PROGRESS_EVERY > 0 && done % PROGRESS_EVERY === 0) {
              console.info(`simulation on ${name}: ${done}/${RUNS} scenarios passed in ${Math.round((Date.now() - started) / 1000)} s`)
            }
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: process.env.SIM_SHRINK !== '1', verbose: 1 },
        )
      },
      TIMEOUT_MS,
    )
  })
}
