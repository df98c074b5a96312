import type { WishState } from '@/shared'

/**
 * The wish card's lifecycle as the worker's phone may drive it (SYNC.md "Wish cards"):
 * registered → claimed → fulfilled; claimed → registered when the claimant lets go;
 * registered or claimed → closed. Reopening a closed or fulfilled wish is the
 * supervisor's decision, so the phone never offers it. The server enforces the same
 * machine and rejects a command whose `expected` state is stale.
 */
const NEXT: Record<WishState, readonly WishState[]> = {
  registered: ['claimed', 'closed'],
  claimed: ['fulfilled', 'registered', 'closed'],
  fulfilled: [],
  closed: [],
}

/** States the worker can move a wish to from `from`. */
export function nextWishStates(from: WishState): readonly WishState[] {
  return NEXT[from]
}

export function canTransition(from: WishState, to: WishState): boolean {
  return NEXT[from].includes(to)
}

/** Open wishes hang on the wish tree and count in the household's `openWishes`. */
export function isOpenWish(state: WishState): boolean {
  return state === 'registered' || state === 'claimed'
}
