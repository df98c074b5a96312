import { computed, type ComputedRef, type Ref } from 'vue'
import type { Assessment, Review, Visit, Wish } from '@/shared'
import type { LocalHousehold, LocalPerson } from '@/db/db'
import { reviewsFor } from '@/db/reviews-repository'
import { newestFirst } from '@/db/order'
import { useLiveQuery, type LiveQueryState } from '@/composables/useLiveQuery'
import { assessmentsOfHousehold } from '@/features/assessments/assessments-repository'
import { personsOfHousehold } from '@/features/persons/persons-read-repository'
import { correctionStates, visitsOfHousehold, type CorrectionState } from '@/features/visits/visits-read-repository'
import { wishesOfHousehold } from '@/features/wishes/wishes-repository'
import { getHousehold } from './households-read-repository'

/** One entry of a household's timeline, newest first. */
export type TimelineItem =
  | { kind: 'visit'; at: string; record: Visit; review: Review | undefined; corrected?: CorrectionState }
  | { kind: 'wish'; at: string; record: Wish; review: Review | undefined }
  | { kind: 'assessment'; at: string; record: Assessment; review: Review | undefined }

interface Detail {
  household: LocalHousehold | undefined
  persons: LocalPerson[]
  timeline: TimelineItem[]
}

export interface UseHouseholdDetail {
  state: Ref<LiveQueryState>
  error: Ref<Error | null>
  household: ComputedRef<LocalHousehold | undefined>
  persons: ComputedRef<LocalPerson[]>
  timeline: ComputedRef<TimelineItem[]>
}

/** A household with its members and its visits, wishes and assessments (with review states). */
export function useHouseholdDetail(id: () => string): UseHouseholdDetail {
  const q = useLiveQuery<Detail>({
    deps: [id],
    initial: { household: undefined, persons: [], timeline: [] },
    query: async (db) => {
      const hid = id()
      const [household, persons, visits, wishes, assessments] = await Promise.all([
        getHousehold(db, hid),
        personsOfHousehold(db, hid),
        visitsOfHousehold(db, hid),
        wishesOfHousehold(db, hid),
        assessmentsOfHousehold(db, hid),
      ])
      // A correction belongs to the household of the entry it corrects: none here, nothing to look up.
      const corrected = visits.some((v) => v.correctsId) ? visits.map((v) => v.id) : []
      const [reviews, fixes] = await Promise.all([
        reviewsFor(db, [...visits, ...wishes, ...assessments].map((r) => r.id)),
        correctionStates(db, corrected),
      ])
      const timeline: TimelineItem[] = [
        ...visits.map((record) => ({ kind: 'visit' as const, at: record.visitedAt, record, review: reviews.get(record.id), corrected: fixes.get(record.id) })),
        ...wishes.map((record) => ({ kind: 'wish' as const, at: record.createdAt, record, review: reviews.get(record.id) })),
        ...assessments.map((record) => ({ kind: 'assessment' as const, at: record.assessedAt, record, review: reviews.get(record.id) })),
      ].sort(newestFirst((e) => e.at))
      return { household: household?.deleted ? undefined : household, persons, timeline }
    },
  })
  return {
    state: q.state,
    error: q.error,
    household: computed(() => q.data.value.household),
    persons: computed(() => q.data.value.persons),
    timeline: computed(() => q.data.value.timeline),
  }
}
