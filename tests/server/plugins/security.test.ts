import { describe, expect, it } from 'vitest'
import { buildApp } from '../../../sync-server/app'
import { createSqliteStore } from '../../../sync-server/storage/sqlite-store'

async function app(opts: { hsts?: boolean; trustProxy?: boolean | string }) {
  const store = createSqliteStore(':memory:')
  await store.migrate()
  return buildApp({ store, ...opts })
}

describe('security headers', () => {
  it('sends Strict-Transport-Security only when HSTS is switched on', async () => {
    const off = await (await app({})).inject({ method: 'GET', url: '/api/health' })
    expect(off.headers['strict-transport-security']).toBeUndefined()
    const on = await (await app({ hsts: true })).inject({ method: 'GET', url: '/api/health' })
    expect(on.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
  })

  it('takes the client address from X-Forwarded-For only from a trusted proxy', async () => {
    const ipOf = async (trustProxy: boolean | string) => {
      const a = await app({ trustProxy })
      a.get('/ip-probe', async (request) => ({ ip: request.ip }))
      return (await a.inject({ method: 'GET', url: '/ip-probe', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '203.0.113.7' } })).json<{ ip: string }>().ip
    }
    expect(await ipOf(false)).toBe('10.0.0.2')
    expect(await ipOf(true)).toBe('203.0.113.7')
    expect(await ipOf('10.0.0.2')).toBe('203.0.113.7')
    expect(await ipOf('10.9.9.9')).toBe('10.0.0.2')
    expect(await ipOf('10.9.9.9, 10.0.0.0/8')).toBe('203.0.113.7')
  })

  it('believes only the part of X-Forwarded-For the named proxy added, not what the client wrote', async () => {
    const a = await app({ trustProxy: '10.0.0.2' })
    a.get('/ip-probe', async (request) => ({ ip: request.ip }))
    // The client sent "X-Forwarded-For: 10.1.0.7" (someone's known address); the proxy appended the real one.
    const res = await a.inject({ method: 'GET', url: '/ip-probe', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '10.1.0.7, 203.0.113.7' } })
    expect(res.json<{ ip: string }>().ip).toBe('203.0.113.7')
  })
})
