import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { notFound } from '../errors'

/**
 * Serves the built PWA from the same port as the API. Paths outside /api that match no
 * file get index.html (the app's router takes over). index.html and sw.js are never
 * cached, so a new release reaches phones on their next visit; hashed assets may be.
 */
export async function registerStaticFiles(app: FastifyInstance, dir: string | null): Promise<void> {
  const root = dir ? resolve(dir) : null
  const served = root !== null && existsSync(resolve(root, 'index.html'))
  if (served) {
    await app.register(fastifyStatic, {
      root,
      wildcard: true,
      setHeaders(res, path) {
        if (/(^|[\\/])(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest)$/.test(path)) {
          res.header('cache-control', 'no-cache')
        }
      },
    })
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (!served || request.url.startsWith('/api/') || request.url === '/api' || request.method !== 'GET') {
      throw notFound(`no route ${request.method} ${request.url.split('?')[0]}`)
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html')
  })
}
