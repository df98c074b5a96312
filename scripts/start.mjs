// `npm start`: builds the PWA when dist/ is missing or older than its sources, then
// starts the sync server, which serves the built app and the API on one port.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { execSync, spawn } from 'node:child_process'

function newest(path) {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), s.mtimeMs)
}

const sources = Math.max(newest('src'), newest('public'), newest('index.html'), newest('vite.config.ts'))
if (!existsSync('dist/index.html') || newest('dist') < sources) {
  console.info('[gridsister] building the app…')
  execSync('npx vite build', { stdio: 'inherit' })
}
const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/server.ts'], { stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
