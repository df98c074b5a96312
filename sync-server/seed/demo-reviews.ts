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

const RETURN_COMMENTS = [
  '记录太简单，请补充老人身体状况和具体诉求',
  '诉求没有写办理结果，请补充',
  '政策宣讲请写清楚是哪项政策、群众是否理解',
  '下次走访时间未填写，请补上',
  '请补充家庭成员近况，尤其是孩子的学习情况',
  '走访方式写的是入户，内容像电话询问，请核实',
]

const ADDENDA = [
  '补充：老人患高血压多年，行走需拐杖，子女每月回来一次。',
  '补充：诉求已转交物业，三天内答复，下次走访核实办理结果。',
  '补充：已讲解城乡居民养老保险缴费档次，群众表示理解。',
  '补充：孩子在石堡镇中心小学读四年级，成绩中等。',
  '补充：本次为电话询问，已更正走访方式。',
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
    comment: state === 'returned' ? rng.pick(RETURN_COMMENTS) : rng.chance(0.15) ? '记录详实，很好' : '',
    reviewerId: supervisor.id,
    reviewerName: supervisor.displayName,
    reviewedAt: isoDateTime(atMs),
    resubmittedBy: null,
  }
}

function correction(rng: SeedRandom, original: Visit, createdMs: number): Visit {
  const addendum = rng.pick(ADDENDA)
  return {
    ...original,
    id: rng.uuid(createdMs),
    method: addendum.includes('电话') ? 'phone' : original.method,
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
        const fix = correction(rng, v, answerMs)
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
