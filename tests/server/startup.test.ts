import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../sync-server/auth/passwords'
import { createAdmin } from '../../sync-server/cli/create-admin'
import { loadConfig } from '../../sync-server/config'
import { planStart } from '../../sync-server/startup'
import type { Store } from '../../sync-server/storage/store'
import { BACKENDS } from '../helpers/server/backends'
import { seedWorld } from '../helpers/server/world'

describe('loadConfig: demo only when asked', () => {
  it('runs the quick start as the demo', () => {
    expect(loadConfig({}).demo).toBe(true)
  })

  it('runs production with GRIDSISTER_DEMO=0 or NODE_ENV=production', () => {
    expect(loadConfig({ GRIDSISTER_DEMO: '0' }).demo).toBe(false)
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false)
    expect(loadConfig({ NODE_ENV: 'production', GRIDSISTER_DEMO: '1' }).demo).toBe(true)
  })

  it('reads TRUST_PROXY, HSTS and the audit retention, refusing one under six months', () => {
    expect(loadConfig({ TRUST_PROXY: '1', HSTS: '1' })).toMatchObject({ trustProxy: true, hsts: true, auditRetentionDays: 366 })
    expect(loadConfig({ TRUST_PROXY: '10.0.0.2' }).trustProxy).toBe('10.0.0.2')
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toBe('127.0.0.1, 10.0.0.0/8')
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(() => loadConfig({ TRUST_PROXY: 'my-proxy' })).toThrow(/TRUST_PROXY/)
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '30' })).toThrow(/AUDIT_RETENTION_DAYS/)
  })
})

describe.each(BACKENDS)('start and create-admin on $name', (backend) => {
  let store: Store
  beforeAll(backend.setup)
  afterAll(backend.teardown)
  beforeEach(async ({ skip }) => {
    if (!backend.available) skip()
    store = await backend.open()
  })
  const admin = { username: 'he-shumin', displayName: '贺淑敏', password: 'lamp-river-42-ochre' }

  it('loads the demo into an empty database only in demo mode', async () => {
    expect(await planStart(store, true)).toEqual({ action: 'load-demo' })
    const refused = await planStart(store, false)
    expect(refused).toMatchObject({ action: 'refuse' })
    expect(refused.action === 'refuse' && refused.message).toContain('npm run create-admin')
  })

  it('refuses in production a database that holds the demo accounts', async () => {
    await createAdmin(store, admin)
    await store.insertUser({ ...(await store.findUserByUsername('he-shumin'))!, id: crypto.randomUUID(), username: 'demo-admin' })
    const plan = await planStart(store, false)
    expect(plan.action === 'refuse' && plan.message).toContain('demo-admin')
    expect(await planStart(store, true)).toEqual({ action: 'open' })
  })

  it('opens in production once create-admin made the first administrator', async () => {
    const result = await createAdmin(store, admin)
    expect(result.ok).toBe(true)
    const row = await store.findUserByUsername('he-shumin')
    expect(row).toMatchObject({ role: 'admin', communityId: null, mustChangePassword: false, displayName: '贺淑敏' })
    expect(await verifyPassword(admin.password, row!.passwordHash)).toBe(true)
    expect(await planStart(store, false)).toEqual({ action: 'open' })
    expect((await store.queryAudit({ action: 'admin-create', limit: 5 })).length).toBe(1)
  })

  it('opens an existing real database in production', async () => {
    await seedWorld(store)
    expect(await planStart(store, false)).toEqual({ action: 'open' })
  })

  it.each([
    [{ password: 'password1' }, '太常见'],
    [{ password: 'he-shumin-2026' }, '用户名'],
    [{ password: 'gridsister-demo' }, '演示密码'],
    [{ username: 'demo-boss' }, '演示账号'],
    [{ username: 'X' }, '用户名'],
    [{ displayName: ' ' }, '姓名'],
  ])('create-admin refuses %o and writes nothing', async (over, reason) => {
    const result = await createAdmin(store, { ...admin, ...over })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toContain(reason)
    expect(await store.countUsers()).toBe(0)
  })

  it('create-admin refuses a username that is taken', async () => {
    await createAdmin(store, admin)
    const again = await createAdmin(store, { ...admin, password: 'another-lamp-77' })
    expect(!again.ok && again.message).toContain('已被使用')
  })
})
