import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { build } from 'vite'

/**
 * Builds the benchmark page (bench/page) with vite, from the same src/ as the app, into
 * bench-results/page. Built once per run, before any timing.
 */
export const ROOT = resolve(import.meta.dirname, '../..')
export const RESULTS_DIR = join(ROOT, 'bench-results')
export const PAGE_DIST = join(RESULTS_DIR, 'page')

let built: Promise<string> | null = null

export function buildBenchPage(): Promise<string> {
  built ??= (async () => {
    const require = createRequire(import.meta.url)
    await build({
      configFile: false,
      root: join(ROOT, 'bench/page'),
      logLevel: 'warn',
      resolve: {
        alias: {
          '@': join(ROOT, 'src'),
          // PouchDB's browser build imports Node's EventEmitter; the npm `events` port stands in.
          events: join(dirname(require.resolve('events/package.json')), 'events.js'),
        },
      },
      build: { outDir: PAGE_DIST, emptyOutDir: true, sourcemap: process.env.BENCH_SOURCEMAP === '1', target: 'es2020', chunkSizeWarningLimit: 5000 },
    })
    if (!existsSync(join(PAGE_DIST, 'index.html'))) throw new Error('bench page build produced no index.html')
    return PAGE_DIST
  })()
  return built
}
