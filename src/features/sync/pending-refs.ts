import { mutationTarget, type Mutation, type RecordKind } from '@/shared'

/**
 * Her records among the outbox's mutations: what she did, counted as she would count it.
 * - One per record, however many changes wait for it (a new household and its edit).
 * - None for mutations that write no record (the audit entry of a record a supervisor
 *   only looked at).
 * - None for the care level an assessment writes to its household: part of the
 *   assessment, not something she did to the household (a visit, a wish and an
 *   assessment are 3 records, not 4).
 */

export interface PendingRef {
  kind: RecordKind
  id: string
  /** When she last changed it. */
  at: string
}

const FROM_ASSESSMENT = new Set(['careLevel', 'visitCadenceDays'])

export function pendingRefs(mutations: Mutation[]): PendingRef[] {
  const assessed = new Set(mutations.flatMap((m) => (m.name === 'assessment.put' && m.args.patch.householdId ? [m.args.patch.householdId] : [])))
  const latest = new Map<string, PendingRef>()
  for (const m of mutations) {
    const target = mutationTarget(m)
    if (!target || followsAssessment(m, assessed)) continue
    latest.set(`${target.kind}:${target.id}`, { ...target, at: m.createdAt })
  }
  return [...latest.values()]
}

function followsAssessment(m: Mutation, assessed: Set<string>): boolean {
  return m.name === 'household.put' && assessed.has(m.args.id) && Object.keys(m.args.patch).every((f) => FROM_ASSESSMENT.has(f))
}
