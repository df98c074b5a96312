import type { LunarToSolar } from './today-rules'

/**
 * Loads the lunar calendar (lunar-javascript, ~400 KB) only when the festival list is
 * drawn, so the Today screen's first paint does not wait for it.
 */
export async function loadLunarToSolar(): Promise<LunarToSolar> {
  const { Lunar } = await import('lunar-javascript')
  return (year, month, day) => Lunar.fromYmd(year, month, day).getSolar().toYmd()
}
