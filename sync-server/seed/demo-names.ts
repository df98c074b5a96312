import type { SeedRandom } from './seed-random'

/**
 * Chinese names, phones and resident ID numbers that look real: surnames weighted by how
 * common they are, given names by the decade of birth (a 桂英 born in 1948, a 梓涵 born
 * in 2015), mobile numbers with real carrier prefixes, and 18-digit ID numbers with a
 * region code, the birth date, an odd/even sequence digit by sex and a valid check digit
 * (GB 11643-1999, ISO 7064 MOD 11-2).
 */

const COMMON_SURNAMES = [
  ...'王李张刘杨陈赵黄周吴徐孙马胡朱郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔向汤',
]
/** Rank-weighted: 王, 李, 张 are far more common than 汤. */
const SURNAME_WEIGHTS = COMMON_SURNAMES.map((s, i) => [s, 1 / (i + 4)] as const)

const GIVEN: Record<'F' | 'M', string[][]> = {
  F: [
    '秀英 桂英 秀兰 玉兰 桂兰 凤英 淑珍 玉珍 秀珍 翠花 兰英 玉梅 素芬 金花 凤兰 秀芳 淑英 桂香'.split(' '),
    '丽华 红梅 秀梅 丽君 淑华 春燕 红霞 桂芳 美玲 晓红 艳萍 小琴 爱华 丽萍 卫红 素琴 建英 彩霞'.split(' '),
    '丽 芳 静 敏 燕 娟 艳 霞 婷 丹 雪 莉 倩 晶 海燕 晓燕 丽娜 佳 慧 琳 亚楠 晓丽'.split(' '),
    '欣怡 梓涵 诗涵 雨涵 子涵 梓萱 思涵 一诺 可馨 佳怡 若汐 语桐 雨桐 芷若 依诺 思琪 梦瑶 悦'.split(' '),
  ],
  M: [
    '建国 国庆 德明 福生 文华 志刚 振华 永福 明德 长林 保国 树林 富贵 宝山 殿元 学文 满仓 有才'.split(' '),
    '建华 卫东 建军 红军 志强 国强 永刚 建平 海涛 卫国 立新 军 刚 勇 明 新民 胜利 振兴'.split(' '),
    '伟 磊 强 杰 涛 斌 超 鹏 浩 亮 辉 峰 波 晓东 建伟 志伟 海波 俊杰 军 鑫 龙 飞'.split(' '),
    '子轩 浩宇 浩然 宇轩 梓豪 俊熙 子豪 宇航 皓轩 博文 一鸣 睿 梓睿 铭泽 子墨 宇辰 泽宇 沐阳'.split(' '),
  ],
}

export type Sex = 'F' | 'M'

export function surname(rng: SeedRandom): string {
  // Mostly the common ones; now and then a rarer one from faker's zh_CN list.
  return rng.chance(0.88) ? rng.weighted(SURNAME_WEIGHTS) : rng.faker.person.lastName()
}

/** A given name typical of people born in `birthYear`. */
export function givenName(rng: SeedRandom, sex: Sex, birthYear: number): string {
  const era = birthYear < 1956 ? 0 : birthYear < 1976 ? 1 : birthYear < 1996 ? 2 : 3
  // faker's zh_CN list mixes generations; it suits those born in the 1980s–90s best.
  if (era === 2 && rng.chance(0.25)) return rng.faker.person.firstName(sex === 'F' ? 'female' : 'male')
  return rng.pick(GIVEN[sex][era] as string[])
}

const MOBILE_PREFIXES = ['139', '138', '135', '137', '158', '159', '150', '152', '187', '183', '133', '153', '189', '181', '130', '131', '132', '155', '156', '186', '177', '199']

export function mobile(rng: SeedRandom): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0')
}

/** Region codes: Huanglong County itself, and places migrant families come from. */
export const LOCAL_REGION = '610631'
export const MIGRANT_REGIONS = ['610632', '610526', '610524', '610602', '610581', '611025', '620102', '410381']

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** The check character of the first 17 digits of a resident ID number. */
export function idCheckDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number)
  return ID_CHECK[sum % 11] as string
}

/** An 18-digit ID number for a person born on `birthDate` (YYYY-MM-DD). */
export function idNumber(rng: SeedRandom, region: string, birthDate: string, sex: Sex): string {
  const seq = rng.int(0, 99)
  const sexDigit = rng.int(0, 4) * 2 + (sex === 'M' ? 1 : 0)
  const first17 = region + birthDate.replace(/-/g, '') + String(seq).padStart(2, '0') + String(sexDigit)
  return first17 + idCheckDigit(first17)
}
