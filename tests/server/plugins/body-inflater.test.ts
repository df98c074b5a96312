import { Readable, type Transform } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { pipeline } from 'node:stream/promises'
import { deflateSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { wholeBodyZlib } from '../../../sync-server/plugins/body-inflater'
import { PUSH_BODY_LIMIT } from '../../../sync-server/routes/sync-routes'
import { householdPut, TestDevice } from '../../helpers/server/factories'
import { BACKENDS } from '../../helpers/server/backends'
import { useWorldApp } from '../../helpers/server/world'

/** Runs `body` through an inflater; resolves to the inflated text or rejects with its error. */
async function inflate(stream: Transform, body: Buffer, chunk = 1000): Promise<string> {
  const parts = Array.from({ length: Math.ceil(body.length / chunk) }, (_, i) => body.subarray(i * chunk, (i + 1) * chunk))
  const [, out] = await Promise.all([pipeline(Readable.from(parts), stream), buffer(stream)])
  return out.toString('utf8')
}

describe('wholeBodyZlib', () => {
  const text = JSON.stringify({ note: '入户走访'.repeat(500) })

  it('inflates a gzip or deflate body that arrives in many chunks, in one piece', async () => {
    const zlib = wholeBodyZlib(100_000)
    expect(await inflate(zlib.createGunzip(), gzipSync(text), 100)).toBe(text)
    expect(await inflate(zlib.createInflate(), deflateSync(text), 100)).toBe(text)
  })

  it('fails with 413 past the limit, compressed or inflated', async () => {
    const zlib = wholeBodyZlib(5_000)
    await expect(inflate(zlib.createGunzip(), gzipSync(text))).rejects.toMatchObject({ statusCode: 413 })
    await expect(inflate(zlib.createGunzip(), Buffer.alloc(6_000))).rejects.toMatchObject({ statusCode: 413 })
  })

  it('fails on a corrupt body', async () => {
    const gz = gzipSync(text)
    await expect(inflate(wholeBodyZlib(100_000).createGunzip(), gz.subarray(0, gz.length - 4))).rejects.toThrow(/unexpected end/)
    await expect(inflate(wholeBodyZlib(100_000).createInflate(), gz)).rejects.toThrow(/header/)
  })
})

describe('compressed request bodies', () => {
  // On SQLite only: inflating a body happens before any storage.
  const t = useWorldApp(BACKENDS.find((b) => b.name === 'sqlite')!)

  const push = (encoding: string, payload: Buffer) =>
    t.app.inject({
      method: 'POST', url: '/api/sync/push',
      headers: { ...t.auth.wa1, 'content-type': 'application/json', 'content-encoding': encoding },
      payload,
    })

  it('applies a deflate push body', async () => {
    const d = new TestDevice()
    const body = d.push([d.m('household.put', householdPut(t.world.grids.a1.id))])
    const res = await push('deflate', deflateSync(JSON.stringify(body)))
    expect(res.statusCode).toBe(200)
    expect(await t.store.countRecords()).toBe(1)
  })

  it('answers a corrupt gzip body with bad-request', async () => {
    const res = await push('gzip', gzipSync('{"clientId": "x"}').subarray(0, 12))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'bad-request' })
  })

  it('answers a gzip bomb with payload-too-large', async () => {
    const res = await push('gzip', gzipSync(Buffer.alloc(PUSH_BODY_LIMIT + 1, 32)))
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ code: 'payload-too-large' })
  })

  it('holds an inflated body to its own route\'s limit', async () => {
    const login = JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) })
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(login),
    })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ code: 'payload-too-large' })
  })
})
