import { cpus } from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { RESULTS_DIR } from './lib/page-build'
import { renderTables, type BenchResult } from './lib/report'
import { syncBench } from './sync-bench'
import { pushBench } from './push-bench'
import { devicesBench } from './devices-bench'
import { phoneBench } from './phone-bench'
import { sizeBench } from './size-bench'
import { supervisorBench } from './supervisor-bench'
import { rosterBench } from './roster-bench'
import { overviewBench } from './overview-bench'

/**
 * `npm run bench` runs every benchmark; `npm run bench -- sync phone` runs those named.
 * Prints the tables and writes bench-results/bench-<time>.json and latest.json.
 */
const BENCHES: Record<string, () => Promise<BenchResult>> = {
  sync: syncBench,
  push: pushBench,
  devices: devicesBench,
  phone: phoneBench,
  size: sizeBench,
  supervisor: supervisorBench,
  roster: rosterBench,
  overview: overviewBench,
}

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const unknown = asked.filter((a) => !(a in BENCHES))
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`)
  process.exit(2)
}
const names = asked.length ? asked : Object.keys(BENCHES)
const machine = {
  date: new Date().toISOString(),
  nproc: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  loadavgAtStart: (await import('node:os')).loadavg(),
}
console.info(`[bench] ${names.join(', ')} on ${machine.nproc}× ${machine.cpu}, node ${machine.node}, load ${machine.loadavgAtStart.map((l) => l.toFixed(1)).join(' ')}`)

const results: BenchResult[] = []
const failures: string[] = []
for (const name of names) {
  const started = Date.now()
  console.info(`[bench] ${name}…`)
  try {
    const result = await BENCHES[name]!()
    result.details.seconds = (Date.now() - started) / 1000
    results.push(result)
    console.info(`[bench] ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    for (const n of result.notes) console.info(`  note: ${n}`)
  } catch (e) {
    failures.push(`${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
    console.error(`[bench] ${name} FAILED:`, e)
  }
}

const tables = renderTables(results)
console.info(`\n${tables}\n`)
mkdirSync(RESULTS_DIR, { recursive: true })
const json = JSON.stringify({ machine: { ...machine, loadavgAtEnd: (await import('node:os')).loadavg() }, results, failures }, null, 2)
const stamp = machine.date.replace(/[:.]/g, '-')
writeFileSync(join(RESULTS_DIR, `bench-${stamp}.json`), json)
writeFileSync(join(RESULTS_DIR, 'latest.json'), json)
writeFileSync(join(RESULTS_DIR, 'latest.md'), tables + '\n')
console.info(`[bench] wrote ${join(RESULTS_DIR, `bench-${stamp}.json`)}`)
process.exit(failures.length ? 1 : 0)
