// Screenshots at 390×844 for review and the README: node tests/helpers/app/shoot.mjs <baseUrl> <outDir> [elder|en]
// Seeds the page through tests/helpers/app/screenshot-seed.ts (dev server only).
import { chromium } from 'playwright-core'

const [base = 'http://127.0.0.1:5173', out = '/tmp/shots', elder] = process.argv.slice(2)
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
page.on('pageerror', (e) => console.error('pageerror', e.message))
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error('console', m.text()) })
if (elder === 'elder') await page.addInitScript(() => localStorage.setItem('gridsister.elderMode', '1'))
if (elder === 'en') await page.addInitScript(() => localStorage.setItem('gridsister.locale', 'en'))
await page.goto(base + '/tests/helpers/app/shots.html?n=' + (process.env.N ?? '40'))
// main.ts mounts after the session's restore and the first route: wait for the app itself.
await page.waitForFunction(() => window.__ready === true && document.querySelector('#app').__vue_app__, null, { timeout: 60_000 })
const ids = await page.evaluate(() => window.__ids)
const pages = (process.env.SHOTS ?? 'today=/').split(',').map((s) => s.split('='))
for (const [name, raw] of pages) {
  const path = raw.replace(':hid', ids.firstId).replace(':vid', ids.visitId).replace(':wid', ids.wishId)
  await page.evaluate(async (p) => {
    const router = document.querySelector('#app').__vue_app__.config.globalProperties.$router
    await router.push(p)
  }, path)
  await page.waitForTimeout(900)
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: process.env.FULL === '1' })
  console.info('shot', name, path)
}
await browser.close()
