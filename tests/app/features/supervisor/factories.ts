import { v7 as uuidv7 } from 'uuid'
import type { Assessment, Grid, Household, Review, Visit, Wish } from '@/shared'

/** Small record factories for the supervisor's report tests (overrides win). */

const HLC = '000001767225600000-00000-abc'
export const T0 = '2026-01-01T00:00:00.000Z'

export function grid(over: Partial<Grid> = {}): Grid {
  return { id: uuidv7(), communityId: uuidv7(), name: '一网格', code: 'G1', estates: ['幸福小区'], workerId: null, ...over }
}

export function household(over: Partial<Household> & { gridId: string }): Household {
  return {
    id: uuidv7(), headName: '王秀英', address: { estate: '幸福小区', building: '3栋', unit: '1单元', door: '302' },
    phone: '13812341234', keyGroups: [], careLevel: 0, visitCadenceDays: null, notes: '',
    deleted: false, hlc: { headName: HLC }, createdAt: T0, updatedAt: T0, ...over,
  }
}

export function visit(over: Partial<Visit> & { householdId: string; gridId: string; visitedAt: string }): Visit {
  return {
    id: uuidv7(), visitorId: uuidv7(), visitorName: '李娟', method: 'in-person', outcome: 'met', seen: '身体还好', asked: '', done: '',
    policies: [], nextVisitOn: null, photos: [], correctsId: null, createdAt: over.visitedAt, ...over,
  }
}

export function wish(over: Partial<Wish> & { householdId: string; gridId: string }): Wish {
  return {
    id: uuidv7(), personId: null, visitId: null, title: '帮忙理发', detail: '', category: 'errand', state: 'registered',
    claimedBy: null, claimedAt: null, fulfilment: null, closedReason: null, history: [], createdBy: uuidv7(),
    createdAt: T0, updatedAt: T0, ...over,
  }
}

export function assessment(over: Partial<Assessment> & { householdId: string; gridId: string; assessedAt: string }): Assessment {
  return {
    id: uuidv7(), templateId: 'needs-v1', assessorId: uuidv7(), answers: {}, careLevel: 0, cadenceDays: null, score: null,
    deleted: false, hlc: { careLevel: HLC }, createdAt: over.assessedAt, updatedAt: over.assessedAt, ...over,
  }
}

export function review(over: Partial<Review> & { recordId: string; gridId: string }): Review {
  return {
    id: over.recordId, recordKind: 'visit', state: 'approved', comment: '', reviewerId: uuidv7(), reviewerName: '张主席',
    reviewedAt: T0, resubmittedBy: null, ...over,
  }
}

/** ISO time `days` days before `now`. */
export const daysBefore = (now: Date, days: number, hours = 0) => new Date(now.getTime() - days * 86_400_000 - hours * 3_600_000).toISOString()
