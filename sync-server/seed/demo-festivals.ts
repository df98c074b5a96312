import { Lunar } from 'lunar-javascript'
import type { Household, KeyGroup } from '../../src/shared'
import type { Scenario } from './demo-visit-text'
import type { HouseholdTraits } from './demo-fit'

/**
 * The care calendar's festival visits: before Spring Festival, on Learn-from-Lei-Feng
 * Day, Children's Day, the Dragon Boat and Mid-Autumn festivals and Double Ninth, the
 * worker calls on the key households each festival concerns. Lunar dates are converted
 * with lunar-javascript, so the demo's festivals fall on the right days of each year.
 */

export interface Festival {
  name: string
  /** The festival's Gregorian date in `year` (YYYY-MM-DD). */
  dateIn(year: number): string
  /** Households this festival's visit is for. */
  concerns(h: Household, t: HouseholdTraits): boolean
  scenarios: Scenario[]
}

const lunar = (month: number, day: number) => (year: number) => Lunar.fromYmd(year, month, day).getSolar().toYmd()
const solar = (month: number, day: number) => (year: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
const has = (h: Household, groups: KeyGroup[]) => h.keyGroups.some((g) => groups.includes(g))
const ELDERLY: KeyGroup[] = ['elderly-alone', 'lost-only-child']

export const FESTIVALS: Festival[] = [
  {
    name: '春节',
    dateIn: lunar(1, 1),
    concerns: (h) => h.keyGroups.length > 0,
    scenarios: [
      ['春节前上门送温暖，家里已经贴上了春联', '', '送上米、面、油和慰问金，拜个早年'],
      ['春节前走访，{name}家正在准备年货', '希望过年期间社区多关注', '留下春节值班电话，约好节后再来'],
    ],
  },
  {
    name: '学雷锋日',
    dateIn: solar(3, 5),
    concerns: (h) => has(h, ['elderly-alone', 'disabled']),
    scenarios: [['学雷锋日和志愿者一起上门', '', '帮忙打扫卫生、擦玻璃、整理杂物']],
  },
  {
    name: '儿童节',
    dateIn: solar(6, 1),
    concerns: (h, t) => t.hasMinor && has(h, ['left-behind', 'single-parent', 'hardship', 'migrant-family']),
    scenarios: [['六一前夕给孩子送节日礼物', '孩子想参加社区六一活动', '送上书包和文具，给孩子报名了社区游园会']],
  },
  {
    name: '端午节',
    dateIn: lunar(5, 5),
    concerns: (h) => has(h, ELDERLY),
    scenarios: [['端午节上门送粽子', '', '和{name}一起包粽子，聊了聊家常']],
  },
  {
    name: '中秋节',
    dateIn: lunar(8, 15),
    concerns: (h) => has(h, [...ELDERLY, 'serious-illness', 'disabled']),
    scenarios: [['中秋节前上门看望', '', '送上月饼，陪{name}说了会儿话'], ['中秋节前走访，家里收拾得很干净', '希望在外地的子女中秋能回来', '帮忙给在外地的子女打了视频电话']],
  },
  {
    name: '重阳节',
    dateIn: lunar(9, 9),
    concerns: (h, t) => t.hasElder && has(h, ELDERLY),
    scenarios: [['重阳节上门看望老人', '希望社区组织老人体检', '送上重阳糕和慰问品，登记了体检需求']],
  },
]

/** Festivals whose date (at noon in China) lies in [fromMs, toMs). */
export function festivalsBetween(fromMs: number, toMs: number): { festival: Festival; ms: number }[] {
  const out: { festival: Festival; ms: number }[] = []
  const y0 = new Date(fromMs).getUTCFullYear()
  const y1 = new Date(toMs).getUTCFullYear()
  for (let y = y0; y <= y1; y++) {
    for (const festival of FESTIVALS) {
      const ms = Date.parse(`${festival.dateIn(y)}T12:00:00+08:00`)
      if (ms >= fromMs && ms < toMs) out.push({ festival, ms })
    }
  }
  return out.sort((a, b) => a.ms - b.ms)
}
