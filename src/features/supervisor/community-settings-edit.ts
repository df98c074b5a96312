import type { CommunityDateWhen } from '@/shared'

/** Pure list edits of the community settings screen (each save writes the whole list). */

/** The list with item `i` moved by `delta` places (unchanged at either end). */
export function moveItem<T>(list: readonly T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list]
  const out = [...list]
  ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  return out
}

/** The list with item `i` replaced (appended when `i` is past the end). */
export function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  return i >= list.length ? [...list, item] : list.map((x, k) => (k === i ? item : x))
}

/** The list without item `i`. */
export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, k) => k !== i)
}

/** A community date's day as the screens write it: 每年 9 月 20 日, or 2027 年 4 月 10 日. */
export function whenText(when: CommunityDateWhen, t: (key: string, values: Record<string, unknown>) => string): string {
  if (when.kind === 'yearly') return t('supervisor.community.whenYearly', { m: when.month, d: when.day })
  const [y, m, d] = when.date.split('-').map(Number)
  return t('supervisor.community.whenOnce', { y, m, d })
}
