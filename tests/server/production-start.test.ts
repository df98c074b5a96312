import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startServerProcess } from '../helpers/server/server-process'

/**
 * The README's production commands, run as a person would: a production start on an
 * empty database refuses with the way out, `npm run create-admin` makes the first
 * administrator, the server then starts, lists no demo accounts and lets her in;
 * `npm run backup` copies the database while it runs; `npm run seed` is refused.
 */
const dir = mkdtempSync(join(tmpdir(), 'gridsister-prod-'))
const file = join(dir, 'gridsister.db')
const env = { DATABASE_URL: file, GRIDSISTER_DEMO: '0', LOG_LEVEL: 'silent', GRIDSISTER_STATIC_DIR: '/nonexistent' }

function run(script: string, args: string[], extra: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    p.stdout.on('data', (b: Buffer) => (out += b.toString()))
    p.stderr.on('data', (b: Buffer) => (out += b.toString()))
    p.on('exit', (code) => resolve({ code, out }))
  })
}

describe('a production start (SQLite file)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses an empty database, starts after create-admin, never lists demo accounts, backs up while running', async () => {
    const refused = await run('sync-server/server.ts', [], { PORT: '0' })
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('npm run create-admin')

    const weak = await run('sync-server/create-admin-cli.ts', ['--username', 'he-shumin', '--display-name', '贺淑敏'], { GRIDSISTER_ADMIN_PASSWORD: 'password1' })
    expect(weak.code).toBe(1)
    expect(weak.out).toContain('太常见')
    const made = await run('sync-server/create-admin-cli.ts', ['--username', 'he-shumin', '--display-name', '贺淑敏'], { GRIDSISTER_ADMIN_PASSWORD: 'lamp-river-42-ochre' })
    expect(made.code, made.out).toBe(0)

    const server = await startServerProcess(file)
    try {
      expect((await fetch(`${server.url}/api/auth/demo-accounts`)).status).toBe(404)
      expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ demo: false })
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'he-shumin', password: 'lamp-river-42-ochre' }),
      })
      expect(login.status).toBe(200)
      const backup = await run('sync-server/backup-cli.ts', [join(dir, 'nightly.db')])
      expect(backup.code, backup.out).toBe(0)
      expect(statSync(join(dir, 'nightly.db')).size).toBeGreaterThan(0)
    } finally {
      await server.stop()
    }
    const seed = await run('sync-server/seed-cli.ts', [])
    expect(seed.code).toBe(1)
  }, 120_000)

  it('refuses a database that holds the demo accounts', async () => {
    const demoFile = join(dir, 'demo.db')
    const demo = await startServerProcess(demoFile, { GRIDSISTER_DEMO: '1' })
    await demo.stop()
    const refused = await run('sync-server/server.ts', [], { DATABASE_URL: demoFile, PORT: '0' })
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('demo-admin')
  }, 180_000)
})
