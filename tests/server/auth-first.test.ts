import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { BACKENDS } from '../helpers/server/backends'
import { useWorldApp } from '../helpers/server/world'

/**
 * Issue 16, finding 8: authentication runs before the body is parsed or checked on every
 * authenticated route, so an anonymous caller learns nothing of the API's shapes. Every
 * route the app has is tried (a route added later is tried too); only the public ones
 * named here may answer anything but 401.
 */
const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/login', 'GET /api/auth/demo-accounts'])

/** Method and URL of every route, read from Fastify's route tree (nested lines extend their parent's path). */
function listRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = []
  const parents: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line)
    if (!m) continue
    const depth = (m[1] ?? '').length / 4
    parents.length = depth
    const url = (parents[depth - 1] ?? '') + m[2]
    parents[depth] = url
    for (const method of (m[3] ?? '').split(', ')) if (method !== 'HEAD') routes.push({ method, url })
  }
  return routes
}

describe.each(BACKENDS)('authentication before validation on $name', (backend) => {
  const t = useWorldApp(backend)
  const concrete = (url: string) => url.replace(':id', '0190a5d8-0000-7000-8000-000000000000').replace(':sha256', 'a'.repeat(64))

  it('lists the routes it checks', async () => {
    const routes = listRoutes(t.app).map((r) => `${r.method} ${r.url}`)
    expect(routes).toContain('POST /api/sync/pull')
    expect(routes).toContain('POST /api/admin/users/:id/disable')
    expect(routes.length).toBeGreaterThan(15)
  })

  it('answers 401 to an anonymous call with an empty or malformed body on every authenticated route', async () => {
    const answers: string[] = []
    for (const { method, url } of listRoutes(t.app)) {
      if (PUBLIC.has(`${method} ${url}`)) continue
      for (const payload of [undefined, '{}', '{"clientId": 5', '[]']) {
        const res = await t.app.inject({
          method: method as 'GET', url: concrete(url), payload,
          headers: payload === undefined ? {} : { 'content-type': 'application/json' },
        })
        answers.push(`${method} ${url} ${payload ?? '(none)'} → ${res.statusCode} ${res.json<{ code: string }>().code}`)
      }
    }
    expect(answers.filter((a) => !a.endsWith('→ 401 unauthorized'))).toEqual([])
  })

  it('POST /api/sync/pull with no token and an empty body answers 401, not the schema', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/sync/pull', payload: {} })
    expect(res.statusCode).toBe(401)
    expect(res.body).not.toMatch(/clientId/)
  })

  it('still validates the body of an authenticated caller', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/sync/pull', headers: t.auth.wa1, payload: {} })
    expect(res.statusCode).toBe(400)
  })
})
