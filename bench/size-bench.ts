import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { launch as launchChrome } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import type { Page } from 'playwright-core'
import { DIST, ensureBuilt } from '../tests/helpers/e2e/build'
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/e2e/browser'
import { login } from '../tests/helpers/e2e/login'
import { launchDevice } from './lib/browser'
import { WORKER, loadedSqlite, workerDataset } from './lib/dataset'
import { startOurServer } from './lib/our-server'
import { newResult, type BenchResult } from './lib/report'

/**
 * Benchmark 5: bytes (gzip -9, like vite's report) of the JS and CSS a signed-in worker's
 * first screen (Today) loads, observed in Chromium with the service worker blocked so
 * that every request shows; and Lighthouse 12's mobile scores (its default config:
 * emulated mid-range phone, simulated slow 4G) for the login screen of a new phone and
 * for Today on a phone holding a worker's whole scope.
 */

const FIRST_SCREEN_GOAL = 180 * 1024

interface Asset {
  path: string
  gzip: number
}

async function firstScreenAssets(url: string, path: string, ready: string, signIn: boolean): Promise<Asset[]> {
  const device = await launchDevice({ blockServiceWorkers: true })
  try {
    if (signIn) await login(device.page, url, WORKER)
    await device.page.goto('about:blank')
    const seen = new Set<string>()
    device.page.on('request', (req) => {
      if (['script', 'stylesheet'].includes(req.resourceType())) seen.add(new URL(req.url()).pathname)
    })
    await device.page.goto(`${url}${path}`)
    await device.page.locator(ready).first().waitFor()
    await device.page.waitForLoadState('networkidle')
    return [...seen].map((p) => {
      const file = join(DIST, p)
      const gzip = existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : NaN
      return { path: p, gzip }
    })
  } finally {
    await device.dispose()
  }
}

interface Scores {
  performance: number
  accessibility: number
  bestPractices: number
  lcpMs: number
  tbtMs: number
}

async function audit(url: string, userDataDir: string | undefined): Promise<Scores> {
  const chrome = await launchChrome({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS, userDataDir: userDataDir ?? false })
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: ['performance', 'accessibility', 'best-practices'], disableStorageReset: userDataDir !== undefined },
    )
    const lhr = result?.lhr
    if (!lhr) throw new Error('lighthouse returned no report')
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcpMs: Number(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Number(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    }
  } finally {
    chrome.kill()
  }
}

/** Visits stored and whether a whole sync run finished (`lastSyncAt`), in the page's databases. */
function syncedState(page: Page): Promise<{ visits: number; synced: boolean }> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((x) => x.startsWith('gridsister-'))
    let visits = 0
    let synced = false
    for (const name of names) {
      await new Promise<void>((resolve) => {
        const open = indexedDB.open(name)
        open.onerror = () => resolve()
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('visits') || !db.objectStoreNames.contains('meta')) return resolve(db.close())
          const tx = db.transaction(['visits', 'meta'], 'readonly')
          const count = tx.objectStore('visits').count()
          const last = tx.objectStore('meta').get('lastSyncAt')
          tx.oncomplete = () => {
            visits = Math.max(visits, count.result)
            synced ||= last.result !== undefined
            db.close()
            resolve()
          }
        }
      })
    }
    return { visits, synced }
  })
}

/**
 * A phone profile signed in with the whole scope stored, for the Today audit: waits in
 * Node until the first sync run has finished (not only the visits stored: reviews and
 * the cursors come later), so the audit measures an ordinary start, not a first sync.
 */
async function preparedProfile(url: string, expectVisits: number): Promise<string> {
  const device = await launchDevice()
  await login(device.page, url, WORKER)
  const deadline = Date.now() + 600_000
  for (;;) {
    const s = await syncedState(device.page)
    if (s.visits >= expectVisits && s.synced) break
    if (Date.now() > deadline) throw new Error(`the app did not finish its first sync in time (${s.visits} visits)`)
    await new Promise((r) => setTimeout(r, 1000))
  }
  await device.page.waitForTimeout(2000)
  await device.close()
  return device.dir
}

export async function sizeBench(): Promise<BenchResult> {
  const r = newResult('size')
  ensureBuilt()
  const ds = workerDataset()
  const sqlite = await loadedSqlite(ds.demo)
  const app = await startOurServer({ store: sqlite.store, staticDir: DIST })
  let profile: string | null = null
  try {
    const today = await firstScreenAssets(app.url, '/', '.today', true)
    const loginScreen = await firstScreenAssets(app.url, '/login', '[data-testid="login-submit"]', false)
    for (const [name, assets] of [['Today (signed in)', today], ['login (new phone)', loginScreen]] as const) {
      const total = assets.reduce((n, a) => n + a.gzip, 0)
      const js = assets.filter((a) => a.path.endsWith('.js')).reduce((n, a) => n + a.gzip, 0)
      r.figure('first screen', `${name}: JS + CSS, gzip`, total / 1024, `KB (${(js / 1024).toFixed(1)} KB JS, ${assets.length} files)`)
      r.details[name] = assets
    }
    const todayTotal = today.reduce((n, a) => n + a.gzip, 0)
    r.ratio('first screen (Today) JS+CSS gzip / 180 KB', todayTotal / FIRST_SCREEN_GOAL, { max: 1 })
    const charts = today.filter((a) => /echarts|chart/i.test(a.path) || readFileSync(join(DIST, a.path), 'utf8').includes('echarts'))
    if (charts.length) r.note(`charts code in the first screen: ${charts.map((a) => a.path).join(', ')}`)

    profile = await preparedProfile(app.url, ds.scope.visits.length)
    for (const [name, url, dir] of [
      ['login, new phone', `${app.url}/login`, undefined],
      ['Today, full scope stored', `${app.url}/`, profile],
    ] as const) {
      const s = await audit(url, dir)
      r.ratio(`Lighthouse ${name}: performance`, s.performance, { min: 95 })
      r.ratio(`Lighthouse ${name}: accessibility`, s.accessibility, { min: 95 })
      r.ratio(`Lighthouse ${name}: best practices`, s.bestPractices, { min: 95 })
      r.figure('lighthouse', `${name}: LCP / TBT`, s.lcpMs, `ms LCP (TBT ${s.tbtMs.toFixed(0)} ms)`)
      r.details[`lighthouse ${name}`] = s
    }
  } finally {
    await app.close()
    if (profile) await (await launchDevice({ dir: profile })).dispose()
    await sqlite.cleanup()
  }
  return r
}
