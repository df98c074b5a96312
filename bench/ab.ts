import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { launchDevice } from './lib/browser'
import { loadedSqlite, workerDataset } from './lib/dataset'
import { startOurServer, type OurServer } from './lib/our-server'
import { median } from './lib/report'
import { coldStart } from './phone-bench'
import { audit, preparedProfile } from './size-bench'

/**
 * Two builds of the PWA compared in one run, alternating A and B so that both see the
 * same machine load (the way to tell whether a front-end change helped, on a shared
 * machine whose absolute times move by 2×):
 *
 *   npx tsx bench/ab.ts <distA> <distB> [cold] [login] [today]   (default: all three)
 *
 * - cold: offline cold start to the first household row (phone profile, full scope);
 * - login: Lighthouse mobile performance and TBT of a new phone's login screen;
 * - today: the same for Today on a phone holding the full scope.
 * Each build is served by its own server (its own origin, so its own service worker and
 * storage) over one copy of the demo database. Build a "before" with, e.g.:
 *   git worktree add /tmp/before <rev> && (cd /tmp/before && ln -s $PWD/node_modules
 *   && npx vite build --outDir /tmp/dist-before)
 */

const [distA, distB, ...asked] = process.argv.slice(2)
if (!distA || !distB || ![distA, distB].every((d) => existsSync(resolve(d, 'index.html')))) {
  console.error('usage: npx tsx bench/ab.ts <distA> <distB> [cold] [login] [today]  (each dist a built PWA)')
  process.exit(2)
}
const what = new Set(asked.length ? asked : ['cold', 'login', 'today'])
const RUNS = Number(process.env.AB_RUNS ?? 5)
const ds = workerDataset()
const sqlite = await loadedSqlite(ds.demo)
const servers: Record<'A' | 'B', OurServer> = {
  A: await startOurServer({ store: sqlite.store, staticDir: resolve(distA) }),
  B: await startOurServer({ store: sqlite.store, staticDir: resolve(distB) }),
}
const sides = ['A', 'B'] as const
const profiles: Record<string, string> = {}
const out: Record<string, number[]> = {}
const push = (k: string, v: number) => (out[k] ??= []).push(v)
try {
  if (what.has('cold') || what.has('today')) for (const s of sides) profiles[s] = await preparedProfile(servers[s].url, ds.scope.visits.length)
  for (let i = 0; i < RUNS; i++) {
    for (const s of sides) {
      if (what.has('cold')) push(`${s} cold start ms`, (await coldStart(servers[s].url, profiles[s]!, '[data-testid="household-row"]')).ms)
      if (what.has('login')) {
        const l = await audit(`ab-${s}-login`, `${servers[s].url}/login`, undefined)
        push(`${s} login performance`, l.performance)
        push(`${s} login TBT ms`, l.tbtMs)
        push(`${s} login LCP ms`, l.lcpMs)
      }
      if (what.has('today')) {
        const t = await audit(`ab-${s}-today`, `${servers[s].url}/`, profiles[s])
        push(`${s} Today performance`, t.performance)
        push(`${s} Today TBT ms`, t.tbtMs)
        push(`${s} Today LCP ms`, t.lcpMs)
      }
    }
  }
  for (const [k, v] of Object.entries(out)) console.info(`${k.padEnd(24)} median ${median(v).toFixed(0).padStart(5)}   runs ${v.map((x) => x.toFixed(0)).join(' ')}`)
  for (const k of Object.keys(out).filter((x) => x.startsWith('A '))) {
    const b = out[`B ${k.slice(2)}`]
    if (b) console.info(`B / A ${k.slice(2).padEnd(18)} ${(median(b) / median(out[k]!)).toFixed(2)}`)
  }
} finally {
  for (const s of sides) await servers[s].close()
  for (const dir of Object.values(profiles)) await (await launchDevice({ dir })).dispose()
  await sqlite.cleanup()
}
