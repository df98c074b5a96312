import { lazySchema, z } from './zod'
import { Role } from './vocab'

/**
 * Bodies of the endpoints a phone calls before anyone signs in (health, demo accounts)
 * and the error body every endpoint answers with. Apart from server-api.ts and
 * sync-api.ts, and built on the vocabulary only, so the login screen checks them without
 * constructing every record schema.
 */

export const ERROR_CODES = [
  'bad-request',
  'unauthorized',
  /** The account was disabled (403): the device uploads what is still accepted, then wipes. */
  'account-disabled',
  'forbidden',
  'password-change-required',
  'not-found',
  'out-of-scope',
  'upgrade-required',
  'rate-limited',
  'payload-too-large',
  'conflict',
  'invalid-transition',
  'stale-state',
  'hash-mismatch',
  'clock-drift',
  /** A value the shared write checks refuse (a visit in the future, a malformed phone). */
  'invalid-value',
  'internal',
] as const
export const ErrorCode = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCode>

/** Every error reply of the API has this body. */
export const ErrorBody = lazySchema(() => z.object({ code: ErrorCode, message: z.string() }))
export type ErrorBody = z.infer<typeof ErrorBody>

export const HealthReply = lazySchema(() =>
  z.object({
    ok: z.literal(true),
    demo: z.boolean(),
    /** The newest client schema version the server speaks. */
    schemaVersion: z.number().int(),
    minSchemaVersion: z.number().int(),
  }),
)
export type HealthReply = z.infer<typeof HealthReply>

/** Demo accounts shown on the login screen (only when the server runs in demo mode). */
export const DemoAccountsReply = lazySchema(() =>
  z.object({
    password: z.string(),
    accounts: z.array(z.object({ username: z.string(), displayName: z.string(), role: Role })),
  }),
)
export type DemoAccountsReply = z.infer<typeof DemoAccountsReply>
