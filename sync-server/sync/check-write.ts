import { hlcMillis, mutationTarget, type Mutation } from '../../src/shared'
import { checkMutationWrite } from '../../src/shared/rules'
import type { ApplyCtx } from './effect'

/**
 * The shared write checks (src/shared/rules/write-checks.ts) on the server, with the
 * server's own clock: a value an old or tampered client sends that the app's forms would
 * refuse is refused here with `invalid-value`, and nothing of the mutation is stored.
 *
 * "Now" is the server's time, or the phone's own time when the write was made if that is
 * later: a phone whose clock runs an hour fast records each visit at its "now", and
 * refusing all of them would lose a day's work, while a mistyped month or year is still
 * refused. The phone's time is its mutation's HLC, which apply-mutation.ts already holds
 * to the drift limit (MAX_DRIFT_MS), so a clock set to next year is refused there.
 */

/** Mutations that patch a stored record: their check reads the value they would produce. */
const PATCHES = new Set<Mutation['name']>(['household.put', 'person.put', 'assessment.put'])

/** A readable reason when the mutation writes a refused value, else null. */
export async function invalidValue(ctx: ApplyCtx, m: Mutation): Promise<string | null> {
  const target = PATCHES.has(m.name) ? mutationTarget(m) : null
  const stored = target ? ((await ctx.tx.getRecord(target.kind, target.id))?.data ?? null) : null
  const now = Math.max(ctx.now, hlcMillis(m.hlc))
  const issues = checkMutationWrite(m, stored as object | null, { now, offsetMinutes: null })
  if (issues.length === 0) return null
  return issues.map((i) => `${i.path}: ${i.code} (${i.message})`).join('; ')
}
