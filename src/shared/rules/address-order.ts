/**
 * The order a worker walks her grid in: 小区, then 楼栋, 单元, 门牌, each part compared
 * "naturally".
 * Guarantees:
 * - numbers compare by value: 2栋 before 10栋, 101 before 1101, 3-2 before 3-10;
 * - Chinese numerals count as the numbers they write (二期 before 十期, 十二栋 before
 *   二十栋, 一百零一 = 101); full-width digits as digits (NFKC);
 * - other text in Chinese collation order (pinyin), case-insensitively;
 * - an empty part sorts after every named one, so an address not filled in goes last;
 * - the comparison is a total order on strings (ties only between equal keys).
 * No module state: the collator is made per comparator, as ICU loads on first use.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
const MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }
const CHINESE_NUMBER = /[零〇一二两三四五六七八九十百千]+/g

/**
 * The value of a run of Chinese numerals: 十二 → 12, 二十 → 20, 一百零一 → 101; a run
 * without 十/百/千 is read digit by digit (二〇二 → 202), as door numbers are spoken.
 */
export function chineseNumeralValue(run: string): number {
  const chars = [...run]
  if (!chars.some((c) => c in MULTIPLIERS)) return Number(chars.map((c) => DIGITS[c] ?? 0).join(''))
  let total = 0
  let digit = 0
  for (const c of chars) {
    const m = MULTIPLIERS[c]
    if (m === undefined) digit = DIGITS[c] ?? 0
    else {
      total += (digit || 1) * m
      digit = 0
    }
  }
  return total + digit
}

/** The sort key of one address part: NFKC, trimmed, lowercase, Chinese numerals as digits. */
export function naturalKey(part: string): string {
  return part
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(CHINESE_NUMBER, (run) => String(chineseNumeralValue(run)))
}

/** A comparator of (already keyed) parts: natural order, empty last. */
function keyComparator(): (a: string, b: string) => number {
  const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })
  return (a, b) => {
    if (a === b) return 0
    if (!a) return 1
    if (!b) return -1
    return collator.compare(a, b) || (a < b ? -1 : 1)
  }
}

/** A comparator of raw strings (estate or building names) in natural order, empty last. */
export function naturalOrder(): (a: string, b: string) => number {
  const compare = keyComparator()
  return (a, b) => compare(naturalKey(a), naturalKey(b))
}

export interface AddressParts {
  estate: string
  building: string
  unit: string
  door: string
}

/**
 * `rows` sorted by address in walking order (a new array); rows at the same address keep
 * the order of `tieBreak` (else their input order). Each address is keyed once.
 */
export function sortByAddress<T>(rows: readonly T[], addressOf: (row: T) => AddressParts, tieBreak?: (a: T, b: T) => number): T[] {
  const compare = keyComparator()
  const keyed = rows.map((row) => {
    const a = addressOf(row)
    return { row, key: [a.estate, a.building, a.unit, a.door].map(naturalKey) }
  })
  keyed.sort((x, y) => {
    for (let i = 0; i < 4; i++) {
      const c = compare(x.key[i] as string, y.key[i] as string)
      if (c !== 0) return c
    }
    return tieBreak ? tieBreak(x.row, y.row) : 0
  })
  return keyed.map((k) => k.row)
}
