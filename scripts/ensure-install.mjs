// Installs dependencies when node_modules is missing or older than the lockfile, so
// `npm start` and `npm test` work on a fresh clone with no other step.
import { existsSync, statSync } from 'node:fs'
import { execSync } from 'node:child_process'

const marker = 'node_modules/.package-lock.json'
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs
if (stale) {
  console.info('[gridsister] installing dependencies (npm ci)…')
  // better-sqlite3 is compiled here (no prebuilt download); node-gyp needs Node's headers,
  // which Debian's nodejs package puts under /usr. Elsewhere node-gyp finds its own.
  if (!process.env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) {
    process.env.npm_config_nodedir = '/usr'
  }
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit', env: process.env })
}
