// Renders the app icons from one SVG mark with the machine's headless Chromium.
// Run by hand when the mark changes (`node scripts/render-icons.mjs`); the PNGs are
// committed, so installing or building never needs a browser or an image tool.
import { writeFileSync } from 'node:fs'
import { chromium } from 'playwright-core'

const RED = '#d9363e'
const cells = [
  [9, 9], [25.5, 9], [42, 9],
  [9, 25.5], [42, 25.5],
  [9, 42], [25.5, 42], [42, 42],
]
// A 3×3 grid (格) on 64 units whose centre cell is a heart: the sister who cares.
const mark = [
  ...cells.map(([x, y]) => `<rect x="${x}" y="${y}" width="13" height="13" rx="3"/>`),
  '<path transform="translate(32 32) scale(1.18) translate(-32 -32.8)" d="M32 38.6c-.5 0-1-.2-1.4-.6l-4.7-4.6a4.1 4.1 0 0 1 5.8-5.8l.3.3.3-.3a4.1 4.1 0 0 1 5.8 5.8L33.4 38c-.4.4-.9.6-1.4.6z"/>',
].join('\n    ')

/** @param {{ rounded: boolean, scale: number }} o the content scale around the centre */
function svg({ rounded, scale }) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <!-- 格子姐姐: a 3×3 grid (格) whose centre cell is a heart -->
  <rect width="64" height="64" rx="${rounded ? 14 : 0}" fill="${RED}"/>
  <g fill="#fff" transform="translate(32 32) scale(${scale}) translate(-32 -32)">
    ${mark}
  </g>
</svg>
`
}

const favicon = svg({ rounded: true, scale: 1 })
writeFileSync('public/favicon.svg', favicon)

// Maskable: full bleed, and the grid's corners inside the 80 % safe circle
// (half-diagonal of the 46-unit grid × scale ≤ 0.4 × 64).
const targets = [
  { file: 'public/icons/icon-192.png', size: 192, source: favicon },
  { file: 'public/icons/icon-512.png', size: 512, source: favicon },
  { file: 'public/icons/icon-maskable-512.png', size: 512, source: svg({ rounded: false, scale: 0.76 }) },
  // iOS rounds the corners itself and paints transparency black, so full bleed.
  { file: 'public/apple-touch-icon.png', size: 180, source: svg({ rounded: false, scale: 0.9 }) },
]

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
try {
  for (const t of targets) {
    const page = await browser.newPage({ viewport: { width: t.size, height: t.size } })
    const body = t.source.replace('<svg ', `<svg width="${t.size}" height="${t.size}" `)
    await page.setContent(`<html><body style="margin:0">${body}</body></html>`)
    await page.screenshot({ path: t.file, omitBackground: true })
    await page.close()
    console.info(`wrote ${t.file}`)
  }
} finally {
  await browser.close()
}
