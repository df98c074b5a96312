import 'fake-indexeddb/auto'
import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { BACKENDS } from '../helpers/server/backends'
import { runScenario, secondPool, type Scenario } from './simulation'

const FILE = process.env.REPRO ?? '/tmp/pg780.json'
const backend = BACKENDS.find((b) => b.name === (process.env.REPRO_DB ?? 'postgres'))!

describe('repro', () => {
  beforeAll(() => backend.setup(), 120_000)
  afterAll(() => backend.teardown())
  const run = async (sc: Scenario) => {
    const store = await backend.open()
    const v = await runScenario(store, sc, secondPool(backend))
    if (backend.name === 'sqlite') await store.close()
    return v
  }
  it('replays and shrinks', async () => {
    let sc = JSON.parse(readFileSync(FILE, 'utf8')) as Scenario
    const match = process.env.REPRO_MATCH ?? 'G1'
    const fails = async (s: Scenario) => { for (let i = 0; i < Number(process.env.REPRO_TRIES ?? 2); i++) { const v = await run(s); if (v.some((x) => x.startsWith(match))) { console.info('VIOL', v.join(' | ')); return true } } return false }
    if (!(await fails(sc))) { console.info('NO REPRO'); return }
    if (!process.env.REPRO_SHRINK) return
    for (let chunk = Math.ceil(sc.steps.length / 2); chunk >= 1; chunk = Math.floor(chunk / 2)) {
      for (let i = 0; i < sc.steps.length; ) {
        const cand = { ...sc, steps: [...sc.steps.slice(0, i), ...sc.steps.slice(i + chunk)] }
        if (await fails(cand)) { sc = cand; writeFileSync(FILE + '.min', JSON.stringify(sc)); console.info('SHRUNK to', sc.steps.length) } else i += chunk
      }
      if (chunk === 1) break
    }
    console.info('MIN', JSON.stringify(sc))
  }, 3_600_000)
})
