import { z } from './zod'

/** Vocabulary shared by records, screens and reports (labels live in src/i18n). */

export const KEY_GROUPS = [
  'left-behind',
  'disabled',
  'hardship',
  'serious-illness',
  'single-parent',
  'elderly-alone',
  'lost-only-child',
  'unemployed',
  'migrant-family',
] as const
export const KeyGroup = z.enum(KEY_GROUPS)
export type KeyGroup = z.infer<typeof KeyGroup>

/** Default visit cadence per key group, in days (the tightest applicable one wins). */
export const KEY_GROUP_CADENCE_DAYS: Record<KeyGroup, number> = {
  'elderly-alone': 30,
  'lost-only-child': 30,
  'serious-illness': 30,
  disabled: 30,
  'left-behind': 30,
  hardship: 30,
  'single-parent': 60,
  unemployed: 60,
  'migrant-family': 90,
}

export const VISIT_METHODS = ['in-person', 'phone', 'wechat'] as const
export const VisitMethod = z.enum(VISIT_METHODS)
export type VisitMethod = z.infer<typeof VisitMethod>

/**
 * How a contact went. 'not-home' and 'no-answer' are attempts: nobody was reached
 * (rules/visits.ts says what an attempt does and does not count for).
 */
export const VISIT_OUTCOMES = ['met', 'not-home', 'no-answer', 'refused'] as const
export const VisitOutcome = z.enum(VISIT_OUTCOMES)
export type VisitOutcome = z.infer<typeof VisitOutcome>

export const POLICIES = [
  'unemployment-subsidy',
  'pension-insurance',
  'medical-reimbursement',
  'minimum-living',
  'disability-subsidy',
  'elderly-allowance',
  'education-aid',
  'legal-aid',
] as const
export const Policy = z.enum(POLICIES)
export type Policy = z.infer<typeof Policy>

export const WISH_STATES = ['registered', 'claimed', 'fulfilled', 'closed'] as const
export const WishState = z.enum(WISH_STATES)
export type WishState = z.infer<typeof WishState>

export const WISH_CATEGORIES = [
  'errand',
  'repair',
  'care',
  'dispute',
  'job',
  'study',
  'health',
  'activity',
  'other',
] as const
export const WishCategory = z.enum(WISH_CATEGORIES)
export type WishCategory = z.infer<typeof WishCategory>

export const CLAIMANT_KINDS = ['volunteer', 'shop', 'company', 'unit'] as const
export const ClaimantKind = z.enum(CLAIMANT_KINDS)

export const ROLES = ['worker', 'supervisor', 'admin'] as const
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

export const RELATIONS = ['self', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'other'] as const
export const Relation = z.enum(RELATIONS)

/** Need level of an assessment domain: 0 none, 1 low, 2 medium, 3 high. */
export const NeedLevel = z.number().int().min(0).max(3)
export type NeedLevel = z.infer<typeof NeedLevel>

export const REVIEW_STATES = ['pending', 'approved', 'returned', 'resubmitted'] as const
export const ReviewState = z.enum(REVIEW_STATES)
export type ReviewState = z.infer<typeof ReviewState>

/** `communitySettings`: one per community, its id the community's (community-settings.ts). */
export const RECORD_KINDS = ['household', 'person', 'visit', 'wish', 'assessment', 'review', 'communitySettings'] as const
export const RecordKind = z.enum(RECORD_KINDS)
export type RecordKind = z.infer<typeof RecordKind>
