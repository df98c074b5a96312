import { v7 as uuidv7 } from 'uuid'
import { Wish, type ArgsOf, type WishCategory } from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { checkWishWrite, normalizePhone } from '@/shared/rules'
import { RecordValidationError, commitMutation, throwIfIssues } from '@/db/outbox-repository'
import { validationError, whenOpen } from '@/db/mergeable-repository'
import { newestFirst } from '@/db/order'
import { refreshHouseholdDerived } from '@/features/households/households-repository'
import { storePhotos, type PreparedPhoto } from '@/features/visits/photos-repository'
import type { Actor } from '@/features/visits/visits-repository'
import { canTransition } from './wish-rules'

/** Wish cards: created registered, then moved through `wish.transition` commands. */

export interface WishInput {
  householdId: string
  personId?: string | null
  visitId?: string | null
  title: string
  detail: string
  category: WishCategory
}

export type TransitionInput = Omit<ArgsOf<'wish.transition'>, 'gridId' | 'expected'> & {
  /** Photo proof of a fulfilment, stored with the transition. */
  photo?: PreparedPhoto | null
}

const wishTables = (db: GridSisterDb) => [db.wishes, db.households, db.visits, db.photos]

async function liveHousehold(db: GridSisterDb, id: string) {
  const h = await db.households.get(id)
  if (!h || h.deleted) throw new RecordValidationError([{ path: 'householdId', message: 'household not found' }])
  return h
}

/** Registers a wish; invalid input saves nothing. */
export async function createWish(db: GridSisterDb, input: WishInput, actor: Actor): Promise<Wish> {
  await whenOpen(db)
  return db.transaction('rw', [...wishTables(db), db.outbox, db.meta], async () => {
    const household = await liveHousehold(db, input.householdId)
    let saved: Wish | undefined
    await commitMutation(db, 'wish.create', wishTables(db), async (ctx) => {
      const parsed = Wish.safeParse({
        id: uuidv7(),
        householdId: household.id,
        gridId: household.gridId,
        personId: input.personId ?? null,
        visitId: input.visitId ?? null,
        title: input.title,
        detail: input.detail,
        category: input.category,
        state: 'registered',
        claimedBy: null,
        claimedAt: null,
        fulfilment: null,
        closedReason: null,
        history: [{ state: 'registered', at: ctx.now, by: actor.name, note: '' }],
        createdBy: actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      if (!parsed.success) throw validationError(parsed.error)
      saved = parsed.data
      await db.wishes.add(saved)
      await refreshHouseholdDerived(db, household.id)
      return { ...saved, state: 'registered' as const }
    })
    return saved as Wish
  })
}

/** Applies a transition locally and queues it with the state the device saw. */
export async function transitionWish(db: GridSisterDb, input: TransitionInput, actor: Actor): Promise<Wish> {
  await whenOpen(db)
  return db.transaction('rw', [...wishTables(db), db.outbox, db.meta], async () => {
    const wish = await db.wishes.get(input.id)
    if (!wish) throw new RecordValidationError([{ path: 'id', message: 'wish not found' }])
    if (!canTransition(wish.state, input.to)) {
      throw new RecordValidationError([{ path: 'to', message: `cannot go from ${wish.state} to ${input.to}` }])
    }
    const required = { claimed: 'claimedBy', fulfilled: 'fulfilment', closed: 'closedReason' } as const
    if (input.claimedBy) input = { ...input, claimedBy: { ...input.claimedBy, phone: normalizePhone(input.claimedBy.phone) } }
    const need = input.to === 'registered' ? null : required[input.to]
    if (need && !input[need]) throw new RecordValidationError([{ path: need, message: 'required' }])
    let saved: Wish | undefined
    await commitMutation(db, 'wish.transition', wishTables(db), async (ctx) => {
      const fulfilment = input.fulfilment ? { ...input.fulfilment, photo: input.photo?.ref ?? input.fulfilment.photo } : null
      const parsed = Wish.safeParse({
        ...wish,
        state: input.to,
        claimedBy: input.to === 'claimed' ? input.claimedBy : input.to === 'registered' ? null : wish.claimedBy,
        claimedAt: input.to === 'claimed' ? ctx.now : input.to === 'registered' ? null : wish.claimedAt,
        fulfilment: input.to === 'fulfilled' ? fulfilment : wish.fulfilment,
        closedReason: input.to === 'closed' ? input.closedReason : wish.closedReason,
        history: [...wish.history, { state: input.to, at: ctx.now, by: actor.name, note: input.note }].slice(-100),
        updatedAt: ctx.now,
      })
      if (!parsed.success) throw validationError(parsed.error)
      throwIfIssues(
        checkWishWrite({ claimedBy: input.to === 'claimed' ? input.claimedBy : null, fulfilment: input.to === 'fulfilled' ? fulfilment : null }, ctx.clock),
      )
      saved = parsed.data
      await db.wishes.put(saved)
      if (input.photo) await storePhotos(db, [input.photo], wish.gridId)
      await refreshHouseholdDerived(db, wish.householdId)
      return {
        id: wish.id,
        gridId: wish.gridId,
        expected: wish.state,
        to: input.to,
        claimedBy: input.to === 'claimed' ? input.claimedBy : null,
        fulfilment: input.to === 'fulfilled' ? saved.fulfilment : null,
        closedReason: input.to === 'closed' ? input.closedReason : null,
        note: input.note,
      }
    })
    return saved as Wish
  })
}

/** Registered and claimed wishes (the wish tree), newest change first. */
export async function listOpenWishes(db: GridSisterDb): Promise<Wish[]> {
  const rows = await db.wishes.where('state').anyOf(['registered', 'claimed']).toArray()
  return rows.sort(newestFirst((w) => w.updatedAt))
}

export async function wishesOfHousehold(db: GridSisterDb, householdId: string): Promise<Wish[]> {
  const rows = await db.wishes.where('householdId').equals(householdId).toArray()
  return rows.sort(newestFirst((w) => w.createdAt))
}

export function getWish(db: GridSisterDb, id: string): Promise<Wish | undefined> {
  return db.wishes.get(id)
}
