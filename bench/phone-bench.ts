import { createServer, type Server } from 'node:http'
import { pinyin } from 'pinyin-pro'
import { DIST, ensureBuilt } from '../tests/helpers/e2e/build'
import { waitForServiceWorkerControl } from '../tests/helpers/e2e/browser'
import { login } from '../tests/helpers/e2e/login'
import { hashPassword } from '../sync-server/auth/passwords'
import { DEMO_PASSWORD } from '../sync-server/seed/generate-demo'
import { launchDevice, type Device } from './lib/browser'
import { WORKER, loadedSqlite, workerDataset } from './lib/dataset'
import { newVisits } from './lib/new-visits'
import { startOurServer } from './lib/our-server'
import { buildBenchPage } from './lib/page-build'
import { armKeystroke, firstRenderMs, keystrokeToChange, watchFirstRender } from './lib/phone-probe'
import { median, newResult, quantile, type BenchResult } from './lib/report'

/**
 * Benchmark 4, on the phone (Chromium 390×844, on-disk profile): the built app with a
 * worker's whole scope stored (synced by the app itself after a real login).
 * - Offline cold start: a new browser on the same profile, no network, /households,
 *   until the first household row is drawn; against an empty page's load (a blank
 *   document, new browser, loopback) and against the same app holding no records.
 * - Saving a visit with the real repository (record + outbox + derived columns) against
 *   a bare Dexie put of the same object, on the bench page holding the same scope.
 * - Household search: keystroke to the result count redrawn.
 */

const COLD_RUNS = 5
const SAVES = 150
/** Saves timed together (the page's clock ticks in 0.1 ms, a tenth of a bare put). */
const SAVE_BATCH = 10
const EMPTY_USER = 'bench-empty-worker'

const blankServer = (): Promise<{ url: string; server: Server }> =>
  new Promise((resolve) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>空白</title><p>空白页</p></html>')
    })
    // localhost, not 127.0.0.1: another origin than the app, so no service worker answers.
    server.listen(0, '127.0.0.1', () => {
      const a = server.address()
      resolve({ url: `http://localhost:${typeof a === 'object' && a ? a.port : 0}/`, server })
    })
  })

async function storedCount(page: Device['page'], userId: string, table: string): Promise<number> {
  return page.evaluate(
    ({ name, table }) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open(name)
        open.onerror = () => resolve(-1)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains(table)) return resolve(0)
          const req = db.transaction(table, 'readonly').objectStore(table).count()
          req.onsuccess = () => {
            db.close()
            resolve(req.result)
          }
          req.onerror = () => resolve(-1)
        }
      }),
    { name: `gridsister-${userId}`, table },
  )
}

/** Logs in through the UI and waits until the app has stored `expect` visits. */
async function preparePhone(url: string, username: string, userId: string, expectVisits: number): Promise<string> {
  const device = await launchDevice()
  try {
    await login(device.page, url, username)
    await waitForServiceWorkerControl(device.page, 120_000)
    const deadline = Date.now() + 600_000
    while ((await storedCount(device.page, userId, 'visits')) < expectVisits || (await storedCount(device.page, userId, 'meta')) === 0) {
      if (Date.now() > deadline) throw new Error(`${username}: the app did not store ${expectVisits} visits in time`)
      await new Promise((r) => setTimeout(r, 1000))
    }
    await device.page.waitForTimeout(2000)
    return device.dir
  } finally {
    await device.close()
  }
}

interface ColdStart {
  /** First row (or the empty list) drawn, since navigation start. */
  ms: number
  /** The last script or stylesheet the start asked for up front, answered by the service worker. */
  filesMs: number
  fromSw: boolean
}

export async function coldStart(url: string, dir: string, selector: string): Promise<ColdStart> {
  const device = await launchDevice({ dir })
  try {
    await device.context.setOffline(true)
    await watchFirstRender(device.page, selector)
    const res = await device.page.goto(`${url}/households`, { waitUntil: 'commit' })
    const ms = await firstRenderMs(device.page)
    if (process.env.BENCH_DEBUG) console.info(await timeline(device.page))
    // The files the start asks for up front: the boot script and what it preloads (link
    // elements), not the chunks imported later (the sync engine at idle time).
    const filesMs = await device.page.evaluate(() => {
      const files = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (e) => /\.(js|css)$/.test(e.name) && (e.initiatorType === 'link' || /\/boot-[^/]*\.js$/.test(e.name)),
      )
      return Math.max(...files.map((e) => e.responseEnd))
    })
    return { ms, filesMs, fromSw: res?.fromServiceWorker() ?? false }
  } finally {
    await device.close()
  }
}

/** Where a cold start's time went (BENCH_DEBUG): navigation and file timings, in ms. */
function timeline(page: Device['page']): Promise<string> {
  return page.evaluate(async () => {
    const long = await new Promise<PerformanceEntry[]>((resolve) => {
      const seen: PerformanceEntry[] = []
      new PerformanceObserver((l) => seen.push(...l.getEntries())).observe({ type: 'longtask', buffered: true })
      setTimeout(() => resolve(seen), 100)
    })
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    const f = (x: number) => x.toFixed(0)
    const lines = [`navigation: workerStart ${f(n.workerStart)} fetchStart ${f(n.fetchStart)} responseStart ${f(n.responseStart)} responseEnd ${f(n.responseEnd)} domInteractive ${f(n.domInteractive)} domContentLoaded ${f(n.domContentLoadedEventEnd)}`]
    for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      lines.push(`  ${e.name.replace(/^.*\//, '')}: ${f(e.startTime)} → ${f(e.responseEnd)}`)
    for (const e of long) lines.push(`  long task ${f(e.startTime)} + ${f(e.duration)}`)
    for (const e of performance.getEntriesByType('mark').concat(performance.getEntriesByType('paint'))) lines.push(`  ${e.name} ${f(e.startTime)}`)
    return lines.join('\n')
  })
}

async function blankLoad(url: string): Promise<number> {
  const device = await launchDevice()
  try {
    await device.page.goto(url, { waitUntil: 'load' })
    return await device.page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd)
  } finally {
    await device.dispose()
  }
}

export async function phoneBench(): Promise<BenchResult> {
  const r = newResult('phone')
  const ds = workerDataset()
  ensureBuilt()
  const pageDir = await buildBenchPage()
  const sqlite = await loadedSqlite(ds.demo)
  await sqlite.store.insertUser({
    id: crypto.randomUUID(), username: EMPTY_USER, displayName: '空白网格员', role: 'worker', communityId: ds.demo.community.id,
    phone: '', passwordHash: await hashPassword(DEMO_PASSWORD), disabled: false, createdAt: Date.now(),
  })
  const app = await startOurServer({ store: sqlite.store, staticDir: DIST })
  const benchPage = await startOurServer({ store: sqlite.store, staticDir: pageDir })
  const blank = await blankServer()
  const dirs: string[] = []
  try {
    const full = await app.login(WORKER)
    const empty = await app.login(EMPTY_USER)
    const fullDir = await preparePhone(app.url, WORKER, full.userId, ds.scope.visits.length)
    dirs.push(fullDir)
    const emptyDir = await preparePhone(app.url, EMPTY_USER, empty.userId, 0)
    dirs.push(emptyDir)

    // Cold starts, interleaved so that all three see the same machine load.
    const runs = { full: [] as number[], empty: [] as number[], blank: [] as number[], files: [] as number[] }
    let fromSw = true
    for (let i = 0; i < COLD_RUNS; i++) {
      const f = await coldStart(app.url, fullDir, '[data-testid="household-row"]')
      const e = await coldStart(app.url, emptyDir, '.gs-empty')
      fromSw &&= f.fromSw && e.fromSw
      runs.full.push(f.ms)
      runs.files.push(f.filesMs)
      runs.empty.push(e.ms)
      runs.blank.push(await blankLoad(blank.url))
    }
    if (!fromSw) r.note('a cold start was not answered by the service worker')
    r.ratio('offline cold start, full scope / empty page load', median(runs.full) / median(runs.blank), { max: 3 })
    r.ratio('offline cold start, full scope / same app with no records', median(runs.full) / median(runs.empty), { max: 3 })
    r.figure('cold start', 'full scope → first household row drawn (median)', median(runs.full), `ms (runs: ${runs.full.map((x) => x.toFixed(0)).join(', ')})`)
    r.figure('cold start', 'no records → empty list drawn (median)', median(runs.empty), `ms (runs: ${runs.empty.map((x) => x.toFixed(0)).join(', ')})`)
    r.figure('cold start', 'full scope → its files served by the service worker (median)', median(runs.files), `ms (the last start script or stylesheet; ${(median(runs.files) / median(runs.blank)).toFixed(1)} × the blank page)`)
    r.figure('cold start', 'blank page load event (median)', median(runs.blank), `ms (runs: ${runs.blank.map((x) => x.toFixed(0)).join(', ')})`)
    r.details.coldStart = runs

    await searchTimings(r, app.url, fullDir, ds.scope.households.map((h) => h.headName))
    await saveTimings(r, benchPage, ds)
  } finally {
    await app.close()
    await benchPage.close()
    blank.server.close()
    for (const dir of dirs) await (await launchDevice({ dir })).dispose()
    await sqlite.cleanup()
  }
  return r
}

async function searchTimings(r: ReturnType<typeof newResult>, url: string, dir: string, names: string[]): Promise<void> {
  const device = await launchDevice({ dir })
  const samples: number[] = []
  try {
    await device.context.setOffline(true)
    await device.page.goto(`${url}/households`)
    await device.page.locator('[data-testid="household-row"]').first().waitFor()
    const input = device.page.locator('[data-testid="household-search"] input')
    const count = '[data-testid="household-count"]'
    for (const name of names.filter((_, i) => i % 97 === 3).slice(0, 6)) {
      const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()
      await input.fill('')
      await device.page.waitForTimeout(200)
      for (const ch of initials) {
        const before = (await device.page.locator(count).textContent()) ?? ''
        await armKeystroke(device.page)
        await input.press(ch)
        const ms = await keystrokeToChange(device.page, count, before)
        if (ms !== null) samples.push(ms)
      }
    }
  } finally {
    await device.close()
  }
  r.figure('search', 'keystroke → result count redrawn, median', median(samples), `ms (p95 ${quantile(samples, 0.95).toFixed(0)}, ${samples.length} keystrokes)`)
  r.details.search = samples
}

async function saveTimings(r: ReturnType<typeof newResult>, server: Awaited<ReturnType<typeof startOurServer>>, ds: ReturnType<typeof workerDataset>): Promise<void> {
  const device = await launchDevice()
  try {
    const session = await server.login(WORKER)
    await device.page.goto(`${server.url}/`)
    await device.page.waitForFunction(() => Boolean(window.gsBench))
    const sync = await device.page.evaluate((s) => window.gsBench.ourSync(s), session)
    if (sync.state !== 'idle') r.note(`save bench: the device sync ended ${sync.state}`)
    const actor = { id: ds.worker.id, name: ds.worker.displayName, role: 'worker' as const }
    const inputs = newVisits(ds, SAVES, 11).inputs
    const t = await device.page.evaluate((a) => window.gsBench.saveTimings(a), { userId: session.userId, inputs, actor, batch: SAVE_BATCH })
    // The first batch includes Dexie's table warm-up; every kind pays it, medians ignore it.
    r.ratio('save a visit: repository (record + outbox) / bare Dexie put', median(t.repository) / median(t.bare), { max: 3 })
    r.figure('save visit', 'createVisit (record + outbox + derived), median', median(t.repository), `ms per save (p95 ${quantile(t.repository, 0.95).toFixed(2)}; ${t.repository.length} batches of ${SAVE_BATCH})`)
    r.figure('save visit', 'bare db.visits.put, median', median(t.bare), `ms per put (p95 ${quantile(t.bare, 0.95).toFixed(2)})`)
    r.ratio('save a visit: the same rows bare in one transaction / bare Dexie put (what IndexedDB allows)', median(t.rows) / median(t.bare), null)
    r.ratio('save a visit: repository / the same rows bare in one transaction (our overhead)', median(t.repository) / median(t.rows), null)
    r.figure('save visit', 'the same rows bare in one transaction, median', median(t.rows), `ms per save (p95 ${quantile(t.rows, 0.95).toFixed(2)})`)
    r.details.save = t
  } finally {
    await device.dispose()
  }
}
