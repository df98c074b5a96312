import type { Assessment, Review, Visit, Wish } from '../../src/shared'
import type { SeedRandom } from './seed-random'
import { DAY, HOUR, MINUTE, isoDateTime } from './seed-time'
import type { DemoUser } from './demo-types'

/**
 * The supervisor's reviews. A record without a review row is pending (as the app's
 * review queue reads it), so only decisions get rows: older visits mostly approved, a
 * few returned with a comment — half of those answered by a correcting visit, which
 * marks the review `resubmitted` — and some wishes and assessments approved after their
 * last change. Most recent records stay pending, so the queue has work in it.
 */

/** A supervisor's return comment and the addendum of the visit that answers it. */
const RETURNS: [comment: string, addendum: string][] = [
  ['记录太简单，请补充身体状况和具体诉求', '补充：身体状况稳定，慢病按时服药，子女每月回来一次。'],
  ['诉求没有写办理结果，请补充', '补充：诉求已转交物业，三天内答复，下次走访核实办理结果。'],
  ['政策宣讲请写清楚是哪项政策、群众是否理解', '补充：已讲解城乡居民养老保险缴费档次，群众表示理解。'],
  ['请补充家庭成员近况', '补充：家庭成员近况已核实，无新增人口，联系电话已更新。'],
]

export interface ReviewResult {
  reviews: Review[]
  /** Correcting visits written in answer to returns. */
  corrections: Visit[]
}

function decision(rng: SeedRandom, supervisor: DemoUser, kind: Review['recordKind'], record: { id: string; gridId: string }, state: 'approved' | 'returned', atMs: number): Review {
  return {
    id: record.id,
    recordKind: kind,
    recordId: record.id,
    gridId: record.gridId,
    state,
    comment: state === 'returned' ? (rng.pick(RETURNS)[0]) : rng.chance(0.15) ? '记录详实，很好' : '',
    reviewerId: supervisor.id,
    reviewerName: supervisor.displayName,
    reviewedAt: isoDateTime(atMs),
    resubmittedBy: null,
  }
}

function correction(rng: SeedRandom, original: Visit, comment: string, createdMs: number): Visit {
  const addendum = RETURNS.find(([c]) => c === comment)?.[1] ?? '补充：已按要求补充记录。'
  return {
    ...original,
    id: rng.uuid(createdMs),
    seen: `${original.seen}。${addendum}`.slice(0, 4000),
    policies: [...original.policies],
    photos: [],
    correctsId: original.id,
    createdAt: isoDateTime(createdMs),
  }
}

/** Reviews after `nowMs - 1 day` are not made: the supervisor has not looked yet. */
export function buildReviews(rng: SeedRandom, supervisor: DemoUser, visits: Visit[], wishes: Wish[], assessments: Assessment[], nowMs: number): ReviewResult {
  const reviews: Review[] = []
  const corrections: Visit[] = []
  const reviewTime = (afterMs: number) => afterMs + rng.int(1, 10) * DAY + rng.int(0, 8 * 60) * MINUTE
  for (const v of visits) {
    const ageDays = (nowMs - Date.parse(v.createdAt)) / DAY
    const at = reviewTime(Date.parse(v.createdAt))
    if (at >= nowMs - HOUR) continue
    if (rng.chance(0.03)) {
      const review = decision(rng, supervisor, 'visit', v, 'returned', at)
      const answerMs = at + rng.int(1, 5) * DAY + rng.int(0, 6) * HOUR
      if (rng.chance(0.5) && answerMs < nowMs - HOUR) {
        const fix = correction(rng, v, review.comment, answerMs)
        corrections.push(fix)
        review.state = 'resubmitted'
        review.resubmittedBy = fix.id
      }
      reviews.push(review)
    } else if (rng.chance(ageDays > 90 ? 0.4 : ageDays > 14 ? 0.2 : 0.03)) {
      reviews.push(decision(rng, supervisor, 'visit', v, 'approved', at))
    }
  }
  for (const record of [...wishes, ...assessments]) {
    const at = reviewTime(Date.parse(record.updatedAt))
    if (at < nowMs - HOUR && rng.chance(0.25)) {
      reviews.push(decision(rng, supervisor, 'templateId' in record ? 'assessment' : 'wish', record, 'approved', at))
    }
  }
  return { reviews, corrections }
}
