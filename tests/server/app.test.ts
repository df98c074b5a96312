import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../sync-server/app'
import { createSqliteStore } from '../../sync-server/storage/sqlite-store'
import type { Store } from '../../sync-server/storage/store'
import { householdPut, TestDevice } from '../helpers/server/factories'
import { worldApp, type World } from '../helpers/server/world'

describe('buildApp', () => {
  let store: Store
  let app: FastifyInstance
  let world: World
  let auth: Awaited<ReturnType<typeof worldApp>>['auth']
  beforeEach(async () => {
    store = createSqliteStore(':memory:')
    await store.migrate()
    ;({ app, world, auth } = await worldApp(store, { demo: true }))
  })
  afterEach(async () => {
    await app.close()
    await store.close()
  })

  it('GET /api/health reports demo mode and the schema version', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.json()).toEqual({ ok: true, demo: true, schemaVersion: 2, minSchemaVersion: 1 })
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['content-security-policy']).toContain("worker-src 'self' blob:")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('answers unknown API paths and malformed JSON with the error body', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/nothing' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ code: 'not-found' })
    const bad = await app.inject({
      method: 'POST', url: '/api/sync/push', headers: { ...auth.wa1, 'content-type': 'application/json' }, payload: '{"clientId":',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ code: 'bad-request' })
  })

  it('never leaks internals in a 5xx', async () => {
    await store.close()
    const res = await app.inject({ method: 'POST', url: '/api/sync/pull', headers: auth.wa1, payload: new TestDevice().pull() })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ code: 'internal', message: 'internal error' })
    store = createSqliteStore(':memory:')
  })

  it('accepts a gzip-compressed push body and compresses big replies', async () => {
    const d = new TestDevice()
    const body = d.push(Array.from({ length: 30 }, () => d.m('household.put', householdPut(world.grids.a1.id))))
    const res = await app.inject({
      method: 'POST', url: '/api/sync/push',
      headers: { ...auth.wa1, 'content-type': 'application/json', 'content-encoding': 'gzip', 'accept-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify(body)),
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(res.rawPayload).toString('utf8')).results).toHaveLength(30)
    expect(await store.countRecords()).toBe(30)
    const pull = await app.inject({ method: 'POST', url: '/api/sync/pull', headers: { ...auth.wa1, 'accept-encoding': 'gzip' }, payload: d.pull() })
    expect(pull.headers['content-encoding']).toBe('gzip')
  })

  it('refuses a body over the limit with payload-too-large', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }),
    })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ code: 'payload-too-large' })
  })

  it('lists the demo accounts in demo mode', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/demo-accounts' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ password: 'gridsister-demo', accounts: [] })
  })
})

describe('serving the PWA', () => {
  it('serves files, falls back to index.html for app paths and never caches index.html or sw.js', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridsister-dist-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>格子姐姐</title>')
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
    writeFileSync(join(dir, 'app.js'), 'console.info(1)')
    const store = createSqliteStore(':memory:')
    await store.migrate()
    const app = await buildApp({ store, staticDir: dir })
    const page = await app.inject({ method: 'GET', url: '/households/123' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('格子姐姐')
    expect(page.headers['cache-control']).toBe('no-cache')
    expect((await app.inject({ method: 'GET', url: '/sw.js' })).headers['cache-control']).toBe('no-cache')
    expect((await app.inject({ method: 'GET', url: '/app.js' })).statusCode).toBe(200)
    const api = await app.inject({ method: 'GET', url: '/api/missing' })
    expect(api.statusCode).toBe(404)
    expect(api.json()).toMatchObject({ code: 'not-found' })
    await app.close()
    await store.close()
  })
})
