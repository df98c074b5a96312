import { WISH_CATEGORIES, type Wish, type WishCategory, type WishState } from '@/shared'
import { cnMonthKey, daysSince } from './report-time'

/**
 * The livelihood ledger (民生实事小账本): every wish with its state, claimant and days
 * open; the funnel registered → claimed → fulfilled; claims left unfulfilled too long;
 * counts by category for a month. Pure. Rules:
 * - Registered (funnel): every wish. Claimed: every wish that is claimed or fulfilled
 *   now, or was ever claimed according to its history. Fulfilled: state fulfilled.
 * - Days open: from creation to fulfilment/closing (the last history event of that
 *   state, else `updatedAt`), or to `now` while still open.
 * - A claim is stale when the wish is still `claimed` more than `staleClaimDays` after
 *   `claimedAt`.
 * - Month counts: registered by `createdAt`, fulfilled by `fulfilment.date`,
 *   both in the month `month` ('YYYY-MM', UTC+8).
 */

export interface LedgerRow {
  id: string
  gridId: string
  householdId: string
  title: string
  category: WishCategory
  state: WishState
  claimant: string | null
  claimantPhone: string | null
  createdAt: string
  daysOpen: number
  staleClaim: boolean
}

export interface LedgerFunnel {
  registered: number
  claimed: number
  fulfilled: number
  closed: number
}

export interface CategoryCount {
  category: WishCategory
  registered: number
  fulfilled: number
}

export interface LedgerReport {
  rows: LedgerRow[]
  funnel: LedgerFunnel
  byState: Record<WishState, number>
  staleClaims: number
  month: string
  byCategory: CategoryCount[]
}

export interface LedgerInput {
  wishes: Wish[]
  now: Date
  /** 'YYYY-MM' of the month to count; default the month of `now`. */
  month?: string
  /** Claimed and not fulfilled after this many days is flagged. */
  staleClaimDays?: number
}

export const DEFAULT_STALE_CLAIM_DAYS = 14

function endOf(w: Wish): string | null {
  if (w.state !== 'fulfilled' && w.state !== 'closed') return null
  const ev = [...w.history].reverse().find((e) => e.state === w.state)
  return ev?.at ?? w.updatedAt
}

/** Whether the wish was ever claimed (now or according to its history). */
export function everClaimed(w: Wish): boolean {
  return w.state === 'claimed' || w.state === 'fulfilled' || w.history.some((e) => e.state === 'claimed')
}

/**
 * The wish as it stood at `at`: the state of its last history event up to then
 * (registered before any), with the claim and fulfilment it had then. A wish whose
 * history does not reach back (no events) is taken as it is now.
 */
export function wishAsOf(w: Wish, at: Date): Wish {
  if (w.history.length === 0 || Date.parse(w.updatedAt) <= at.getTime()) return w
  const past = w.history.filter((e) => Date.parse(e.at) <= at.getTime())
  const state = past.at(-1)?.state ?? 'registered'
  if (state === w.state) return w
  const claimed = state === 'claimed' || state === 'fulfilled'
  return {
    ...w, state, updatedAt: past.at(-1)?.at ?? w.createdAt,
    claimedBy: claimed ? w.claimedBy : null, claimedAt: claimed ? w.claimedAt : null,
    fulfilment: state === 'fulfilled' ? w.fulfilment : null, closedReason: state === 'closed' ? w.closedReason : null,
  }
}

/** Computes the ledger of the given wishes, newest first. */
export function computeLedger(input: LedgerInput): LedgerReport {
  const { now } = input
  const month = input.month ?? cnMonthKey(now.toISOString())
  const staleDays = input.staleClaimDays ?? DEFAULT_STALE_CLAIM_DAYS
  const byState: Record<WishState, number> = { registered: 0, claimed: 0, fulfilled: 0, closed: 0 }
  const cats = new Map<WishCategory, CategoryCount>(WISH_CATEGORIES.map((c) => [c, { category: c, registered: 0, fulfilled: 0 }]))
  const funnel: LedgerFunnel = { registered: 0, claimed: 0, fulfilled: 0, closed: 0 }
  const rows: LedgerRow[] = []
  for (const w of input.wishes) {
    byState[w.state]++
    funnel.registered++
    if (everClaimed(w)) funnel.claimed++
    if (w.state === 'fulfilled') funnel.fulfilled++
    if (w.state === 'closed') funnel.closed++
    const cat = cats.get(w.category)!
    if (cnMonthKey(w.createdAt) === month) cat.registered++
    if (w.state === 'fulfilled' && w.fulfilment && cnMonthKey(w.fulfilment.date) === month) cat.fulfilled++
    const end = endOf(w)
    const daysOpen = Math.max(0, end ? daysSince(w.createdAt, new Date(end)) : daysSince(w.createdAt, now))
    const staleClaim = w.state === 'claimed' && w.claimedAt !== null && daysSince(w.claimedAt, now) > staleDays
    rows.push({
      id: w.id, gridId: w.gridId, householdId: w.householdId, title: w.title, category: w.category, state: w.state,
      claimant: w.claimedBy?.name ?? null, claimantPhone: w.claimedBy?.phone ?? null,
      createdAt: w.createdAt, daysOpen, staleClaim,
    })
  }
  rows.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  return { rows, funnel, byState, staleClaims: rows.filter((r) => r.staleClaim).length, month, byCategory: [...cats.values()] }
}
