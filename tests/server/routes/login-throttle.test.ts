import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { buildApp, type AppOptions } from '../../../sync-server/app'
import { DEFAULT_THROTTLE, pruneThrottle } from '../../../sync-server/auth/login-throttle'
import { createPgStore } from '../../../sync-server/storage/pg-store'
import type { Store } from '../../../sync-server/storage/store'
import { BACKENDS } from '../../helpers/server/backends'
import { seedWorld, TEST_PASSWORD } from '../../helpers/server/world'

/** Issue 16, finding 5: limits that lock out the attacker's victims instead of the attacker. */
describe.each(BACKENDS)('login throttle on $name', (backend) => {
  let store: Store
  let clock: number
  beforeAll(backend.setup)
  afterAll(backend.teardown)
  beforeEach(async ({ skip }) => {
    if (!backend.available) skip()
    store = await backend.open()
    await seedWorld(store)
    clock = Date.now()
  })

  const app = (opts: Partial<AppOptions> = {}) => buildApp({ store, now: () => clock, ...opts })
  const login = (a: FastifyInstance, username: string, password: string, from?: string) =>
    a.inject({
      method: 'POST', url: '/api/auth/login', payload: { username, password },
      headers: from ? { 'x-forwarded-for': from } : {},
    })

  it('10 wrong guesses from one proxy address leave every other user of that address able to log in', async () => {
    // No TRUST_PROXY: every phone behind the proxy arrives from the proxy's one address.
    const a = await app()
    const guesses: number[] = []
    for (let i = 0; i < 10; i++) guesses.push((await login(a, 'wa1', `wrong-guess-${i}`)).statusCode)
    expect(guesses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401])
    expect(guesses.slice(6).every((c) => c === 429)).toBe(true)
    for (const u of ['wa2', 'sup-a', 'adm-a', 'wb1', 'sup-b', 'district']) {
      expect((await login(a, u, TEST_PASSWORD)).statusCode, u).toBe(200)
    }
  })

  it('slows one address guessing one account with a growing block, refused before the password is checked', async () => {
    const a = await app()
    for (let i = 0; i < 5; i++) expect((await login(a, 'wa1', `wrong-${i}`)).statusCode).toBe(401)
    expect((await login(a, 'wa1', 'wrong-5')).statusCode).toBe(401)
    // Blocked now: even the right password is refused, so a guess learns nothing.
    const blocked = await login(a, 'wa1', TEST_PASSWORD)
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json()).toMatchObject({ code: 'rate-limited' })
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0)
    clock += 1500
    expect((await login(a, 'wa1', 'wrong-6')).statusCode).toBe(401)
    clock += 1500
    // The block doubled: 1.5 s later it still holds.
    expect((await login(a, 'wa1', TEST_PASSWORD)).statusCode).toBe(429)
    clock += 3000
    expect((await login(a, 'wa1', TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('slows many addresses guessing one account, but never the owner on an address she used before', async () => {
    const a = await app({ trustProxy: true })
    expect((await login(a, 'wa1', TEST_PASSWORD, '10.1.0.7')).statusCode).toBe(200)
    const codes: number[] = []
    for (let i = 0; i < 20; i++) codes.push((await login(a, 'wa1', `guess-${i}`, `203.0.113.${i + 1}`)).statusCode)
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true)
    expect(codes.slice(11).every((c) => c === 429)).toBe(true)
    // A fresh address with the right password is still refused: the account is under attack.
    expect((await login(a, 'wa1', TEST_PASSWORD, '198.51.100.9')).statusCode).toBe(429)
    // Her own phone is not.
    expect((await login(a, 'wa1', TEST_PASSWORD, '10.1.0.7')).statusCode).toBe(200)
    // Nor anyone else.
    expect((await login(a, 'wa2', TEST_PASSWORD, '203.0.113.5')).statusCode).toBe(200)
  })

  it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
    const a = await app()
    for (let i = 0; i < 6; i++) await login(a, 'wa1', `wrong-${i}`, `192.0.2.${i + 1}`)
    // All six counted against the one real address, whatever the header claimed.
    expect((await login(a, 'wa1', TEST_PASSWORD, '192.0.2.200')).statusCode).toBe(429)
  })

  it('is shared by every server process on the database', async () => {
    // On PostgreSQL the second app has its own connection pool, as a second process would.
    const other = backend.name === 'postgres' ? createPgStore(backend.lastUrl(), { max: 2 }) : store
    onTestFinished(async () => {
      if (other !== store) await other.close()
    })
    const one = await app()
    const two = await buildApp({ store: other, now: () => clock })
    for (let i = 0; i < 3; i++) await login(one, 'wa1', `wrong-a${i}`)
    for (let i = 0; i < 3; i++) await login(two, 'wa1', `wrong-b${i}`)
    expect((await login(one, 'wa1', TEST_PASSWORD)).statusCode).toBe(429)
  })

  it('forgets counters once they no longer count, but keeps known addresses for their time', async () => {
    const a = await app({ trustProxy: true })
    expect((await login(a, 'wa1', TEST_PASSWORD, '10.1.0.7')).statusCode).toBe(200)
    for (let i = 0; i < 6; i++) await login(a, 'wa2', `wrong-${i}`, '10.1.0.8')
    expect(await pruneThrottle(store, clock)).toBe(0)
    clock += DEFAULT_THROTTLE.windowMs + DEFAULT_THROTTLE.maxBlockMs
    // The pair, address and account counters of the failures go; the known address stays.
    expect(await pruneThrottle(store, clock)).toBe(3)
    expect((await login(a, 'wa2', TEST_PASSWORD, '10.1.0.8')).statusCode).toBe(200)
    clock += DEFAULT_THROTTLE.knownForMs + 1
    // Both known addresses (wa1's, and wa2's from her last success) are now too old.
    expect(await pruneThrottle(store, clock)).toBe(2)
  })

  it('starts counting again after a success', async () => {
    const a = await app()
    for (let i = 0; i < 4; i++) await login(a, 'wa1', `wrong-${i}`)
    expect((await login(a, 'wa1', TEST_PASSWORD)).statusCode).toBe(200)
    for (let i = 0; i < 5; i++) expect((await login(a, 'wa1', `wrong-again-${i}`)).statusCode).toBe(401)
  })
})
