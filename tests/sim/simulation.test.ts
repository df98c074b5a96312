import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { BACKENDS } from '../helpers/server/backends'
import { runScenario, scenarioArb } from './simulation'

/**
 * The sync simulation in `npm test`: a fixed set of seeds on SQLite and on PostgreSQL.
 * `npm run test:sim -- --seeds N` runs N seeds (SIM_SEEDS) for a longer hunt;
 * SIM_SEED replays one seed, printed by fast-check when a run fails.
 */

const RUNS = Number(process.env.SIM_SEEDS ?? 5)
const SEED = Number(process.env.SIM_SEED ?? 20250301)
const MAX_STEPS = Number(process.env.SIM_STEPS ?? 70)

describe.each(BACKENDS)('sync simulation on $name', (backend) => {
  beforeAll(() => backend.setup(), 120_000)
  afterAll(() => backend.teardown())

  it.skipIf(!backend.available)(
    'keeps every guarantee of docs/sync.md through drops, duplicates, delays, partitions, kills, skew and reassignment',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb(MAX_STEPS), async (scenario) => {
          const store = await backend.open()
          const violations = await runScenario(store, scenario)
          if (backend.name === 'sqlite') await store.close()
          expect(violations).toEqual([])
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: process.env.SIM_SHRINK !== '1', verbose: 1 },
      )
    },
    600_000,
  )
})
