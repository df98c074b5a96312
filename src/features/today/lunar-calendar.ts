import type { LunarToSolar } from './today-rules'

/**
 * The two lunar care festivals (端午 5/5, 中秋 8/15) as solar dates, from a table for
 * 2000–2100 computed with lunar-javascript (the test checks every entry against it), so
 * the Today screen draws them without the library (~100 KB gzip). Outside those years
 * the library is loaded on demand.
 */

const FIRST_YEAR = 2000
const LAST_YEAR = 2100
/** Per year from FIRST_YEAR, 8 digits: MMDD of 端午 then MMDD of 中秋. */
const FESTIVALS =
  '06060912062510010615092106040911062209280611091805311006061909250608091405281003' +
  '06160922060609120623093006120919060209080620092706090915053010040618092406070913' +
  '06251001061409210603091006220929061009170531100606190925060909150528100306160922' +
  '06050912062410010612091906010908062009270610091605301004061809240607091305271002' +
  '06140920060309100622092806110917053110050619092506080915052910040615092206040911' +
  '06230930061309190601090706200926061009160530100506170924060609130625100206140921' +
  '06030909062209280611091706011006061909250608091505281003061609230604091106230929' +
  '06130919060209080620092606100916053010050617092406060912062410010614092006040910' +
  '06220928061109170601100606190926060709140527100306150922060509110623092906130918' +
  '06020908062109270609091605291005061709240606091306240930061409200604090906230929' +
  '06120918'

const SLOT: Record<string, number> = { '5-5': 0, '8-15': 4 }

/** The solar ISO date of a care festival from the table, or null when the table lacks it. */
export function tableLunarToSolar(year: number, month: number, day: number): string | null {
  const slot = SLOT[`${month}-${day}`]
  if (slot === undefined || year < FIRST_YEAR || year > LAST_YEAR) return null
  const at = (year - FIRST_YEAR) * 8 + slot
  return `${year}-${FESTIVALS.slice(at, at + 2)}-${FESTIVALS.slice(at + 2, at + 4)}`
}

/** Whether the table answers every care festival of these (lunar) years. */
export function tableCovers(years: number[]): boolean {
  return years.every((y) => y >= FIRST_YEAR && y <= LAST_YEAR)
}

/** Any lunar date with the full calendar library, loaded on first use. */
export async function loadLunarToSolar(): Promise<LunarToSolar> {
  const { Lunar } = await import('lunar-javascript')
  return (year, month, day) => Lunar.fromYmd(year, month, day).getSolar().toYmd()
}

/** The table's converter (for the care festivals of the years it covers). */
export const festivalLunarToSolar: LunarToSolar = (year, month, day) => {
  const date = tableLunarToSolar(year, month, day)
  if (date === null) throw new RangeError(`no table entry for lunar ${year}-${month}-${day}`)
  return date
}
