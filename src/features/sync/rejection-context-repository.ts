import { mutationTarget, type RecordRef, type Wish } from '@/shared'
import type { GridSisterDb, RejectionRow } from '@/db/db'
import type { RejectionContext } from './rejection-view'
import { openRejections } from './rejections-repository'

/** An open rejection with what the phone knows of its record, to explain it in her words. */
export interface RejectionInContext {
  row: RejectionRow
  context: RejectionContext
}

interface Known {
  name: string | null
  householdId: string
}

/** Open rejections, newest first, each with its record's name, its household's and (for a wish) the wish now. */
export function openRejectionsInContext(db: GridSisterDb): Promise<RejectionInContext[]> {
  // Promise chains, not async functions: this runs inside liveQuery (see rejections-repository.ts).
  return openRejections(db).then((rows) => {
    const targets = rows.map((r) => mutationTarget(r.mutation))
    const idsOf = (kind: RecordRef['kind']) => targets.flatMap((t) => (t?.kind === kind ? [t.id] : []))
    return Promise.all([
      db.households.bulkGet(idsOf('household')),
      db.persons.bulkGet(idsOf('person')),
      db.visits.bulkGet(idsOf('visit')),
      db.wishes.bulkGet(idsOf('wish')),
      db.assessments.bulkGet(idsOf('assessment')),
    ]).then(([households, persons, visits, wishes, assessments]) => {
      const known = new Map<string, Known>()
      for (const h of households) if (h) known.set(h.id, { name: h.headName, householdId: h.id })
      for (const p of persons) if (p) known.set(p.id, { name: p.name, householdId: p.householdId })
      for (const w of wishes) if (w) known.set(w.id, { name: w.title, householdId: w.householdId })
      for (const r of [...visits, ...assessments]) if (r) known.set(r.id, { name: null, householdId: r.householdId })
      // A refused new visit or wish may exist only in its mutation.
      for (const { mutation: m } of rows) {
        if (m.name === 'visit.create') known.set(m.args.id, { name: null, householdId: m.args.householdId })
        if (m.name === 'wish.create') known.set(m.args.id, { name: m.args.title, householdId: m.args.householdId })
      }
      const byId = new Map(wishes.flatMap((w) => (w ? [[w.id, w] as const] : [])))
      const householdIds = [...new Set([...known.values()].map((k) => k.householdId))]
      return db.households.bulkGet(householdIds).then((heads) => {
        const headOf = new Map(heads.flatMap((h) => (h ? [[h.id, h.headName] as const] : [])))
        return rows.map((row, i) => ({ row, context: contextOf(targets[i] ?? null, known, headOf, byId) }))
      })
    })
  })
}

function contextOf(target: RecordRef | null, known: Map<string, Known>, headOf: Map<string, string>, wishes: Map<string, Wish>): RejectionContext {
  const k = target ? known.get(target.id) : undefined
  return {
    name: k?.name ?? null,
    householdName: k ? (headOf.get(k.householdId) ?? null) : null,
    wish: target?.kind === 'wish' ? (wishes.get(target.id) ?? null) : null,
  }
}
