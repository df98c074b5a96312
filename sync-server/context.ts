import { encodeHlc, HlcError, initialHlc, receive, tick, decodeHlc, type Hlc } from '../src/shared'
import type { ThrottlePolicy } from './auth/login-throttle'
import type { SessionPolicy } from './auth/sessions'
import type { Store, UserRow } from './storage/store'

/** What routes share: the store, the clock, the policies. Built once by buildApp. */
export interface AppContext {
  store: Store
  demo: boolean
  now: () => number
  sessions: SessionPolicy
  throttle: ThrottlePolicy
  /** The server's HLC: moves past every timestamp it accepts, reported on each reply. */
  serverHlc(seen?: string[]): string
}

export function createServerClock(now: () => number): (seen?: string[]) => string {
  let last: Hlc = initialHlc('server')
  return (seen = []) => {
    // Encoded HLCs order as strings, so moving past the newest one moves past them all
    // (a push of 1,000 mutations receives one timestamp, not 1,000). A timestamp too far
    // ahead was already refused by its rule; never adopt it: try the next newest.
    for (const s of [...seen].sort().reverse()) {
      try {
        last = receive(last, decodeHlc(s), now())
        break
      } catch (err) {
        if (!(err instanceof HlcError)) throw err
      }
    }
    last = tick(last, now())
    return encodeHlc(last)
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user (set by the auth pre-handler). */
    user: UserRow | null
    tokenHash: string | null
  }
}
