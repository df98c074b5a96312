import type { ErrorCode } from './public-api'

/**
 * What an installed app of an older schema version can read. A phone keeps the version it
 * installed until the worker accepts the update (never over unsaved input), so for days the
 * server answers phones older than itself; a reply such a phone cannot parse would leave
 * its outbox retrying forever. Each version bump that adds to a reply adds its line here.
 *
 * - 1 (the first release): rejection codes up to `clock-drift`.
 * - 2: `account-disabled`, `password-change-required` and `invalid-value` too.
 */

const V1_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'bad-request', 'unauthorized', 'forbidden', 'not-found', 'out-of-scope', 'upgrade-required', 'rate-limited',
  'payload-too-large', 'conflict', 'invalid-transition', 'stale-state', 'hash-mismatch', 'clock-drift', 'internal',
])

/** The code to send a device of `schemaVersion`: one it knows (`bad-request` stands in), with the message kept. */
export function codeForVersion(code: ErrorCode, schemaVersion: number): ErrorCode {
  return schemaVersion >= 2 || V1_CODES.has(code) ? code : 'bad-request'
}
