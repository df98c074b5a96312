import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The repository root (tests/helpers/e2e → ../../..). */
export const ROOT = resolve(import.meta.dirname, '../../..')
export const DIST = join(ROOT, 'dist')

function newest(path: string): number {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), s.mtimeMs)
}

/** Whether dist/ holds a build at least as new as every source it is built from. */
export function distIsFresh(): boolean {
  if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'sw.js'))) return false
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => newest(join(ROOT, p)))
  return newest(DIST) >= Math.max(...sources)
}

/** Builds the PWA once unless dist/ is fresh (`npm test` has just built it). */
export function ensureBuilt(): void {
  if (distIsFresh()) return
  console.info('[e2e] building the app (vite build)…')
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would build a non-production app (no service worker).
    env: { ...process.env, NODE_ENV: 'production' },
  })
}
