import { describe, expect, it } from 'vitest'
import type { Address } from '@/shared'
import { sortByAddress } from '@/shared/rules/address-order'
import { buildingIndex, firstRows, placesOf, sectionsOf } from '@/features/households/household-order'

const at = (estate: string, building: string, unit: string, door: string): Address => ({ estate, building, unit, door })
const rows = sortByAddress(
  [
    at('幸福小区', '10栋', '1单元', '101'),
    at('幸福小区', '2栋', '1单元', '201'),
    at('幸福小区', '2栋', '1单元', '101'),
    at('幸福小区', '2栋', '2单元', '101'),
    at('和平里', '1栋', '', '3'),
  ],
  (a) => a,
)

describe('sectionsOf', () => {
  it('cuts address-sorted rows into 小区 › 楼栋 › 单元 sections in walking order', () => {
    const sections = sectionsOf(rows, (a) => a)
    expect(sections.map((s) => [s.key, s.rows.map((r) => r.door), s.total])).toEqual([
      ['和平里|1栋|', ['3'], 1],
      ['幸福小区|2栋|1单元', ['101', '201'], 2],
      ['幸福小区|2栋|2单元', ['101'], 1],
      ['幸福小区|10栋|1单元', ['101'], 1],
    ])
    expect(sections[1]?.buildingKey).toBe('幸福小区|2栋')
  })
})

describe('firstRows', () => {
  it('keeps the sections of the first n rows, cutting the last one short but keeping its total', () => {
    const cut = firstRows(sectionsOf(rows, (a) => a), 2)
    expect(cut.map((s) => [s.key, s.rows.length, s.total])).toEqual([
      ['和平里|1栋|', 1, 1],
      ['幸福小区|2栋|1单元', 1, 2],
    ])
  })
})

describe('buildingIndex', () => {
  it('lists estates and buildings with counts and where each building starts', () => {
    expect(buildingIndex(rows, (a) => a)).toEqual([
      { estate: '和平里', count: 1, buildings: [{ estate: '和平里', building: '1栋', key: '和平里|1栋', count: 1, first: 0 }] },
      {
        estate: '幸福小区',
        count: 4,
        buildings: [
          { estate: '幸福小区', building: '2栋', key: '幸福小区|2栋', count: 3, first: 1 },
          { estate: '幸福小区', building: '10栋', key: '幸福小区|10栋', count: 1, first: 4 },
        ],
      },
    ])
  })
})

describe('placesOf', () => {
  it('gives each estate its buildings once, in natural order', () => {
    expect(placesOf([at('b', '10栋', '', ''), at('a', '1栋', '', ''), at('b', '2栋', '', ''), at('b', '2栋', '', '')])).toEqual([
      { estate: 'a', buildings: ['1栋'] },
      { estate: 'b', buildings: ['2栋', '10栋'] },
    ])
  })
})
