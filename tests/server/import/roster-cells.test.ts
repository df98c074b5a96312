import { describe, expect, it } from 'vitest'
import { parseKeyGroupText, parseRelationText } from '../../../src/shared/roster'
import { splitAddress } from '../../../sync-server/import/roster-address'
import { fromIdNumber, idChecksumOk, readBirthDate, readIdNumber, readPhone } from '../../../sync-server/import/roster-cells'

const TODAY = '2026-12-07'

describe('roster cells', () => {
  it('reads the date spellings registers use, and Excel serial dates', () => {
    for (const s of ['1952.03.04', '1952.3.4', '1952年3月4日', '1952年03月04日', '1952-3-4', '1952/03/04', '19520304']) {
      expect(readBirthDate(s, TODAY)).toEqual({ ok: true, value: '1952-03-04' })
    }
    expect(readBirthDate(19057, TODAY)).toEqual({ ok: true, value: '1952-03-04' })
    expect(readBirthDate(new Date(Date.UTC(1952, 2, 4)), TODAY)).toEqual({ ok: true, value: '1952-03-04' })
  })
  it('refuses dates that do not exist or lie in the future', () => {
    expect(readBirthDate('1952.02.30', TODAY).ok).toBe(false)
    expect(readBirthDate('2030-01-01', TODAY).ok).toBe(false)
    expect(readBirthDate('三月', TODAY).ok).toBe(false)
  })
  it('checks the ID check digit (GB 11643 example 11010519491231002X)', () => {
    expect(idChecksumOk('11010519491231002X')).toBe(true)
    expect(idChecksumOk('110105194912310021')).toBe(false)
    expect(readIdNumber('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' })
    expect(fromIdNumber('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'F' })
    expect(readIdNumber(Number('110105194912310020')).ok).toBe(false)
  })
  it('reads mobiles and landlines written with spaces, dashes, brackets or +86', () => {
    expect(readPhone('138 0013 8000')).toEqual({ ok: true, value: '13800138000' })
    expect(readPhone('+86 138-0013-8000')).toEqual({ ok: true, value: '13800138000' })
    expect(readPhone('(0731)8888 6666')).toEqual({ ok: true, value: '0731-88886666' })
    expect(readPhone(88886666)).toEqual({ ok: true, value: '88886666' })
    expect(readPhone('12345').ok).toBe(false)
  })
  it('maps key-group synonyms and relations, keeping what it cannot map', () => {
    expect(parseKeyGroupText('空巢老人，肢体残疾二级；求职').groups).toEqual(['disabled', 'elderly-alone', 'unemployed'])
    expect(parseKeyGroupText('孤寡老人 失业 无').groups).toEqual(['elderly-alone', 'unemployed'])
    expect(parseKeyGroupText('残疾人、爱唱歌').unknown).toEqual(['爱唱歌'])
    expect([parseRelationText('户主'), parseRelationText('妻子'), parseRelationText('长女'), parseRelationText('邻居')]).toEqual(['self', 'spouse', 'child', null])
  })
  it('splits a whole address after the longest known estate', () => {
    expect(splitAddress('幸福小区3号楼2单元301室', ['幸福', '幸福小区'])).toEqual({ estate: '幸福小区', building: '3栋', unit: '2单元', door: '301' })
    expect(splitAddress('东关巷12号', ['东关巷'])).toEqual({ estate: '东关巷', building: '12号', unit: '', door: '' })
    expect(splitAddress('不知道', [])).toBeNull()
  })
})
