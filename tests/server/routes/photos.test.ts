import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { BACKENDS } from '../../helpers/server/backends'
import { useWorldApp, type World } from '../../helpers/server/world'

const image = (n = 2048) => {
  const bytes = randomBytes(n)
  return { bytes, sha: createHash('sha256').update(bytes).digest('hex') }
}

describe.each(BACKENDS)('photo routes on $name', (backend) => {
  const t = useWorldApp(backend)

  const put = (who: keyof World['users'], sha: string, body: Buffer, gridId: string, mime = 'image/jpeg') =>
    t.app.inject({ method: 'PUT', url: `/api/photos/${sha}`, headers: { ...t.auth[who], 'content-type': mime, 'x-grid-id': gridId }, payload: body })

  it('stores a photo under its hash and serves it to the grid scope', async () => {
    const { bytes, sha } = image()
    const res = await put('wa1', sha, bytes, t.world.grids.a1.id)
    expect(res.statusCode).toBe(201)
    const again = await put('wa1', sha, bytes, t.world.grids.a1.id)
    expect(again.statusCode).toBe(200)
    const get = await t.app.inject({ method: 'GET', url: `/api/photos/${sha}`, headers: t.auth.sa })
    expect(get.statusCode).toBe(200)
    expect(get.headers['content-type']).toBe('image/jpeg')
    expect(Buffer.compare(get.rawPayload, bytes)).toBe(0)
    expect((await t.store.listAudit(3)).map((a) => a.action)).toContain('photo-download')
    const head = await t.app.inject({ method: 'HEAD', url: `/api/photos/${sha}`, headers: t.auth.wa1 })
    expect(head.statusCode).toBe(200)
  })

  it('refuses bytes that do not match the hash', async () => {
    const { bytes } = image()
    const res = await put('wa1', 'a'.repeat(64), bytes, t.world.grids.a1.id)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'hash-mismatch' })
    expect(await t.store.getPhoto('a'.repeat(64))).toBeNull()
  })

  it('refuses an upload for a grid outside the scope', async () => {
    const { bytes, sha } = image()
    const res = await put('wa1', sha, bytes, t.world.grids.b1.id)
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'out-of-scope' })
    expect(await t.store.getPhoto(sha)).toBeNull()
  })

  it('hides a photo from users outside its grid', async () => {
    const { bytes, sha } = image()
    await put('wa1', sha, bytes, t.world.grids.a1.id)
    for (const who of ['wa2', 'wb1', 'sb'] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/photos/${sha}`, headers: t.auth[who] })
      expect(res.statusCode).toBe(404)
      expect(res.rawPayload.includes(bytes.subarray(0, 16))).toBe(false)
    }
  })

  it('refuses other media types and photos over 5 MB', async () => {
    const { bytes, sha } = image()
    const gif = await put('wa1', sha, bytes, t.world.grids.a1.id, 'image/gif')
    expect(gif.statusCode).toBe(415)
    expect(gif.json()).toMatchObject({ code: 'bad-request' })
    const big = image(5_000_001)
    const res = await put('wa1', big.sha, big.bytes, t.world.grids.a1.id)
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ code: 'payload-too-large' })
  })

  it('answers 404 for an unknown photo and 400 for a bad hash', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/photos/${'b'.repeat(64)}`, headers: t.auth.wa1 })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: '/api/photos/xyz', headers: t.auth.wa1 })).statusCode).toBe(400)
  })
})
