import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from './pg-cluster'

/**
 * A real sync-server process (node --import tsx sync-server/server.ts) on a free port,
 * for tests that kill it with SIGKILL or run several against one database.
 */
export interface ServerProcess {
  url: string
  proc: ChildProcess
  /** SIGKILL: no shutdown hooks, no chance to finish a transaction. */
  kill(): Promise<void>
  stop(): Promise<void>
}

export async function startServerProcess(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort()
  const proc = spawn(process.execPath, ['--import', 'tsx', 'sync-server/server.ts'], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', GRIDSISTER_DEMO: '0',
      LOG_LEVEL: 'silent', GRIDSISTER_STATIC_DIR: '/nonexistent', ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  proc.stderr?.on('data', (b: Buffer) => (stderr += b.toString()))
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}: ${stderr}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    url,
    proc,
    async kill() {
      proc.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM')
      await exited
    },
  }
}
