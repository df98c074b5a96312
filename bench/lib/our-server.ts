import type { FastifyInstance } from 'fastify'
import { gunzipSync, gzipSync } from 'node:zlib'
import { buildApp } from '../../sync-server/app'
import type { Store } from '../../sync-server/storage/store'
import { DEMO_PASSWORD } from '../../sync-server/seed/generate-demo'
import { meterServer, type WireMeter } from './wire-meter'

/**
 * Our sync server in this process (the real `buildApp`, listening on loopback), with a
 * wire meter on its sockets. Optionally it also serves the ideal floor: one
 * gzip-compressed response holding every record of a scope, prepared before timing.
 */
export interface OurServer {
  app: FastifyInstance
  url: string
  meter: WireMeter
  /** Logs in through the API; returns the bearer token and the user id. */
  login(username: string, password?: string): Promise<{ token: string; userId: string }>
  close(): Promise<void>
}

export interface OurServerOptions {
  store: Store
  staticDir: string | null
  /** JSON served gzip-compressed at GET /bench/floor (the ideal floor). */
  floorJson?: string
  /**
   * Serves the push floor at POST /bench/floor-push: takes a gzip body of records (or a
   * push request body: its mutations are counted),
   * unzips and parses it, answers with the count (no validation, no storage).
   */
  pushFloor?: boolean
  /** Host to listen on (default 127.0.0.1). */
  host?: string
}

export async function startOurServer(opts: OurServerOptions): Promise<OurServer> {
  const app = await buildApp({
    store: opts.store,
    demo: true,
    staticDir: opts.staticDir,
    logger: false,
    // Benchmarks log in many times from one address.
    loginRateLimit: { max: 10_000, timeWindow: 60_000 },
  })
  if (opts.floorJson !== undefined) {
    const body = gzipSync(opts.floorJson)
    app.get('/bench/floor', { compress: false }, async (_req, reply) =>
      reply.header('content-type', 'application/json').header('content-encoding', 'gzip').header('cache-control', 'no-store').send(body),
    )
  }
  if (opts.pushFloor) {
    await app.register(async (scope) => {
      scope.addContentTypeParser('application/x-gridsister-floor', { parseAs: 'buffer', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) => {
        done(null, JSON.parse(gunzipSync(body as Buffer).toString('utf8')) as unknown)
      })
      scope.post('/bench/floor-push', async (req) => {
        const body = req.body as unknown[] | { mutations: unknown[] }
        return { received: Array.isArray(body) ? body.length : body.mutations.length }
      })
    })
  }
  await app.listen({ port: 0, host: opts.host ?? '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const url = `http://127.0.0.1:${port}`
  const meter = meterServer(app.server)
  return {
    app,
    url,
    meter,
    async login(username, password = DEMO_PASSWORD) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      })
      if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`)
      const body = (await res.json()) as { token: string; user: { id: string } }
      return { token: body.token, userId: body.user.id }
    },
    close: () => app.close(),
  }
}
