import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { chineseNumeralValue, naturalKey, naturalOrder, sortByAddress, type AddressParts } from '../../../src/shared/rules/address-order'

const addr = (estate: string, building: string, unit = '', door = ''): AddressParts => ({ estate, building, unit, door })
const line = (a: AddressParts) => [a.estate, a.building, a.unit, a.door].join('/')

describe('chineseNumeralValue', () => {
  it('reads numerals with 十/百/千 as numbers and runs without them digit by digit', () => {
    expect(['一', '十', '十二', '二十', '二十三', '两百', '一百零一', '三千零五'].map(chineseNumeralValue)).toEqual([1, 10, 12, 20, 23, 200, 101, 3005])
    expect(chineseNumeralValue('二〇二')).toBe(202)
  })
})

describe('naturalOrder', () => {
  it('puts 2栋 before 10栋, 二期 before 十期, full-width digits with digits, and empty names last', () => {
    const names = ['10栋', '', '2栋', '十二栋', '３栋', '1栋']
    expect([...names].sort(naturalOrder())).toEqual(['1栋', '2栋', '３栋', '10栋', '十二栋', ''])
    expect(['十期', '三期', '二期'].sort(naturalOrder())).toEqual(['二期', '三期', '十期'])
  })

  it('is a consistent total order (antisymmetric, transitive) on any names', () => {
    const part = fc.oneof(fc.constantFrom('', '2栋', '10栋', '十栋', '二栋', 'A座', 'a座', '幸福小区', '3-101'), fc.string({ maxLength: 4 }))
    const compare = naturalOrder()
    fc.assert(
      fc.property(part, part, part, (a, b, c) => {
        expect(Math.sign(compare(a, b)) + Math.sign(compare(b, a))).toBe(0)
        if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c)).toBeLessThanOrEqual(0)
        if (compare(a, b) === 0) expect(naturalKey(a)).toBe(naturalKey(b))
      }),
    )
  })
})

describe('sortByAddress', () => {
  it('orders by estate, building, unit, then door, each naturally (101 before 1101)', () => {
    const rows = [
      addr('幸福小区', '10栋', '1单元', '101'),
      addr('幸福小区', '2栋', '2单元', '101'),
      addr('幸福小区', '2栋', '1单元', '1101'),
      addr('幸福小区', '2栋', '1单元', '101'),
      addr('和平里', '3栋', '1单元', '602'),
      addr('', '', '', ''),
    ]
    expect(sortByAddress(rows, (a) => a).map(line)).toEqual([
      '和平里/3栋/1单元/602',
      '幸福小区/2栋/1单元/101',
      '幸福小区/2栋/1单元/1101',
      '幸福小区/2栋/2单元/101',
      '幸福小区/10栋/1单元/101',
      '///',
    ])
  })

  it('breaks ties at one address by the given order and leaves the input untouched', () => {
    const rows = [{ name: '乙', a: addr('x', '1栋') }, { name: '甲', a: addr('x', '1栋') }]
    const sorted = sortByAddress(rows, (r) => r.a, (p, q) => p.name.localeCompare(q.name, 'zh-CN'))
    expect(sorted.map((r) => r.name)).toEqual(['甲', '乙'])
    expect(rows.map((r) => r.name)).toEqual(['乙', '甲'])
  })
})
