import compress from '@fastify/compress'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import { keepTooLarge, wholeBodyZlib } from './body-inflater'

/**
 * Security headers (CSP that lets the PWA run: own scripts, blob:/data: images for
 * photos, its service worker), response compression plus gzip request bodies, rate
 * limiting (enabled per route), and `no-store` on every API reply: household data must
 * not sit in shared or disk caches.
 */
export async function registerSecurity(app: FastifyInstance, opts: { maxBodyBytes: number; hsts: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Off unless asked (HSTS=1): LAN deployments run on plain http, and HSTS there would
    // lock browsers out. Behind the README's HTTPS proxy it is on: a year, subdomains too.
    strictTransportSecurity: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })
  await app.register(compress, {
    requestEncodings: ['gzip', 'deflate'],
    // Request bodies inflated whole, up to the largest body any route takes (body-inflater.ts).
    zlib: wholeBodyZlib(opts.maxBodyBytes),
    onInvalidRequestPayload: keepTooLarge,
  })
  await app.register(rateLimit, { global: false })
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store')
  })
}
