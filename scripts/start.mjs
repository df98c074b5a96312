// `npm start`: builds the PWA when dist/ is missing or older than its sources, then
// starts the sync server, which serves the built app and the API on one port, and
// prints the address to open once the server answers.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync, spawn } from 'node:child_process'

function newest(path) {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), s.mtimeMs)
}

const sources = Math.max(...['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map(newest))
if (!existsSync('dist/index.html') || !existsSync('dist/sw.js') || newest('dist') < sources) {
  console.info('[gridsister] building the app…')
  // NODE_ENV=production whatever the shell says: only a production build has the service worker.
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
}

const port = Number(process.env.PORT ?? 8080)
const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/server.ts'], { stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))

// Loading the demo community takes a few seconds on a first start; say when it is ready.
const deadline = Date.now() + 5 * 60_000
while (Date.now() < deadline && child.exitCode === null) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`)
    if (res.ok) {
      const health = await res.json()
      console.info(`\n[gridsister] 格子姐姐 GridSister is running: http://localhost:${port}`)
      if (health.demo) {
        console.info('[gridsister] demo accounts: demo-worker-1, demo-worker-2, demo-supervisor, demo-admin')
        console.info('[gridsister] password of every demo account: gridsister-demo')
      }
      console.info('[gridsister] stop with Ctrl+C\n')
      break
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500))
}
