import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../helpers/server/backends'
import { runScenario, type Scenario } from './simulation'

/**
 * A scenario leaves no phone database behind: fake-indexeddb keeps every database in the
 * process's memory, and a 10,000-scenario hunt that only closed them grew to the heap's
 * limit and slowed to half its speed in garbage collection.
 */

const SCENARIO: Scenario = {
  netSeed: 3,
  steps: [
    { t: 'edit', dev: 0, op: 'household-new', r: 11 },
    { t: 'sync', dev: 0 },
    { t: 'kill', dev: 0 },
    { t: 'edit', dev: 1, op: 'household-edit', r: 12 },
    { t: 'sync', dev: 1 },
  ],
}

const simDatabases = async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('sim-'))

describe('a simulation scenario', () => {
  const sqlite = BACKENDS.find((b) => b.name === 'sqlite')!
  beforeAll(() => sqlite.setup())
  afterAll(() => sqlite.teardown())

  it('deletes the databases of its phones, fresh checking devices included', async () => {
    const before = await simDatabases()
    const store = await sqlite.open()
    expect(await runScenario(store, SCENARIO)).toEqual([])
    await store.close()
    expect(await simDatabases()).toEqual(before)
  })
})
