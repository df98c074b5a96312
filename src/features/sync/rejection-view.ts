import { mutationTarget, type Wish } from '@/shared'
import type { RejectionRow } from '@/db/db'
import { recordPath } from './record-path'
import { EXPLAINED_CODES, rejectionMessages } from './rejection-messages'

/**
 * A refused change as the worker reads it: what she did, why it was not taken and what
 * she can do. A refused wish command is explained from the wish as the server has it
 * now (the pull after the refusal brought it back): who claimed, fulfilled or closed it,
 * and when. Pure: the texts come through `t`, dates through `when`.
 */

export interface RejectionContext {
  /** The record's own name (a household's head, a wish's title…), when known on the phone. */
  name: string | null
  /** The household's head: visits and assessments are named after their household. */
  householdName: string | null
  /** The wish now, for a refused wish command. */
  wish: Wish | null
}

export interface RejectionView {
  id: string
  what: string
  why: string
  action: string
  path: string | null
  at: string
}

const WHAT = rejectionMessages['zh-CN'].rejection.what

type Translate = (key: string, params?: Record<string, unknown>) => string

export function rejectionView(row: RejectionRow, ctx: RejectionContext, t: Translate, when: (iso: string) => string): RejectionView {
  const m = row.mutation
  const target = mutationTarget(m)
  // Visits and assessments are named after their household; the rest by their own name.
  const byHousehold = m.name === 'visit.create' || m.name.startsWith('assessment.')
  const name = (byHousehold ? ctx.householdName : ctx.name) ?? ''
  const whatKey = m.name === 'wish.transition' ? `wish-${m.args.to}` : m.name.replace('.', '-')
  const date = m.name === 'visit.create' ? when(m.args.visitedAt) : ''
  const what = t(`rejection.what.${whatKey in WHAT ? whatKey : 'other'}`, { name, date })
  const code = EXPLAINED_CODES.has(row.code) ? row.code : 'other'
  const base = { id: row.mutationId, what, path: target ? recordPath(target.kind, target.id) : null, at: when(row.rejectedAt) }
  const wish = ctx.wish
  if (m.name === 'wish.transition' && wish && wish.state !== m.args.expected) {
    const last = wish.history.at(-1)
    const by = last?.by || t('rejection.someone')
    const at = when(wish.state === 'claimed' && wish.claimedAt ? wish.claimedAt : (last?.at ?? wish.updatedAt))
    const claimant = wish.claimedBy?.name ?? ''
    const kind = wish.claimedBy ? t(`claimantKind.${wish.claimedBy.kind}`) : ''
    return { ...base, why: t(`rejection.wishNow.${wish.state}`, { claimant, kind, by, at }), action: t('rejection.wishAction', { by }) }
  }
  return { ...base, why: specificWhy(t(`rejection.why.${code}`), row.message), action: t(`rejection.action.${code}`) }
}

const CJK = /[\u4e00-\u9fff]/

/**
 * The server's own reason when it wrote one in Chinese for the worker (a grid that moved
 * away, naming the grid and the day; the fields of an edit that lost) and the screen
 * speaks Chinese; otherwise the generic text for the code (never the server's English).
 */
function specificWhy(generic: string, serverMessage: string | undefined): string {
  return serverMessage && CJK.test(generic) && CJK.test(serverMessage) ? serverMessage : generic
}
