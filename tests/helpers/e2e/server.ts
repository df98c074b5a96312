import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIST, ROOT } from './build'

/**
 * The real sync server (sync-server/server.ts) as a child process: the built PWA and
 * the API on one free port, a throwaway SQLite file in a temp dir, the demo community
 * seeded at first start. Journeys talk to it exactly as a phone would.
 */

export interface RunningServer {
  url: string
  port: number
  /** Temp dir holding the SQLite file. */
  dataDir: string
  /** What the server printed (for failure messages). */
  output: () => string
  stop: () => Promise<void>
}

export interface StartServerOptions {
  /** Extra environment (e.g. DATABASE_URL of a PostgreSQL cluster). */
  env?: Record<string, string>
  /** How long seeding and start may take. */
  timeoutMs?: number
}

/** A port the OS just handed out and released. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolvePort(port))
    })
  })
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sync server exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`sync server not healthy after ${timeoutMs} ms:\n${output()}`)
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(kill)
      done()
    })
    child.kill('SIGTERM')
  })
}

/** Starts the sync server with the demo community and waits for /api/health. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'gridsister-e2e-'))
  let log = ''
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'sync-server/server.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: join(dataDir, 'gridsister.db'),
      GRIDSISTER_DEMO: '1',
      GRIDSISTER_STATIC_DIR: DIST,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const url = `http://127.0.0.1:${port}`
  const output = () => log
  try {
    await waitForHealth(url, child, output, options.timeoutMs ?? 120_000)
  } catch (e) {
    await stopChild(child)
    rmSync(dataDir, { recursive: true, force: true })
    throw e
  }
  return {
    url,
    port,
    dataDir,
    output,
    stop: async () => {
      await stopChild(child)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
