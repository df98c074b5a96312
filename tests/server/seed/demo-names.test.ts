import { describe, expect, it } from 'vitest'
import { createSeedRandom } from '../../../sync-server/seed/seed-random'
import { idCheckDigit, idNumber, mobile } from '../../../sync-server/seed/demo-names'

describe('idCheckDigit', () => {
  it('computes the GB 11643 check character, including X', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X')
    expect(idCheckDigit('44052418800101001')).toBe('4')
  })
})

describe('idNumber', () => {
  it('encodes region, birth date and sex, and ends with a valid check digit', () => {
    const rng = createSeedRandom(1)
    for (let i = 0; i < 200; i++) {
      const sex = i % 2 === 0 ? 'F' : 'M'
      const id = idNumber(rng, '610631', '1952-03-09', sex)
      expect(id).toMatch(/^61063119520309\d{3}[\dX]$/)
      expect(Number(id[16]) % 2).toBe(sex === 'M' ? 1 : 0)
      expect(id[17]).toBe(idCheckDigit(id.slice(0, 17)))
    }
  })
})

describe('mobile', () => {
  it('returns 11-digit mainland mobile numbers', () => {
    const rng = createSeedRandom(2)
    for (let i = 0; i < 100; i++) expect(mobile(rng)).toMatch(/^1[3-9]\d{9}$/)
  })
})

describe('createSeedRandom', () => {
  it('repeats the same ids and names for the same seed', () => {
    const draw = () => {
      const rng = createSeedRandom(42)
      return [rng.uuid(1_700_000_000_000), rng.faker.person.lastName(), rng.int(1, 100)]
    }
    expect(draw()).toEqual(draw())
  })

  it('makes UUIDv7 ids that carry the given time', () => {
    const id = createSeedRandom(3).uuid(Date.parse('2025-01-02T03:04:05Z'))
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2025-01-02T03:04:05Z'))
  })

  it('refuses to pick from an empty list', () => {
    expect(() => createSeedRandom(4).pick([])).toThrow()
  })
})
