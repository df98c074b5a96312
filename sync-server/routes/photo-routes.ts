import { createHash } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Id, PhotoRef, PhotoReply } from '../../src/shared'
import { canRead, canUploadPhoto } from '../../src/shared/rules'
import type { AppContext } from '../context'
import { accountDisabled, ApiError, badRequest, notFound } from '../errors'
import { requireUser, userOf } from '../plugins/auth'

/**
 * Photos, content-addressed by SHA-256: the server recomputes the hash of every upload
 * (`hash-mismatch` otherwise), so a stored photo is exactly the one its records name.
 * The bytes are stored once, but access is per (photo, grid) pair: a photo is readable by
 * the scope of the grid it was uploaded for and of every grid holding a visit or wish that
 * names it (granted when the record is written), so uploading the same bytes first from
 * one grid cannot take them from another. To anyone else it does not exist (404, not
 * 403: nothing about it leaks). Bytes are taken from whoever may write in the grid, and
 * from the grid's former holder once a record of the grid names them (`canUploadPhoto`).
 */
export const PHOTO_LIMIT = PhotoRef.shape.size.maxValue ?? 5_000_000
const MIMES = PhotoRef.shape.mime.options
const Params = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256') })

export function photoRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser([...MIMES], { parseAs: 'buffer', bodyLimit: PHOTO_LIMIT }, (_req, body, done) => done(null, body))

    app.put(
      '/api/photos/:sha256',
      {
        // A disabled account still sends the photos of what it made before (canUploadPhoto).
        preHandler: requireUser(ctx, undefined, { allowDisabled: true }),
        bodyLimit: PHOTO_LIMIT,
        schema: { params: Params, headers: z.object({ 'x-grid-id': Id }), response: { 200: PhotoReply, 201: PhotoReply } },
      },
      async (request, reply) => {
        const user = userOf(request)
        const body = request.body
        const mime = (request.headers['content-type'] ?? '').split(';')[0]?.trim() as (typeof MIMES)[number]
        if (!Buffer.isBuffer(body) || body.length === 0 || !MIMES.includes(mime)) throw badRequest(`send the image bytes as ${MIMES.join(', ')}`)
        const grid = await ctx.store.getGrid(request.headers['x-grid-id'])
        const named = grid !== null && (await ctx.store.photoGrids(request.params.sha256)).includes(grid.id)
        if (!grid || !canUploadPhoto(user, grid, named)) {
          if (user.disabled) throw accountDisabled()
          throw new ApiError(403, 'out-of-scope', 'this grid is not in your scope')
        }
        const actual = createHash('sha256').update(body).digest('hex')
        if (actual !== request.params.sha256) throw new ApiError(400, 'hash-mismatch', 'the bytes do not match the SHA-256 in the URL')
        const existing = await ctx.store.getPhoto(actual)
        // Bytes already there (from another grid, or a retry): this grid is granted them too.
        if (existing) await ctx.store.grantPhotos([{ sha256: actual, gridId: grid.id }])
        else await ctx.store.putPhoto({ sha256: actual, mime, size: body.length, gridId: grid.id, communityId: grid.communityId, bytes: body })
        return reply.status(existing ? 200 : 201).send({ sha256: actual, mime: existing?.mime ?? mime, size: body.length })
      },
    )

    // Fastify answers HEAD with this handler too (exposeHeadRoutes): existence checks.
    app.get('/api/photos/:sha256', { preHandler: requireUser(ctx), schema: { params: Params } }, async (request, reply) => {
      const user = userOf(request)
      // The grants first: the bytes are read only for someone who may have them.
      const grids = await ctx.store.getGrids(await ctx.store.photoGrids(request.params.sha256))
      const grid = grids.find((g) => canRead(user, g))
      const photo = grid ? await ctx.store.getPhoto(request.params.sha256) : null
      if (!photo || !grid) throw notFound('no such photo')
      if (request.method === 'GET') {
        await ctx.store.audit({ userId: user.id, action: 'photo-download', detail: { sha256: photo.sha256, gridId: grid.id } })
      }
      return reply.header('content-type', photo.mime).header('content-length', photo.size).send(photo.bytes)
    })
  }
}
