import type { WishCategory } from '@/shared'

/** Sticky-note colours of the wish tree, one per category (dark text stays readable on each). */
export const WISH_COLORS: Record<WishCategory, string> = {
  errand: '#ffe9a8',
  repair: '#cfe8ff',
  care: '#ffd6d6',
  dispute: '#e6dcff',
  job: '#d4f5d4',
  study: '#ffe0c2',
  health: '#c9f1ec',
  activity: '#f9d7ef',
  other: '#e8e8e8',
}
