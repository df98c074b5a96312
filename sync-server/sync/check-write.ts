import { hlcMillis, type Mutation, type RecordKind } from '../../src/shared'
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

const PUT_KINDS: Partial<Record<Mutation['name'], RecordKind>> = {
  'household.put': 'household',
  'person.put': 'person',
  'assessment.put': 'assessment',
}

/** A readable reason when the mutation writes a refused value, else null. */
export async function invalidValue(ctx: ApplyCtx, m: Mutation): Promise<string | null> {
  const kind = PUT_KINDS[m.name]
  const stored = kind && 'id' in m.args ? ((await ctx.tx.getRecord(kind, m.args.id))?.data ?? null) : null
  const now = Math.max(ctx.now, hlcMillis(m.hlc))
  const issues = checkMutationWrite(m, stored as object | null, { now, offsetMinutes: null })
  if (issues.length === 0) return null
  return issues.map((i) => `${i.path}: ${i.code} (${i.message})`).join('; ')
}
