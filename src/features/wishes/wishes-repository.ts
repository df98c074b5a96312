import { v7 as uuidv7 } from 'uuid'
import { Wish, type ArgsOf, type WishCategory, type WishState } from '@/shared'
import { OPEN_WISH_STATES, wishAfter, wishTransitionProblem, type WishProblem } from '@/shared/rules/wish'
import type { GridSisterDb } from '@/db/db'
import { checkWishWrite, normalizePhone } from '@/shared/rules'
import { RecordValidationError, commitMutation, throwIfIssues } from '@/db/outbox-repository'
import { validationError, whenOpen } from '@/db/mergeable-repository'
import { newestFirst } from '@/db/order'
import { refreshHouseholdDerived } from '@/db/households-derived-repository'
import { storePhotos, type PreparedPhoto } from '@/db/photos-repository'
import type { Actor } from '@/db/actor'

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

const wishTables = (db: GridSisterDb) => [db.wishes, db.households, db.visits]

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

/**
 * Applies a transition locally and queues it with the state the device saw. The move is
 * checked and applied by the shared rule the server enforces, so the phone shows what
 * the server will store; a move the rule refuses saves nothing.
 */
export async function transitionWish(db: GridSisterDb, input: TransitionInput, actor: Actor): Promise<Wish> {
  await whenOpen(db)
  const moved = await db.transaction('rw', [...wishTables(db), db.outbox, db.meta], async () => {
    const wish = await db.wishes.get(input.id)
    if (!wish) throw new RecordValidationError([{ path: 'id', message: 'wish not found' }])
    // Stored in one spelling, as the household's phones are.
    if (input.claimedBy) input = { ...input, claimedBy: { ...input.claimedBy, phone: normalizePhone(input.claimedBy.phone) } }
    const cmd = transitionCommand(wish, input)
    const problem = wishTransitionProblem(wish, cmd, actor)
    if (problem) throw new RecordValidationError([problemIssue(problem, wish.state, input.to)])
    let saved: Wish | undefined
    await commitMutation(db, 'wish.transition', wishTables(db), async (ctx) => {
      const parsed = Wish.safeParse(wishAfter(wish, cmd, actor.name, ctx.now))
      if (!parsed.success) throw validationError(parsed.error)
      throwIfIssues(checkWishWrite(cmd, ctx.clock))
      saved = parsed.data
      await db.wishes.put(saved)
      await refreshHouseholdDerived(db, wish.householdId)
      return cmd
    })
    return saved as Wish
  })
  // After the record's transaction: a full disk may cost the photo, never the wish.
  if (input.photo) await storePhotos(db, [input.photo], moved.gridId)
  return moved
}

/** The command a form's input makes: only the fields its target state uses, proof photo inside. */
function transitionCommand(wish: Wish, input: TransitionInput): ArgsOf<'wish.transition'> {
  const fulfilment = input.fulfilment ? { ...input.fulfilment, photo: input.photo?.ref ?? input.fulfilment.photo } : null
  return {
    id: wish.id,
    gridId: wish.gridId,
    expected: wish.state,
    to: input.to,
    claimedBy: input.to === 'claimed' ? input.claimedBy : null,
    fulfilment: input.to === 'fulfilled' ? fulfilment : null,
    closedReason: input.to === 'closed' ? input.closedReason : null,
    note: input.note,
  }
}

/** A refused move as a form issue: a missing input names its field, anything else the move. */
function problemIssue(problem: WishProblem, from: WishState, to: WishState): { path: string; message: string } {
  if (problem.code === 'bad-request') return { path: problem.field, message: 'required' }
  return { path: 'to', message: `cannot go from ${from} to ${to}` }
}

/** Registered and claimed wishes (the wish tree), newest change first. */
export async function listOpenWishes(db: GridSisterDb): Promise<Wish[]> {
  const rows = await db.wishes.where('state').anyOf(OPEN_WISH_STATES).toArray()
  return rows.sort(newestFirst((w) => w.updatedAt))
}

export async function wishesOfHousehold(db: GridSisterDb, householdId: string): Promise<Wish[]> {
  const rows = await db.wishes.where('householdId').equals(householdId).toArray()
  return rows.sort(newestFirst((w) => w.createdAt))
}

export function getWish(db: GridSisterDb, id: string): Promise<Wish | undefined> {
  return db.wishes.get(id)
}
