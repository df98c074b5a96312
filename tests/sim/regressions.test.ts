import 'fake-indexeddb/auto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../helpers/server/backends'
import { runScenario, secondPool, type Scenario } from './simulation'

/**
 * Every simulation scenario that ever failed, replayed as it failed (stored as data, not
 * as a seed: a seed names a different scenario as soon as the generator gains a step).
 * Each file in tests/sim/regressions/ says how it was found and what it broke.
 */

interface Regression {
  name: string
  found: string
  scenario: Scenario
}

const DIR = join(import.meta.dirname, 'regressions')
const REGRESSIONS: Regression[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Regression)

describe.each(BACKENDS)('simulation regressions on $name', (backend) => {
  beforeAll(() => backend.setup(), 120_000)
  afterAll(() => backend.teardown())

  it.skipIf(!backend.available).each(REGRESSIONS)('keeps every guarantee in $name', async ({ scenario }) => {
    const store = await backend.open()
    const violations = await runScenario(store, scenario, secondPool(backend))
    if (backend.name === 'sqlite') await store.close()
    expect(violations).toEqual([])
  }, 120_000)
})
