import { spawnSync } from 'node:child_process'

/**
 * `npm run test:sim -- --seeds N [--steps S] [--seed X] [--backend sqlite|postgres] [--shrink]`
 * A longer hunt than `npm test` runs: the same simulation (tests/sim/simulation-*.test.ts),
 * with more seeds and steps. Runs through vitest so the app's module aliases resolve.
 */

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  SIM_SEEDS: arg('seeds') ?? '50',
  SIM_STEPS: arg('steps') ?? process.env.SIM_STEPS ?? '120',
  NO_COLOR: '1',
  SIM_PROGRESS: process.env.SIM_PROGRESS ?? '500',
}
if (arg('seed')) env.SIM_SEED = arg('seed')
if (process.argv.includes('--shrink')) env.SIM_SHRINK = '1'
const backend = arg('backend')
const files = (backend ? [backend] : ['sqlite', 'postgres']).map((b) => `tests/sim/simulation-${b}.test.ts`)
const args = ['vitest', 'run', '--project', 'server', ...files]
console.info(`simulation: ${env.SIM_SEEDS} seeds × ≤${env.SIM_STEPS} steps${backend ? ` on ${backend}` : ' on sqlite and postgres'}`)
const run = spawnSync('npx', args, { stdio: 'inherit', env })
process.exit(run.status ?? 1)
